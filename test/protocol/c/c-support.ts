/**
 * What the C tests share: the demo protocol and its generated header beside the runtime it
 * includes (sgwire.h), and the three targets the headers are built for (the host, i386 through
 * -m32, and big-endian s390x run under qemu).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { emitC } from "../../../generator/protocol/print-c/c-emit.js";
import { layoutProtocol } from "../../../generator/protocol/resolve/layout.js";
import type { ProtocolIR } from "../../../generator/protocol/ir.js";
import { cRuntimeFiles } from "../../../generator/protocol/runtime/c-runtime.js";
import demo from "../../../specs/protocols/demo.js";
import { isKernelTree, noKernelTreeMessage, userCacheDir } from "../../support/kernel-tree.js";
import { findOnPath, missingToolMessage } from "../../support/require-tool.js";

/** This directory: the C sources and the seed corpus. */
export const C_TESTS = path.dirname(new URL(import.meta.url).pathname);

/** The demo spec and its IR. */
export const demoSpec = demo;
export const demoIR: ProtocolIR = layoutProtocol(demo);

const made: string[] = [];

/**
 * A fresh directory holding the C files of `ir` (the demo's by default: its header and its
 * `<proto>_helper.c`) and the C runtime (sgwire.h, sgwire_helper.h and sgwire_helper.c), as gen
 * writes them, to build against; `edit` changes the protocol's header.
 */
export function headerDir(prefix: string, edit: (text: string) => string = (t) => t, ir: ProtocolIR = demoIR): string {
  const dir = mkdtempSync(path.join(tmpdir(), `syscallgen-c-${prefix}-`));
  made.push(dir);
  for (const file of emitC(ir)) writeFileSync(path.join(dir, path.basename(file.path)), file.path.endsWith(".h") ? edit(file.content) : file.content);
  for (const runtime of cRuntimeFiles()) writeFileSync(path.join(dir, path.basename(runtime.path)), runtime.content);
  return dir;
}

/** Removes the directories headerDir made; for afterAll, once the builds in them are done. */
export function removeHeaderDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A compiler and how to run what it builds. */
export interface Target {
  name: string;
  cc: string;
  flags: string[];
  /** Prefix of the command line that runs a built program (qemu for a foreign arch). */
  run: string[];
  /** Why the target cannot be used here and what to install, or null. */
  missing: string | null;
}

/** Whether `cc flags` can build a program that includes linux/types.h. */
function builds(cc: string, flags: string[]): boolean {
  const probe = spawnSync(cc, [...flags, "-x", "c", "-", "-o", "/dev/null"], { input: "#include <linux/types.h>\nint main(void) { return 0; }\n" });
  return probe.status === 0;
}

/**
 * Debian's gcc-multilib has no i386 asm/ headers; the x86_64 ones serve both (they switch on
 * __i386__), so they are searched last when the i386 ones are missing.
 */
function m32Flags(): string[] {
  return builds("gcc", ["-m32"]) ? ["-m32"] : ["-m32", "-idirafter", "/usr/include/x86_64-linux-gnu"];
}

/** The first of the commands that is not on PATH, as a message naming its Debian package; or null. */
function missingTool(...commands: string[]): string | null {
  const absent = commands.find((c) => findOnPath(c) === null);
  return absent === undefined ? null : missingToolMessage(absent);
}

/** The targets, each with its reason to be skipped when its tools are missing. */
export function targets(): Target[] {
  const warn = ["-std=gnu11", "-Wall", "-Wextra", "-Werror"];
  const m32 = m32Flags();
  return [
    { name: "native", cc: "gcc", flags: warn, run: [], missing: missingTool("gcc") },
    {
      name: "i386",
      cc: "gcc",
      flags: [...warn, ...m32],
      run: [],
      missing: missingTool("gcc") ?? (builds("gcc", m32) ? null : "gcc -m32 cannot build a program: install the Debian packages libc6-dev-i386 lib32gcc-12-dev (.ci/run does)"),
    },
    {
      name: "s390x",
      cc: "s390x-linux-gnu-gcc",
      flags: [...warn, "-static"],
      run: ["qemu-s390x-static"],
      missing: missingTool("s390x-linux-gnu-gcc", "qemu-s390x-static"),
    },
  ];
}

/** Fails the test when the target's tools are missing: CI installs them all, so a skip would hide a gap. */
export function requireTarget(t: { name: string; missing: string | null }): void {
  if (t.missing !== null) throw new Error(`${t.name}: ${t.missing}`);
}

/**
 * A kernel build directory ready for external modules: the 6.12 tree's defconfig and
 * modules_prepare, built out of tree (O=) once into the cache, about 15 s on two cores.
 */
export function preparedKbuildDir(): string {
  if (process.env.SYSCALLGEN_KBUILD_DIR) return process.env.SYSCALLGEN_KBUILD_DIR;
  const tree = process.env.SYSCALLGEN_KERNEL_SRC ?? "";
  if (!isKernelTree(tree)) throw new Error(noKernelTreeMessage());
  return prepareKbuildDir(path.join(userCacheDir(), "kbuild-6.12-x86_64"), tree);
}

/**
 * {@link preparedKbuildDir} for another tree (from debianKernelSource()): its defconfig and
 * modules_prepare in dir, built once.
 */
export function prepareKbuildDir(dir: string, tree: string): string {
  if (!existsSync(path.join(dir, "scripts", "module.lds"))) {
    // Under flock(1): test files in other workers may want the tree at the same time.
    const prepare = 'test -f "$1/scripts/module.lds" || { make -C "$2" O="$1" -j2 defconfig && make -C "$2" O="$1" -j2 modules_prepare; }';
    mkdirSync(dir, { recursive: true });
    const r = spawnSync("flock", [`${dir}.lock`, "sh", "-c", prepare, "sh", dir, tree], { encoding: "utf8", timeout: 30 * 60_000 });
    if (r.status !== 0) throw new Error(`preparing ${dir} (make defconfig modules_prepare) failed:\n${r.stdout}\n${r.stderr}`);
  }
  return dir;
}
