/**
 * Builds test/go/runtime against the generated package for every GOARCH and
 * runs it: natively for 386/amd64, under qemu-user for the rest.
 */
import { afterAll, describe, test } from "vitest";
import { selectedArches } from "../support/arches.js";
import { assertGoTestsPassed, buildAndRunGoTests, type GoTestReport } from "../support/go-harness.js";
import { GO_RUNTIME_TESTS, packageDir, requireDir } from "../support/paths.js";

const pkgDir = packageDir();
const reports: GoTestReport[] = [];

describe(`runtime tests of ${pkgDir}`, () => {
  test.concurrent.each(selectedArches())("GOARCH=%s", async (arch) => {
    requireDir(pkgDir, "Generate it first (npm run gen) or point SYSCALLGEN_PKG_DIR at a package.");
    const r = await buildAndRunGoTests({ pkgDir, arch, testDir: GO_RUNTIME_TESTS });
    reports.push(r);
    for (const note of r.qemuNotes) console.log(`[${arch}] ${note}`);
    assertGoTestsPassed(r);
  }, 30 * 60_000);

  afterAll(() => {
    // One table for the whole run: pass counts, emulator notes, fallbacks taken and timings per arch.
    const rows = [...reports].sort((a, b) => a.arch.localeCompare(b.arch)).map((r) =>
      `${r.arch.padEnd(9)} ${r.emulated ? "qemu  " : "native"} pass ${String(r.passed.length).padStart(3)} fail ${String(r.failed.length).padStart(2)} ` +
      `qemu-notes ${r.qemuNotes.length} fallbacks ${r.fallbacks.length} build ${(r.buildMs / 1000).toFixed(1)}s run ${(r.runMs / 1000).toFixed(1)}s` +
      (r.failed.length > 0 ? `  failed: ${r.failed.join(" ")}` : ""));
    if (rows.length > 0) console.log(`runtime results:\n${rows.join("\n")}`);
  });
});
