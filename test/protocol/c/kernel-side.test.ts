/**
 * The kernel half of demo.h and of the runtime it includes, sgwire.h, and the generated
 * demo_helper.c, by the kernel's own tools: scripts/kernel-doc finds every struct, enum and
 * function documented, checkpatch --strict finds nothing, and Kbuild (in a build directory
 * prepared from the same tree, or SYSCALLGEN_KBUILD_DIR) compiles a module using the whole kernel
 * API, the call runtime's included (demo_helper.c over sgwire_helper.c), with W=1 and sparse
 * (C=1) and no warning, and with no declaration after a statement, as gnu89 kernels require; and
 * the kernel's lower-case macros, which would rewrite a member of the same name, are all names
 * the generator keeps out of the header.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { cReserved } from "../../../generator/core/c-reserved.js";
import { execCapture, execOrThrow } from "../../support/exec.js";
import { noKernelTreeMessage } from "../../support/kernel-tree.js";
import { requireTool } from "../../support/require-tool.js";
import { C_TESTS, headerDir, preparedKbuildDir, removeHeaderDirs } from "./c-support.js";

afterAll(removeHeaderDirs);

const tree = process.env.SYSCALLGEN_KERNEL_SRC ?? "";
const kernelDoc = path.join(tree, "scripts", "kernel-doc");
const checkpatch = path.join(tree, "scripts", "checkpatch.pl");

/** The headers a driver builds with and the generated .c, and how many kernel-doc entries each has at least. */
const headers = [
  { name: "demo.h", entries: 40 },
  { name: "sgwire.h", entries: 20 },
  { name: "demo_helper.c", entries: 0 },
];

test.each(headers)("kernel-doc finds nothing undocumented in $name", async ({ name, entries }) => {
  if (!existsSync(kernelDoc)) throw new Error(`no ${kernelDoc}: ${noKernelTreeMessage()}`);
  const header = path.join(headerDir("kdoc"), name);
  const r = await execOrThrow("kernel-doc", "perl", [kernelDoc, "-none", "-Wall", header]);
  expect(r.output).toBe(""); // a warning on either stream is a finding
  const rst = await execOrThrow("kernel-doc", "perl", [kernelDoc, "-rst", header]);
  // Proof it parsed the file at all: an entry for each struct, enum and function.
  expect(rst.stdout.match(/^\.\. c:(function|struct|enum|type)::/gm)?.length).toBeGreaterThan(entries);
});

test.each(headers)("checkpatch --strict finds nothing in $name", async ({ name }) => {
  if (!existsSync(checkpatch)) throw new Error(`no ${checkpatch}: ${noKernelTreeMessage()}`);
  const dir = headerDir("checkpatch");
  const header = path.join(dir, name);
  // In the header's own folder: checkpatch leaves a cache file in its working directory.
  const r = await execCapture("perl", [checkpatch, "-f", "--no-tree", "--terse", "--strict", "--show-types", header], { cwd: dir });
  const findings = r.stdout.split("\n").filter((l) => l.startsWith(header)).map((l) => l.replace(/^[^:]*:\d+: /, ""));
  expect(findings).toEqual([]);
  expect(r.code, r.output).toBe(0);
});

test("Kbuild compiles a module using the kernel API and the call runtime's, W=1 and sparse, no warning", async () => {
  const kbuild = preparedKbuildDir();
  requireTool("sparse", "sparse");
  const dir = headerDir("kmod");
  for (const f of readdirSync(path.join(C_TESTS, "kmod"))) cpSync(path.join(C_TESTS, "kmod", f), path.join(dir, f));
  // For demo-gnu89.c: the kernel headers the runtime includes, which come before its own code.
  // sgwire.h's kernel section with its conditionals (SGWIRE_ASM_UNALIGNED), then the runtime's.
  const wire = readFileSync(path.join(dir, "sgwire.h"), "utf8");
  const kernelSection = wire.slice(wire.indexOf("#ifdef __KERNEL__\n") + "#ifdef __KERNEL__\n".length, wire.indexOf("#else /* !__KERNEL__ */"));
  const kernelIncludes = [
    ...(kernelSection.match(/^#(include <[^>]*>|ifdef .*|else|endif)$/gm) ?? []),
    ...(readFileSync(path.join(dir, "sgwire_helper.c"), "utf8").match(/^#include <[^>]*>/gm) ?? []),
  ];
  writeFileSync(path.join(dir, "kernel-includes.h"), `${kernelIncludes.join("\n")}\n`);
  // No vmlinux symbols in a modules_prepare tree: modpost may only warn about them.
  const r = await execOrThrow("make modules", "make", ["-C", kbuild, `M=${dir}`, "W=1", "C=1", "KBUILD_MODPOST_WARN=1", "modules"], { timeoutMs: 300_000 });
  // The compiler's diagnostics are on stderr, Kbuild's progress lines on stdout.
  const compilerLines = r.stderr.split("\n").filter((l) => /(demo\.h|sgwire\.h|demo-kmod\.c|demo-gnu89\.c|demo_helper\.c|sgwire_helper\.[ch]):\d+:\d+: (warning|error)/.test(l));
  expect(compilerLines).toEqual([]);
  expect(r.stdout).toContain("CC [M]");
  expect(r.stdout).toContain("CHECK"); // sparse ran, and its findings are on stderr like gcc's
  expect(existsSync(path.join(dir, "demo-kmod.o"))).toBe(true);
  expect(existsSync(path.join(dir, "demo_helper.o"))).toBe(true);
  expect(existsSync(path.join(dir, "demo-gnu89.o"))).toBe(true); // gnu89's rule held
  // The API is the module's own, and nothing of the runtime is global.
  const nm = await execOrThrow("nm", "nm", [path.join(dir, "demo_helper.o")]);
  const globals = nm.stdout.split("\n").map((l) => l.trim().split(/\s+/)).filter((f) => f.length === 3 && /[A-Z]/.test(f[1]!)).map((f) => f[2]!);
  expect(globals.sort()).toEqual(["demo_call_query", "demo_helper_create", "demo_helper_destroy", "demo_helper_priv", "demo_helper_start", "demo_helper_stats", "demo_notify_hello", "demo_notify_ping"]);
});

test("every lower-case object-like macro of the header's kernel includes is a reserved C name", async () => {
  const kbuild = preparedKbuildDir();
  const dir = headerDir("macros");
  // The system headers are all the runtime's; demo.h includes only sgwire.h, and sgwire_helper.h in the kernel.
  expect(readFileSync(path.join(dir, "demo.h"), "utf8").match(/^#include .*$/gm)).toEqual(['#include "sgwire.h"', '#include "sgwire_helper.h"']);
  const runtime = readFileSync(path.join(dir, "sgwire.h"), "utf8");
  // <asm/unaligned.h> is the choice before 6.12 (SGWIRE_ASM_UNALIGNED), and not in this tree.
  const includes = [
    ...runtime.slice(runtime.indexOf("#ifdef __KERNEL__"), runtime.indexOf("#else /* !__KERNEL__ */")).match(/^#include <[^>]*>/gm)!.filter((l) => l !== "#include <asm/unaligned.h>"),
    ...readFileSync(path.join(dir, "sgwire_helper.h"), "utf8").match(/^#include <[^>]*>/gm)!,
  ];
  expect(includes).toContain("#include <linux/unaligned.h>");
  writeFileSync(path.join(dir, "macros.c"), `${includes.join("\n")}\n`);
  writeFileSync(path.join(dir, "Kbuild"), "obj-m += macros.o\nccflags-y += -dM\n");
  await execOrThrow("make macros.i", "make", ["-C", kbuild, `M=${dir}`, "macros.i"], { timeoutMs: 300_000 });
  // A macro that rewrites `s->name` or `struct demo_name` would break a member or tag of that name.
  const macros = [...readFileSync(path.join(dir, "macros.i"), "utf8").matchAll(/^#define ([a-z][a-z0-9_]*)(?: |$)/gm)].map((m) => m[1]!);
  expect(macros.length).toBeGreaterThan(100);
  expect(macros.filter((m) => !cReserved.has(m))).toEqual([]);
});
