/**
 * Compiles many protocols' generated output at once, the way a user's build would: each C header
 * with gcc -Wall -Wextra -Werror (a few at a time), all Go packages in one module with gofmt and
 * one `go vet ./...`, and a sample of headers, each with its `<proto>_helper.c` over the kernel's
 * call runtime, in one Kbuild run of kernel modules with W=1.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GeneratedFile } from "../../../generator/core/generated-file.js";
import { goRuntimeFiles, goRuntimePackage } from "../../../generator/protocol/runtime/go-runtime.js";
import { cRuntimeFiles } from "../../../generator/protocol/runtime/c-runtime.js";
import { describeFailure, execCapture } from "../../support/exec.js";
import { goEnv } from "../../support/go-harness.js";
import { goFiles } from "../../support/go-module.js";
import { createLimiter } from "../../support/limit.js";
import { packageDir } from "../../support/paths.js";

/** One protocol's generated files: `c/<name>.h`, `c/<name>_helper.c` and `go/<name>/*.go`. */
export interface ProtocolOutput {
  label: string;
  files: GeneratedFile[];
}

/** A failed compile: which protocol, and the compiler's words. */
export interface CompileFailure {
  label: string;
  output: string;
}

/** A scratch directory for one compile run; `dispose` removes it. */
export function scratch(prefix: string): { root: string; dispose: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), `syscallgen-${prefix}-`));
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

function write(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** The protocol's own C files among its files (not the runtime's, which generate() returns too). */
function protocolC(o: ProtocolOutput): GeneratedFile[] {
  const runtime = new Set(cRuntimeFiles().map((f) => f.path));
  return o.files.filter((f) => f.path.startsWith("c/") && !runtime.has(f.path));
}

/** The protocol's own C header. */
function protocolHeader(o: ProtocolOutput): GeneratedFile {
  return protocolC(o).find((f) => f.path.endsWith(".h"))!;
}

/** The C runtime the protocol's files include, beside them, as gen writes it. */
function writeRuntime(dir: string): void {
  for (const runtime of cRuntimeFiles()) write(path.join(dir, path.basename(runtime.path)), runtime.content);
}

/**
 * Compiles each header in user space, included twice (its guard must hold) from a file in its
 * own directory beside sgwire.h, that directory on the include path as `-I out/c` would put it.
 */
export async function compileHeaders(root: string, outputs: ProtocolOutput[], jobs = 2): Promise<CompileFailure[]> {
  const limit = createLimiter(jobs);
  const failures: CompileFailure[] = [];
  await Promise.all(
    outputs.map((o) =>
      limit(async () => {
        const header = protocolHeader(o);
        const dir = path.join(root, "c", o.label);
        write(path.join(dir, path.basename(header.path)), header.content);
        writeRuntime(dir);
        const include = `#include "${path.basename(header.path)}"\n`;
        write(path.join(dir, "use.c"), `${include}${include}`);
        const r = await execCapture("gcc", ["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-I", dir, "-c", path.join(dir, "use.c"), "-o", "/dev/null"], { timeoutMs: 60_000 });
        if (r.code !== 0) failures.push({ label: o.label, output: r.output });
      }),
    ),
  );
  return failures;
}

/**
 * Checks every Go package is gofmt-clean, then vets them in one module `rt` beside the generated
 * rawsys package and the runtime sgwire with one `go vet ./...`: one process type-checks them
 * all, far faster than one vet per package.
 */
export async function vetGoPackages(root: string, outputs: ProtocolOutput[]): Promise<string | null> {
  const mod = path.join(root, "go");
  write(path.join(mod, "go.mod"), "module rt\n\ngo 1.22\n");
  for (const f of goFiles(packageDir()).filter((f) => !f.endsWith("_test.go"))) {
    mkdirSync(path.join(mod, "rawsys"), { recursive: true });
    copyFileSync(path.join(packageDir(), f), path.join(mod, "rawsys", f));
  }
  // go/<name>/x.go -> rt/<label>/<name>/x.go: two specs may share a protocol name. The runtime
  // they all import is rt/sgwire, once.
  for (const o of outputs) for (const f of o.files.filter((f) => f.path.startsWith("go/") && !f.path.startsWith(`go/${goRuntimePackage}/`))) write(path.join(mod, o.label, f.path.slice(3)), f.content);
  for (const f of goRuntimeFiles("rt/rawsys")) write(path.join(mod, f.path.slice(3)), f.content);
  const fmt = await execCapture("gofmt", ["-l", "."], { cwd: mod, timeoutMs: 5 * 60_000 });
  if (fmt.code !== 0 || fmt.stdout !== "") return `gofmt -l: files gofmt would change:\n${fmt.output}`;
  const r = await execCapture("go", ["vet", "./..."], { cwd: mod, env: goEnv("amd64"), timeoutMs: 10 * 60_000 });
  return r.code === 0 ? null : describeFailure("go vet ./...", r);
}

/**
 * Builds one kernel module per protocol with Kbuild and W=1, as a driver would: a file that
 * includes its header, and its `<proto>_helper.c` over the call runtime. Returns the compiler's
 * warning and error lines about the protocols' files, the runtime and the modules, and Kbuild's
 * failure.
 */
export async function kbuildHeaders(root: string, kbuild: string, outputs: ProtocolOutput[]): Promise<{ lines: string[]; failure: string | null }> {
  const dir = path.join(root, "kmod");
  const objects: string[] = [];
  const composites: string[] = [];
  for (const o of outputs) {
    const header = protocolHeader(o);
    const name = `k_${o.label}`;
    for (const f of protocolC(o)) write(path.join(dir, o.label, path.basename(f.path)), f.content);
    writeRuntime(path.join(dir, o.label));
    const helper = protocolC(o).find((f) => f.path.endsWith(".c"))!;
    composites.push(`${name}-y := ${name}_main.o ${o.label}/${path.basename(helper.path, ".c")}.o`);
    write(
      path.join(dir, `${name}_main.c`),
      [
        "// SPDX-License-Identifier: GPL-2.0",
        "#include <linux/module.h>",
        `#include "${o.label}/${path.basename(header.path)}"`,
        "",
        `MODULE_DESCRIPTION("syscallgen random protocol ${o.label}");`,
        'MODULE_LICENSE("GPL");',
        "",
      ].join("\n"),
    );
    objects.push(`${name}.o`);
  }
  // The runtime's rule, which the kernel's own default (1024 on 32-bit, 2048) would not catch.
  write(path.join(dir, "Kbuild"), `obj-m += ${objects.join(" ")}\n${composites.join("\n")}\nccflags-y += -Wframe-larger-than=512\n`);
  const r = await execCapture("make", ["-C", kbuild, `M=${dir}`, "W=1", "KBUILD_MODPOST_WARN=1", "-j2", "modules"], { timeoutMs: 10 * 60_000 });
  const lines = r.stderr.split("\n").filter((l) => /\.[ch]:\d+:\d+: (warning|error)/.test(l));
  return { lines, failure: r.code === 0 ? null : describeFailure("make modules", r) };
}
