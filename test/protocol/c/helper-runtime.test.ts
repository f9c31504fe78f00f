/**
 * The kernel's call runtime, sgwire_helper.h and sgwire_helper.c, by the kernel's own tools:
 * kernel-doc finds every struct, enum and function documented, checkpatch --strict finds nothing,
 * and Kbuild builds kmod-helper/, a module that includes sgwire_helper.c with a protocol written
 * out by hand, with W=1, -Wframe-larger-than=512 (without and with KASAN's stack
 * instrumentation, which inflates frames), no declaration after a statement in the runtime (as
 * gnu89 kernels require) and sparse (C=1), none of which may say a word; controls show that the
 * frame limit, the gnu89 rule and sparse do fire. The smoke test of umd-smoke/ (a helper written
 * in C with sgwire.h, and a module that embeds it, for a booted kernel) builds. The runtime's
 * kernel includes define no lower-case macro that a generated name could meet, and gen copies
 * both files beside sgwire.h.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cReserved } from "../../../generator/core/c-reserved.js";
import { cRuntimeFile, cRuntimeFileNames, cRuntimeFiles, cRuntimeSource } from "../../../generator/protocol/runtime/c-runtime.js";
import { controlFrameIds } from "../../../generator/protocol/spec/call-runtime.js";
import { logMessage } from "../../../generator/protocol/spec/wire-format.js";
import { repoRoot } from "../../support/cli.js";
import { execCapture, execOrThrow, type ExecResult } from "../../support/exec.js";
import { noKernelTreeMessage } from "../../support/kernel-tree.js";
import { requireTool } from "../../support/require-tool.js";
import { C_TESTS, demoIR, headerDir, preparedKbuildDir, removeHeaderDirs } from "./c-support.js";

afterAll(removeHeaderDirs);

const tree = process.env.SYSCALLGEN_KERNEL_SRC ?? "";
const kernelDoc = path.join(tree, "scripts", "kernel-doc");
const checkpatch = path.join(tree, "scripts", "checkpatch.pl");
const runtimeC = cRuntimeSource("sgwire_helper.c");
const wire = cRuntimeSource();

/** The runtime's two kernel files, and how many kernel-doc entries each has at least. */
const files = [
  { name: "sgwire_helper.h", entries: 2 },
  { name: "sgwire_helper.c", entries: 40 },
] as const;

test.each(files)("kernel-doc finds nothing undocumented in $name", async ({ name, entries }) => {
  if (!existsSync(kernelDoc)) throw new Error(`no ${kernelDoc}: ${noKernelTreeMessage()}`);
  const file = path.join(headerDir("helper-kdoc"), name);
  const r = await execOrThrow("kernel-doc", "perl", [kernelDoc, "-none", "-Wall", file]);
  expect(r.output).toBe("");
  const rst = await execOrThrow("kernel-doc", "perl", [kernelDoc, "-rst", file]);
  // Proof it parsed the file at all (structs are c:type:: without Sphinx).
  expect(rst.stdout.match(/^\.\. c:(function|struct|enum|type)::/gm)?.length).toBeGreaterThanOrEqual(entries);
});

test.each(files)("checkpatch --strict finds nothing in $name", async ({ name }) => {
  if (!existsSync(checkpatch)) throw new Error(`no ${checkpatch}: ${noKernelTreeMessage()}`);
  const dir = headerDir("helper-checkpatch");
  const file = path.join(dir, name);
  const r = await execCapture("perl", [checkpatch, "-f", "--no-tree", "--terse", "--strict", "--show-types", file], { cwd: dir });
  const findings = r.stdout.split("\n").filter((l) => l.startsWith(file)).map((l) => l.replace(/^[^:]*:\d+: /, ""));
  expect(findings).toEqual([]);
  expect(r.code, r.output).toBe(0);
});

/** The kernel includes of sgwire_helper.c, in its order. */
const runtimeIncludes = runtimeC.match(/^#include <[^>]*>$/gm) ?? [];

/** What Kbuild says of kmod-helper/ built from the runtime, with extra Kbuild lines and edits. */
interface KmodBuild {
  dir: string;
  r: ExecResult;
  /** gcc's and sparse's warnings and errors in the module's own files and the runtime's. */
  findings: string[];
}

async function buildKmod(prefix: string, opts: { kbuild?: string; sparse?: boolean; edit?: (name: string, text: string) => string } = {}): Promise<KmodBuild> {
  const kbuild = preparedKbuildDir();
  if (opts.sparse) requireTool("sparse", "sparse");
  const dir = headerDir(prefix);
  const edit = opts.edit ?? ((_: string, t: string) => t);
  for (const f of readdirSync(path.join(C_TESTS, "kmod-helper"))) cpSync(path.join(C_TESTS, "kmod-helper", f), path.join(dir, f));
  for (const name of ["helper-kmod.c", ...cRuntimeFileNames]) writeFileSync(path.join(dir, name), edit(name, readFileSync(path.join(dir, name), "utf8")));
  writeFileSync(path.join(dir, "runtime-includes.h"), `${runtimeIncludes.join("\n")}\n`);
  if (opts.kbuild) writeFileSync(path.join(dir, "Kbuild"), `${readFileSync(path.join(dir, "Kbuild"), "utf8")}${opts.kbuild}\n`);
  // No vmlinux symbols in a modules_prepare tree: modpost may only warn about them.
  const args = ["-C", kbuild, `M=${dir}`, "W=1", "KBUILD_MODPOST_WARN=1", ...(opts.sparse ? ["C=1"] : []), "modules"];
  const r = await execCapture("make", args, { timeoutMs: 300_000 });
  // gcc's diagnostics and sparse's share a form, on stderr; Kbuild's progress lines are on stdout.
  const findings = r.stderr.split("\n").filter((l) => /(sgwire_helper\.[ch]|sgwire\.h|helper-kmod\.c|runtime-includes\.h):\d+:\d+: (warning|error)/.test(l));
  return { dir, r, findings };
}

describe("Kbuild builds a module that includes sgwire_helper.c", () => {
  test("W=1, -Wframe-larger-than=512, gnu89's rule, sparse (C=1): not a word", async () => {
    const { dir, r, findings } = await buildKmod("helper-kmod", { sparse: true });
    expect(findings).toEqual([]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toContain("CC [M]");
    expect(r.stdout).toContain("CHECK"); // sparse ran
    // Everything of the runtime is static: two drivers in one kernel share no symbol.
    const nm = await execOrThrow("nm", "nm", [path.join(dir, "helper-kmod.o")]);
    const symbols = nm.stdout.split("\n").map((l) => l.trim().split(/\s+/)).filter((f) => f.length === 3);
    expect(symbols.filter(([, kind, name]) => /sgwire/.test(name!) && /[A-Z]/.test(kind!))).toEqual([]);
    expect(symbols.filter(([, kind, name]) => /^sgwire_helper_(reader|sender|watchdog)$/.test(name!) && kind === "t").length).toBe(3);
  });

  /** The functions an object file calls and does not define. */
  const undefinedSymbols = async (object: string) => (await execOrThrow("nm", "nm", ["-u", object])).stdout.split("\n").map((l) => l.trim().split(/\s+/).pop() ?? "");

  test("the helper is started with the kernel's UMD where the kernel has it, in a module always", async () => {
    const { dir, r } = await buildKmod("helper-kmod-umd");
    expect(r.code, r.output).toBe(0);
    const calls = await undefinedSymbols(path.join(dir, "helper-kmod.o"));
    expect(calls).toEqual(expect.arrayContaining(["umd_load_blob", "fork_usermode_driver", "umd_cleanup_helper", "umd_unload_blob"]));
    expect(calls).not.toContain("create_pipe_files");
  });

  test("the runtime's own start (SGWIRE_OWN_SPAWN, for kernels without UMD): W=1 and sparse say nothing, no UMD function is called", async () => {
    const { dir, r, findings } = await buildKmod("helper-kmod-own-spawn", { sparse: true, kbuild: "ccflags-y += -DSGWIRE_OWN_SPAWN" });
    expect(findings).toEqual([]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toContain("CHECK");
    const calls = await undefinedSymbols(path.join(dir, "helper-kmod.o"));
    // The unexported functions that make it built-in only, and the usermode helper it execs with.
    expect(calls).toEqual(expect.arrayContaining(["create_pipe_files", "replace_fd", "set_fs_pwd", "put_filesystem", "task_work_run", "call_usermodehelper_setup", "call_usermodehelper_exec"]));
    expect(calls.filter((name) => /umd|usermode_driver/.test(name))).toEqual([]);
  });

  test("a module for a kernel without UMD (SGWIRE_NO_UMD, as protocol-helper.mk defines on 6.17 and later) fails with a message that says why", async () => {
    const { r } = await buildKmod("helper-kmod-no-umd", { kbuild: "ccflags-y += -DSGWIRE_NO_UMD" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/sgwire_helper\.c:\d+:\d+: error: #error "no User Mode Driver in this kernel \(6\.17 and later\): build the driver in, not as a module"/);
  });

  test("with KASAN's stack instrumentation, still no frame over 512 bytes", async () => {
    // The x86_64 flags of CONFIG_KASAN_GENERIC with CONFIG_KASAN_STACK (scripts/Makefile.kasan).
    const kasan = "-fsanitize=kernel-address -fasan-shadow-offset=0xdffffc0000000000 --param asan-stack=1 --param asan-globals=1 --param asan-instrumentation-with-call-threshold=0";
    const { r, findings } = await buildKmod("helper-kmod-kasan", { kbuild: `ccflags-y += ${kasan}` });
    expect(findings).toEqual([]);
    expect(r.code, r.output).toBe(0);
  });

  test("controls: a big frame and a declaration after a statement in the runtime fail the build", async () => {
    const { r, findings } = await buildKmod("helper-kmod-control", {
      edit: (name, text) => {
        if (name === "helper-kmod.c") return `${text}\nnoinline void kmod_big(void);\nnoinline void kmod_big(void)\n{\n\tvolatile u8 big[600];\n\n\tbig[0] = 1;\n}\n`;
        if (name === "sgwire_helper.c") return text.replace(/(static long sgwire_helper_left\(unsigned long deadline\)\n\{\n)/, "$1\tbarrier();\n");
        return text;
      },
    });
    expect(r.code).not.toBe(0);
    expect(findings.join("\n")).toMatch(/helper-kmod\.c:\d+:\d+: (warning|error): the frame size of \d+ bytes is larger than 512 bytes/);
    expect(findings.join("\n")).toMatch(/sgwire_helper\.c:\d+:\d+: (warning|error): ISO C90 forbids mixed declarations and code/);
  });

  test("control: sparse reports what it should", async () => {
    const { findings } = await buildKmod("helper-kmod-sparse", {
      sparse: true,
      edit: (name, text) => (name === "helper-kmod.c" ? `${text}\nu8 kmod_truncated(void);\nu8 kmod_truncated(void)\n{\n\treturn (u8)0x1234;\n}\n` : text),
    });
    expect(findings.join("\n")).toMatch(/helper-kmod\.c:\d+:\d+: warning: cast truncates bits from constant value/);
  });
});

test("the smoke test's C peer and module build: a helper in C speaks the control frames", async () => {
  const kbuild = preparedKbuildDir();
  const dir = headerDir("umd-smoke");
  for (const f of readdirSync(path.join(C_TESTS, "umd-smoke"))) cpSync(path.join(C_TESTS, "umd-smoke", f), path.join(dir, f));
  const peer = path.join(dir, "peer");
  const cc = await execCapture("gcc", ["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-O2", "-static", "-I", dir, path.join(dir, "peer.c"), "-o", peer]);
  expect(cc.output).toBe("");
  expect(cc.code).toBe(0);
  const r = await execCapture("make", ["-C", kbuild, `M=${dir}`, "W=1", "KBUILD_MODPOST_WARN=1", `SMOKE_PEER=${peer}`, "modules"], { timeoutMs: 300_000 });
  const findings = r.stderr.split("\n").filter((l) => /(sgwire_helper\.[ch]|sgwire\.h|smoke-main\.c|smoke-blob\.S):\d+:\d+: (warning|error)/.test(l));
  expect(findings).toEqual([]);
  expect(r.code, r.output).toBe(0);
  expect(existsSync(path.join(dir, "smoke.ko"))).toBe(true);
});

test("no declaration in a for statement in the runtime (gnu89)", () => {
  for (const source of [runtimeC, wire]) {
    const loops = [...source.matchAll(/\bfor\s*\(([^;]*);/g)].map((m) => m[1]!.trim());
    expect(loops.length).toBeGreaterThan(0);
    // An init clause that is a declaration starts with a type and then a name: `int i = 0`.
    expect(loops.filter((init) => /^(const\s+)?(struct\s+)?\w+\s+\**\w+\s*(=|$)/.test(init))).toEqual([]);
  }
});

test("every name sgwire_helper.c declares is the runtime's", () => {
  const names = [
    ...[...runtimeC.matchAll(/^static [^(=;]*?\b(\w+)\(/gm)].map((m) => m[1]!),
    ...[...runtimeC.matchAll(/^(\w+)\(/gm)].map((m) => m[1]!), // after a return type on a line of its own
    ...[...runtimeC.matchAll(/^(?:struct|enum) (\w+) \{$/gm)].map((m) => m[1]!),
    ...[...runtimeC.matchAll(/^\tSGWIRE_\w+,$/gm)].map((m) => m[0].trim().slice(0, -1)),
    ...[...runtimeC.matchAll(/^#define (\w+)/gm)].map((m) => m[1]!),
    ...[...runtimeC.matchAll(/^typedef .*?\(\*(\w+)\)/gm)].map((m) => m[1]!),
  ];
  expect(names.length).toBeGreaterThan(60);
  expect(names.filter((n) => !n.toLowerCase().startsWith("sgwire_"))).toEqual([]);
});

test("the API is DESIGN.md's, function by function", () => {
  const design = readFileSync(path.join(repoRoot, "generator/protocol/runtime/DESIGN.md"), "utf8");
  const declared = [...design.matchAll(/^static [^(]*?\b(sgwire_helper_\w+)\(([^;]*)\);/gms)];
  expect(declared.map((m) => m[1])).toEqual(["sgwire_helper_create", "sgwire_helper_start", "sgwire_helper_destroy", "sgwire_helper_priv", "sgwire_helper_call", "sgwire_helper_notify", "sgwire_helper_get_stats"]);
  /** A declaration's parameter types and names, whitespace and comments aside. */
  const params = (text: string) => text.replace(/\/\*.*?\*\//gs, "").replace(/\s+/g, " ").trim();
  for (const [, name, list] of declared) {
    const defined = new RegExp(`^static __maybe_unused [^(]*?\\b${name}\\(([^)]*)\\)\\n\\{`, "m").exec(runtimeC);
    expect(defined, name).not.toBeNull();
    expect(params(defined![1]!), name).toBe(params(list!));
  }
  // The config and stats members, in DESIGN.md's order.
  const header = cRuntimeSource("sgwire_helper.h");
  for (const tag of ["sgwire_helper_config", "sgwire_helper_stats"]) {
    const members = (text: string) =>
      (new RegExp(`struct ${tag} \\{([^}]*)\\}`).exec(text)?.[1] ?? "")
        .replace(/\/\*.*?\*\//gs, "")
        .split(";")
        .flatMap((decl) => decl.trim().replace(/^.*?(\**\w+(?:\s*,\s*\**\w+)*)$/s, "$1").split(/\s*,\s*/))
        .map((n) => n.replace(/^\*+/, ""))
        .filter((n) => n !== "");
    expect(members(header), tag).toEqual(members(design));
  }
});

test("the control frames and the log message in sgwire.h are the wire format's", () => {
  const defined = (name: string) => Number(new RegExp(`^#define ${name}\\s+(\\S+)$`, "m").exec(wire)?.[1]);
  const types = ["HELLO", "WELCOME", "PING", "PONG", "BYE"].map((n) => defined(`SGWIRE_MSG_${n}`));
  expect(types).toEqual([0xff01, 0xff02, 0xff03, 0xff04, 0xff05]);
  for (const t of types) expect(t >= controlFrameIds.min && t <= controlFrameIds.max).toBe(true);
  // DESIGN.md's payloads: u16+u16+u32+u64+char[32], u64+u32+u32, u64, u64, u32+u32.
  expect(["HELLO", "WELCOME", "PING", "PONG", "BYE"].map((n) => defined(`SGWIRE_${n}_SIZE`))).toEqual([48, 16, 8, 8, 8]);
  expect(defined("SGWIRE_NAME_SIZE")).toBe(32);
  expect(defined("SGWIRE_RUNTIME_VERSION")).toBe(1);
  expect(defined("SGWIRE_MSG_LOG")).toBe(logMessage.id);
  expect(defined("SGWIRE_LOG_TEXT_SIZE")).toBe(logMessage.textMax + 1);
  const log = demoIR.messages.find((m) => m.id === logMessage.id);
  expect(log?.size).toBe(defined("SGWIRE_LOG_SIZE"));
});

test("every lower-case object-like macro of sgwire_helper.c's kernel includes is a reserved C name", async () => {
  const kbuild = preparedKbuildDir();
  const dir = headerDir("helper-macros");
  expect(runtimeIncludes).toContain("#include <linux/usermode_driver.h>");
  writeFileSync(path.join(dir, "macros.c"), `${runtimeIncludes.join("\n")}\n`);
  writeFileSync(path.join(dir, "Kbuild"), "obj-m += macros.o\nccflags-y += -dM\n");
  await execOrThrow("make macros.i", "make", ["-C", kbuild, `M=${dir}`, "macros.i"], { timeoutMs: 300_000 });
  // Code after `#include "sgwire_helper.c"` in a generated <proto>_helper.c names the spec's things.
  const macros = [...readFileSync(path.join(dir, "macros.i"), "utf8").matchAll(/^#define ([a-z][a-z0-9_]*)(?: |$)/gm)].map((m) => m[1]!);
  expect(macros.length).toBeGreaterThan(100);
  expect(macros.filter((m) => !cReserved.has(m))).toEqual([]);
});

test("gen copies the runtime's files beside sgwire.h, each noted as a copy", () => {
  expect(cRuntimeFiles().map((f) => f.path)).toEqual(["c/sgwire.h", "c/sgwire_helper.h", "c/sgwire_helper.c"]);
  for (const name of cRuntimeFileNames) {
    const shipped = readFileSync(path.join(repoRoot, "generator/protocol/runtime/c", name), "utf8");
    const lines = cRuntimeFile(name).content.split("\n");
    expect(lines[0]).toMatch(/^(\/\/|\/\*) SPDX-License-Identifier: GPL-2\.0 OR MIT( \*\/)?$/);
    expect(lines[1]).toBe(`/* Copied by syscallgen from its generator/protocol/runtime/c/${name}; DO NOT EDIT. */`);
    expect([lines[0], ...lines.slice(2)].join("\n")).toBe(shipped);
  }
});
