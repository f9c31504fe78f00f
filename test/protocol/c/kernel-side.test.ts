/**
 * The kernel half of demo.h, by the kernel's own tools: scripts/kernel-doc finds every struct,
 * enum and function documented, checkpatch finds only the two warnings the header accepts, and
 * Kbuild (in a build directory prepared from the same tree, or SYSCALLGEN_KBUILD_DIR) compiles a module
 * using the whole kernel API with W=1 and no warning.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { execCapture, execOrThrow } from "../../support/exec.js";
import { C_TESTS, headerDir, removeHeaderDirs } from "./c-support.js";

afterAll(removeHeaderDirs);

const tree = process.env.SYSCALLGEN_KERNEL_SRC ?? "";
const kernelDoc = path.join(tree, "scripts", "kernel-doc");
const checkpatch = path.join(tree, "scripts", "checkpatch.pl");

/**
 * A kernel build directory ready for external modules: the 6.12 tree's defconfig and
 * modules_prepare, built out of tree (O=) once into the cache, about 15 s on two cores.
 */
function preparedKbuildDir(): string {
  if (process.env.SYSCALLGEN_KBUILD_DIR) return process.env.SYSCALLGEN_KBUILD_DIR;
  const dir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "syscallgen", "kbuild-6.12-x86_64");
  if (!existsSync(path.join(dir, "scripts", "module.lds"))) {
    for (const target of ["defconfig", "modules_prepare"]) {
      const r = spawnSync("make", ["-C", tree, `O=${dir}`, "-j2", target], { encoding: "utf8", timeout: 15 * 60_000 });
      if (r.status !== 0) throw new Error(`make ${target} failed:\n${r.stdout}\n${r.stderr}`);
    }
  }
  return dir;
}

test("kernel-doc finds nothing undocumented", async () => {
  if (!existsSync(kernelDoc)) throw new Error(`no ${kernelDoc}: set SYSCALLGEN_KERNEL_SRC to a Linux 6.12 tree`);
  const header = path.join(headerDir("kdoc"), "demo.h");
  const r = await execOrThrow("kernel-doc", "perl", [kernelDoc, "-none", "-Wall", header]);
  expect(r.output).toBe("");
  const rst = await execOrThrow("kernel-doc", "perl", [kernelDoc, "-rst", header]);
  // Proof it parsed the file at all: an entry for each struct, enum and function.
  expect(rst.output.match(/^\.\. c:(function|struct|enum)::/gm)?.length).toBeGreaterThan(60);
});

test("checkpatch --strict finds only the accepted warnings", async () => {
  if (!existsSync(checkpatch)) throw new Error(`no ${checkpatch}: set SYSCALLGEN_KERNEL_SRC to a Linux 6.12 tree`);
  const header = path.join(headerDir("checkpatch"), "demo.h");
  const r = await execCapture("perl", [checkpatch, "-f", "--no-tree", "--terse", "--strict", "--show-types", header]);
  const findings = r.output.split("\n").filter((l) => l.startsWith(header)).map((l) => l.replace(/^[^:]*:\d+: /, ""));
  // __aligned() is the kernel's own macro, which user space lacks; and the printk level is the
  // first %s argument, chosen at run time from the message.
  expect(findings).toEqual([
    "WARNING:PREFER_DEFINED_ATTRIBUTE_MACRO: Prefer __aligned(8) over __attribute__((aligned(8)))",
    "WARNING:PRINTK_WITHOUT_KERN_LEVEL: printk() should include KERN_<LEVEL> facility level",
  ]);
});

test("Kbuild compiles a module using the kernel API, W=1, no warning", async () => {
  const kbuild = preparedKbuildDir();
  const dir = headerDir("kmod");
  for (const f of readdirSync(path.join(C_TESTS, "kmod"))) cpSync(path.join(C_TESTS, "kmod", f), path.join(dir, f));
  // No vmlinux symbols in a modules_prepare tree: modpost may only warn about them.
  const r = await execOrThrow("make modules", "make", ["-C", kbuild, `M=${dir}`, "W=1", "KBUILD_MODPOST_WARN=1", "modules"], { timeoutMs: 300_000 });
  const compilerLines = r.output.split("\n").filter((l) => /(demo\.h|demo-kmod\.c):\d+:\d+: (warning|error)/.test(l));
  expect(compilerLines).toEqual([]);
  expect(r.output).toContain("CC [M]");
  expect(existsSync(path.join(dir, "demo-kmod.o"))).toBe(true);
});
