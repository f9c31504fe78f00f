import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { importKernel } from "../../generator/syscall/import/index.js";
import { repoRoot } from "../support/cli.js";

// The committed arch specs must be exactly what importing the Linux tree gives: the numbers are
// imported, never typed, and this catches a hand edit or an importer change not re-run.
test("importing the 6.12 tree again leaves every arch spec byte-identical", async () => {
  const kernelDir = process.env.SYSCALLGEN_KERNEL_SRC;
  if (!kernelDir) throw new Error("SYSCALLGEN_KERNEL_SRC is not set: point it at an unpacked linux-source-6.12 (.ci/run does)");
  const archDir = mkdtempSync(join(tmpdir(), "syscallgen-import-"));
  try {
    cpSync(join(repoRoot, "specs/arch"), archDir, { recursive: true });
    const report = await importKernel({ kernelDir, archDir });
    expect(report.version).toMatch(/^6\.12\.\d+$/);
    for (const file of readdirSync(archDir)) {
      expect(readFileSync(join(archDir, file), "utf8"), file).toBe(readFileSync(join(repoRoot, "specs/arch", file), "utf8"));
    }
    expect(report.arches.every((a) => !a.changed)).toBe(true);
  } finally {
    rmSync(archDir, { recursive: true, force: true });
  }
});
