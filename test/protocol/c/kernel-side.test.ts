/**
 * The kernel half of demo.h, by the kernel's own tools: scripts/kernel-doc finds every struct,
 * enum and function documented, checkpatch finds only the two warnings the header accepts, and
 * Kbuild (in a build directory prepared from the same tree, or SYSCALLGEN_KBUILD_DIR) compiles a module
 * using the whole kernel API with W=1 and no warning; and the kernel's lower-case macros, which
 * would rewrite a member of the same name, are all names the generator keeps out of the header.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { cReserved } from "../../../generator/core/c-reserved.js";
import { execCapture, execOrThrow } from "../../support/exec.js";
import { noKernelTreeMessage } from "../../support/kernel-tree.js";
import { C_TESTS, headerDir, preparedKbuildDir, removeHeaderDirs } from "./c-support.js";

afterAll(removeHeaderDirs);

const tree = process.env.SYSCALLGEN_KERNEL_SRC ?? "";
const kernelDoc = path.join(tree, "scripts", "kernel-doc");
const checkpatch = path.join(tree, "scripts", "checkpatch.pl");

test("kernel-doc finds nothing undocumented", async () => {
  if (!existsSync(kernelDoc)) throw new Error(`no ${kernelDoc}: ${noKernelTreeMessage()}`);
  const header = path.join(headerDir("kdoc"), "demo.h");
  const r = await execOrThrow("kernel-doc", "perl", [kernelDoc, "-none", "-Wall", header]);
  expect(r.output).toBe(""); // a warning on either stream is a finding
  const rst = await execOrThrow("kernel-doc", "perl", [kernelDoc, "-rst", header]);
  // Proof it parsed the file at all: an entry for each struct, enum and function.
  expect(rst.stdout.match(/^\.\. c:(function|struct|enum)::/gm)?.length).toBeGreaterThan(60);
});

test("checkpatch --strict finds only the accepted warnings", async () => {
  if (!existsSync(checkpatch)) throw new Error(`no ${checkpatch}: ${noKernelTreeMessage()}`);
  const header = path.join(headerDir("checkpatch"), "demo.h");
  const r = await execCapture("perl", [checkpatch, "-f", "--no-tree", "--terse", "--strict", "--show-types", header]);
  const findings = r.stdout.split("\n").filter((l) => l.startsWith(header)).map((l) => l.replace(/^[^:]*:\d+: /, ""));
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
  // The compiler's diagnostics are on stderr, Kbuild's progress lines on stdout.
  const compilerLines = r.stderr.split("\n").filter((l) => /(demo\.h|demo-kmod\.c):\d+:\d+: (warning|error)/.test(l));
  expect(compilerLines).toEqual([]);
  expect(r.stdout).toContain("CC [M]");
  expect(existsSync(path.join(dir, "demo-kmod.o"))).toBe(true);
});

test("every lower-case object-like macro of the header's kernel includes is a reserved C name", async () => {
  const kbuild = preparedKbuildDir();
  const dir = headerDir("macros");
  const header = readFileSync(path.join(dir, "demo.h"), "utf8");
  const includes = header.slice(header.indexOf("#ifdef __KERNEL__"), header.indexOf("#else")).match(/^#include <.*>$/gm)!;
  writeFileSync(path.join(dir, "macros.c"), `${includes.join("\n")}\n`);
  writeFileSync(path.join(dir, "Kbuild"), "obj-m += macros.o\nccflags-y += -dM\n");
  await execOrThrow("make macros.i", "make", ["-C", kbuild, `M=${dir}`, "macros.i"], { timeoutMs: 300_000 });
  // A macro that rewrites `s->name` or `struct demo_name` would break a member or tag of that name.
  const macros = [...readFileSync(path.join(dir, "macros.i"), "utf8").matchAll(/^#define ([a-z][a-z0-9_]*)(?: |$)/gm)].map((m) => m[1]!);
  expect(macros.length).toBeGreaterThan(100);
  expect(macros.filter((m) => !cReserved.has(m))).toEqual([]);
});
