/**
 * Every generated SYS_ number against the kernel's own uapi headers, built
 * with `make headers` from the tree in SYSCALLGEN_KERNEL_SRC: no number may
 * differ; names only one side has are printed.
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { selectedArches } from "../support/arches.js";
import { readGoDecls, sysnums } from "../support/go-decls.js";
import { installedAsmDir, KARCH_BY_GOARCH, kernelSrcFromEnv } from "../support/kernel-headers.js";
import { diffSysnums, kernelSysnums, TABLE_BY_GOARCH } from "../support/kernel-sysnum.js";
import { packageDir, requireDir } from "../support/paths.js";
import { digest, writeReport } from "../support/report.js";

const pkgDir = packageDir();

describe(`SYS_ numbers of ${pkgDir} vs Linux uapi headers`, () => {
  test.concurrent.each(selectedArches())("GOARCH=%s", async (arch) => {
    const src = kernelSrcFromEnv();
    requireDir(pkgDir, "Generate it first (npm run gen) or point SYSCALLGEN_PKG_DIR at a package.");
    const asmDir = await installedAsmDir(src, KARCH_BY_GOARCH[arch]);
    const kernel = kernelSysnums(asmDir, arch);
    const ours = sysnums(readGoDecls([path.join(pkgDir, `zsysnum_linux_${arch}.go`)]));
    if (ours.size === 0) throw new Error(`no SYS_ constants with literal values in zsysnum_linux_${arch}.go`);
    const d = diffSysnums(ours, kernel);
    const file = writeReport(`kernel-sysnum-${arch}.txt`, { "only in rawsys": d.onlyOurs, "only in kernel": d.onlyKernel });
    console.log([
      `[${arch}] ${d.compared} SYS_ numbers compared with ${KARCH_BY_GOARCH[arch]}/${TABLE_BY_GOARCH[arch]}, ${d.mismatched.length} differ (lists: ${file})`,
      digest(`[${arch}] only in rawsys`, d.onlyOurs, 1000),
      digest(`[${arch}] only in kernel`, d.onlyKernel, 1000),
    ].join("\n"));
    const wrong = d.mismatched.map((m) => `${m.name}: rawsys ${m.ours}, kernel ${m.kernel}`);
    expect(wrong, `SYS_ numbers that differ from the kernel on ${arch}`).toEqual([]);
    expect(d.compared).toBeGreaterThan(200);
  }, 20 * 60_000);
});
