/**
 * The API contract with golang.org/x/sys/unix, per GOARCH: every SYS_ number
 * and constant both declare is equal (and errno/signal constants keep their
 * type), and every type both declare has the same layout. Names only one
 * side declares are printed, never failed.
 */
import { describe, test } from "vitest";
import { selectedArches } from "../support/arches.js";
import { assertGoTestsPassed, buildAndRunGoTests } from "../support/go-harness.js";
import { GO_XSYS_TESTS, packageDir, requireDir } from "../support/paths.js";
import { digest, writeReport } from "../support/report.js";
import { planXsysCheck } from "../support/xsys-plan.js";

const pkgDir = packageDir();

describe(`x/sys compatibility of ${pkgDir}`, () => {
  test.concurrent.each(selectedArches())("GOARCH=%s", async (arch) => {
    requireDir(pkgDir, "Generate it first (npm run gen) or point SYSCALLGEN_PKG_DIR at a package.");
    const plan = await planXsysCheck(pkgDir, arch);
    const file = writeReport(`xsys-${arch}.txt`, {
      "SYS_ only in rawsys": plan.onlyOurs.sysnums, "constants only in rawsys": plan.onlyOurs.consts,
      "types only in rawsys": plan.onlyOurs.types, "SYS_ only in x/sys": plan.onlyXsys.sysnums,
      "constants only in x/sys": plan.onlyXsys.consts, "types only in x/sys": plan.onlyXsys.types,
    });
    console.log([
      `[${arch}] comparing ${plan.constCount} constants, ${plan.typeCount} types and ${plan.funcCount} function signatures with x/sys (full lists: ${file})`,
      digest(`[${arch}] SYS_ only in rawsys`, plan.onlyOurs.sysnums, 1000),
      digest(`[${arch}] constants only in rawsys`, plan.onlyOurs.consts, 1000),
      digest(`[${arch}] types only in rawsys`, plan.onlyOurs.types, 1000),
      digest(`[${arch}] SYS_ only in x/sys`, plan.onlyXsys.sysnums),
      digest(`[${arch}] constants only in x/sys`, plan.onlyXsys.consts),
      digest(`[${arch}] types only in x/sys`, plan.onlyXsys.types),
    ].join("\n"));
    const r = await buildAndRunGoTests({
      pkgDir, arch, testDir: GO_XSYS_TESTS, requireXsys: true,
      extraFiles: { "zz_xsys_table_test.go": plan.source },
    });
    assertGoTestsPassed(r);
  }, 30 * 60_000);
});
