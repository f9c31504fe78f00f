/**
 * The README's Kbuild recipe, examples/kbuild/helper.mk, run with make (issue 7, item 11: the old recipe's
 * target was not where gen writes, so every make rebuilt the helper; with that fixed, depending
 * on one generated file left a stale helper after a spec change; and it used $(GOARCH), which
 * Kbuild does not define).
 *
 * A driver directory like a user's: the recipe as its Makefile, examples/kbuild/goarch.mk copied beside
 * it and the driver's own specs in specs/; the Go helper module in helper/ beside the directory. kbuild-standin.mk reads
 * it as Kbuild would in a kernel tree, with the tree's own scripts/Kbuild.include (cmd,
 * if_changed) and $(obj) relative to the objtree, where make runs. Last, the same directory is
 * built for real as an external module (make M=) against the prepared 6.12 tree, where $(obj)
 * is absolute and Kbuild has its own pattern rule for $(obj)/%.mod, and cleaned (make clean
 * deletes every *.mod file under M=: the helper's go.mod must not be there).
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../support/cli.js";
import { goEnv } from "../support/go-harness.js";
import { kernelSrcFromEnv } from "../support/kernel-headers.js";
import { preparedKbuildDir } from "../protocol/c/c-support.js";

const recipe = path.join(repoRoot, "examples", "kbuild", "helper.mk");
const standin = path.join(import.meta.dirname, "kbuild-standin.mk");
const syscallgen = `${process.execPath} ${path.join(repoRoot, "dist", "generator", "cli", "bin.js")}`;

/** The driver's own spec: getpgrp, or getpgid(0) where the arch has no getpgrp. */
const getpgrp = (blocking: boolean) => `import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Getpgrp: {
    doc: "Getpgrp returns the process group ID of the caller.",
    kernel: [{ kernel: "getpgrp" }, { kernel: "getpgid", args: [0] }],
    results: { pgid: "int" },
    blocking: ${blocking},
    noError: true,
  },
});
`;

const helperMain = `package main

import "example.com/drv/helper/gen/go/rawsys"

func main() {
	if rawsys.Getpgrp() <= 0 {
		panic("no process group")
	}
	rawsys.Write(1, []byte("helper ok\\n"))
}
`;

describe("examples/kbuild/helper.mk: the README's Kbuild recipe", () => {
  let work: string;
  let drv: string;
  let obj: string;
  let bin: string;
  let stamp: string;
  let keep = false;

  const make = (args: string[] = []) => {
    const r = spawnSync("make", ["--no-print-directory", "-f", standin, `srctree=${kernelSrcFromEnv()}`, `src=${drv}`, "obj=obj",
      "SRCARCH=x86", "CONFIG_64BIT=y", `SYSCALLGEN=${syscallgen}`, ...args, "obj/umd_helper"], { cwd: work, encoding: "utf8" });
    const output = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) keep = true;
    expect(r.status, output).toBe(0);
    return output;
  };
  const mtime = (file: string) => statSync(file).mtimeMs;
  const built = (output: string) => output.includes("GO      obj/umd_helper");

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "syscallgen-kbuild-"));
    drv = path.join(work, "drv");
    obj = path.join(work, "obj");
    bin = path.join(obj, "umd_helper");
    stamp = path.join(work, "helper", "gen", ".syscallgen.stamp");
    mkdirSync(path.join(work, "helper"), { recursive: true });
    mkdirSync(path.join(drv, "specs", "syscalls"), { recursive: true });
    cpSync(recipe, path.join(drv, "Makefile"));
    cpSync(path.join(repoRoot, "examples", "kbuild", "goarch.mk"), path.join(drv, "goarch.mk"));
    writeFileSync(path.join(work, "helper", "go.mod"), "module example.com/drv/helper\n\ngo 1.22\n");
    writeFileSync(path.join(work, "helper", "main.go"), helperMain);
    writeFileSync(path.join(drv, "specs", "syscalls", "getpgrp.ts"), getpgrp(false));
  });

  afterAll(() => {
    if (keep) console.log(`kbuild recipe: work directory kept at ${work}`);
    else if (work) rmSync(work, { recursive: true, force: true });
  });

  test("the README shows the recipe as it is in examples/kbuild/helper.mk", () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("In a kernel driver's Kbuild Makefile"));
    const block = /```make\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(readFileSync(recipe, "utf8"));
  });

  test("the first make generates rawsys and builds the helper, which runs", () => {
    expect(built(make())).toBe(true);
    const run = spawnSync(bin, { encoding: "utf8" });
    expect(run.stdout).toBe("helper ok\n");
    expect(statSync(path.join(obj, ".umd_helper.cmd")).isFile()).toBe(true);
    // Only rawsys: nothing in the helper's module that it cannot build.
    const vet = spawnSync("go", ["vet", "./..."], { cwd: path.join(work, "helper"), encoding: "utf8", env: goEnv("amd64") });
    expect(vet.status, vet.stderr).toBe(0);
  });

  test("a make with nothing changed rebuilds nothing and rewrites nothing", () => {
    const before = [mtime(bin), mtime(stamp)];
    expect(make()).toBe("");
    expect([mtime(bin), mtime(stamp)]).toEqual(before);
  });

  test("a change to the driver's spec rebuilds the helper, though it touches one arch file only", () => {
    const shared = path.join(work, "helper", "gen", "go", "rawsys", "rawsys.go");
    const [oldBin, oldShared] = [readFileSync(bin), mtime(shared)];
    writeFileSync(path.join(drv, "specs", "syscalls", "getpgrp.ts"), getpgrp(true)); // RawSyscall -> Syscall
    expect(built(make())).toBe(true);
    expect(mtime(shared)).toBe(oldShared);
    expect(readFileSync(bin).equals(oldBin)).toBe(false);
    expect(make()).toBe("");
  });

  test("a spec added to the driver's specs/ rebuilds the helper with the new wrapper", () => {
    writeFileSync(path.join(drv, "specs", "syscalls", "getpgrp2.ts"), getpgrp(false).replace("Getpgrp:", "Getpgrp2:").replace("Getpgrp returns", "Getpgrp2 returns"));
    expect(built(make())).toBe(true);
    expect(readFileSync(path.join(work, "helper", "gen", "go", "rawsys", "zsyscall_linux_amd64.go"), "utf8")).toContain("func Getpgrp2()");
  });

  test("a generated file edited by hand is put back; the helper, built from what gen writes, stays", () => {
    const file = path.join(work, "helper", "gen", "go", "rawsys", "zsyscall_linux_amd64.go");
    const text = readFileSync(file, "utf8");
    const before = [mtime(bin), mtime(stamp)];
    appendFileSync(file, "// stray edit\n");
    expect(make()).toBe("");
    expect(readFileSync(file, "utf8")).toBe(text);
    expect([mtime(bin), mtime(stamp)]).toEqual(before);
  });

  test("a helper source change rebuilds it; so does a new command (if_changed), with no spec change", () => {
    appendFileSync(path.join(work, "helper", "main.go"), "\n// touched\n");
    expect(built(make())).toBe(true);
    const goPath = spawnSync("sh", ["-c", "command -v go"], { encoding: "utf8" }).stdout.trim();
    const before = mtime(stamp);
    expect(built(make([`GO=${goPath}`]))).toBe(true);
    expect(mtime(stamp)).toBe(before);
    expect(make([`GO=${goPath}`])).toBe("");
  });

  test("on an arch Go has no port for, the build stops with a clear message", () => {
    const r = spawnSync("make", ["--no-print-directory", "-f", standin, `srctree=${kernelSrcFromEnv()}`, `src=${drv}`, `obj=${path.join(work, "sparc")}`,
      "SRCARCH=sparc", "CONFIG_64BIT=y", `SYSCALLGEN=${syscallgen}`, `${path.join(work, "sparc")}/umd_helper`], { cwd: work, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("helper: no Go port for ARCH=sparc 64-bit little-endian");
  });

  test("make M= builds the driver as an external module, and make clean too leaves helper/go.mod alone", () => {
    const goMod = readFileSync(path.join(work, "helper", "go.mod"), "utf8");
    writeFileSync(path.join(drv, "Makefile"), `obj-m += drv.o
drv-y := drv_main.o drv_blob.o
asflags-y += -Wa,-I$(obj)
$(obj)/drv_blob.o: $(obj)/umd_helper
${readFileSync(recipe, "utf8")}`);
    writeFileSync(path.join(drv, "drv_blob.S"), '\t.section .rodata, "a"\n\t.incbin "umd_helper"\n');
    writeFileSync(path.join(drv, "drv_main.c"), '// SPDX-License-Identifier: GPL-2.0\n#include <linux/module.h>\nMODULE_LICENSE("GPL");\n');
    // The prepared tree has no Module.symvers: modpost's missing symbols are warnings.
    const r = spawnSync("make", ["-C", preparedKbuildDir(), `M=${drv}`, "KBUILD_MODPOST_WARN=1", `SYSCALLGEN=${syscallgen}`, "modules"], { encoding: "utf8", timeout: 10 * 60_000 });
    const output = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) keep = true;
    expect(r.status, output).toBe(0);
    expect(output).toContain(`GO      ${drv}/umd_helper`);
    expect(readFileSync(path.join(work, "helper", "go.mod"), "utf8")).toBe(goMod);
    expect(statSync(path.join(drv, "drv.ko")).size).toBeGreaterThan(statSync(path.join(drv, "umd_helper")).size);
    const clean = spawnSync("make", ["-C", preparedKbuildDir(), `M=${drv}`, "clean"], { encoding: "utf8", timeout: 5 * 60_000 });
    expect(clean.status, `${clean.stdout}${clean.stderr}`).toBe(0);
    expect(existsSync(path.join(drv, "drv.ko"))).toBe(false);
    expect(readFileSync(path.join(work, "helper", "go.mod"), "utf8")).toBe(goMod);
  });
});
