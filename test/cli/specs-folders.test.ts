/**
 * `--specs DIR` adds a folder of one's own specs to the bundled ones: one syscall of one's own
 * without copying specs/ (issue 7, item 13: a second --specs used to replace the first, and a
 * folder without arch/ was refused). The same through the library, and the edges: a name
 * declared twice, --no-bundled-specs, protocols in a specs folder, the stamp.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { goEnv } from "../support/go-harness.js";
import { repoRoot, runCli } from "../support/cli.js";

const work = mkdtempSync(join(tmpdir(), "syscallgen-specs-folders-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** getpgrp where the arch has it, getpgid(0) on the generic-table arches, as x/sys does. */
const getpgrp = `import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Getpgrp: {
    doc: "Getpgrp returns the process group ID of the caller.",
    kernel: [{ kernel: "getpgrp" }, { kernel: "getpgid", args: [0] }],
    results: { pgid: "int" },
    blocking: false,
    noError: true,
  },
});
`;

/** A folder of spec files (path in it -> text) below the work directory. */
function specFolder(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const mine = specFolder("my-specs", { "syscalls/getpgrp.ts": getpgrp });
const funcs = (file: string) => [...readFileSync(file, "utf8").matchAll(/^func (\w+)\(/gm)].map((m) => m[1]!).sort();
const go = (args: string[], cwd: string) => spawnSync("go", args, { cwd, encoding: "utf8", env: { ...goEnv("amd64"), GOFLAGS: "-mod=mod" } });

describe("a folder of one's own specs is added to the bundled ones", () => {
  const mod = join(work, "mod");
  const bundledOnly = join(work, "bundled-only");

  test("gen --specs: the bundled wrappers and Getpgrp, which go vet accepts and which works", () => {
    mkdirSync(join(mod, "cmd"), { recursive: true });
    writeFileSync(join(mod, "go.mod"), "module example.com/m\n\ngo 1.22\n");
    const run = runCli(["gen", "--arch", "amd64", "--out", join(mod, "gen"), "--specs", mine]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(runCli(["gen", "--arch", "amd64", "--out", bundledOnly]).status).toBe(0);
    const file = "go/rawsys/zsyscall_linux_amd64.go";
    expect(funcs(join(mod, "gen", file))).toEqual([...funcs(join(bundledOnly, file)), "Getpgrp"].sort());
    writeFileSync(join(mod, "cmd", "main.go"), `package main

import "example.com/m/gen/go/rawsys"

func main() {
	pgid, err := rawsys.Getpgid(0)
	if err != nil || rawsys.Getpgrp() != pgid {
		panic("Getpgrp and Getpgid(0) disagree")
	}
}
`);
    const vet = go(["vet", "./..."], mod);
    expect(vet.status, vet.stderr).toBe(0);
    const main = go(["run", "./cmd"], mod);
    expect(main.status, main.stderr).toBe(0);
  });

  test("generate({ specs }) returns what the CLI wrote", () => {
    const { files } = generate({ arches: ["amd64"], specs: [mine], cwd: work });
    for (const f of files) expect(f.content, f.path).toBe(readFileSync(join(mod, "gen", f.path), "utf8"));
    expect(files.map((f) => f.path).sort()).toEqual(readdirSync(join(mod, "gen", "go", "rawsys")).map((f) => `go/rawsys/${f}`).sort());
  });

  test("list --specs shows it, with the call each arch makes", () => {
    const run = runCli(["list", "--arch", "arm64", "--specs", mine]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Getpgrp +getpgid +SYS_GETPGID=155 /m);
    expect(run.stdout).toMatch(/^Getpid +getpid /m);
  });

  test("the stamp covers the folder: a spec added to it or removed from it is generated", () => {
    const out = join(work, "stamped");
    expect(runCli(["gen", "--arch", "amd64", "--out", out, "--specs", mine]).status).toBe(0);
    expect(runCli(["gen", "--arch", "amd64", "--out", out, "--specs", mine]).stdout).toContain("nothing to do");
    const added = join(mine, "syscalls", "getpgrp2.ts");
    writeFileSync(added, getpgrp.replace("Getpgrp:", "Getpgrp2:").replace("Getpgrp returns", "Getpgrp2 returns"));
    try {
      expect(runCli(["gen", "--arch", "amd64", "--out", out, "--specs", mine]).stdout).toMatch(/\b1 written/);
      expect(funcs(join(out, "go/rawsys/zsyscall_linux_amd64.go"))).toContain("Getpgrp2");
    } finally {
      rmSync(added);
    }
    expect(runCli(["gen", "--arch", "amd64", "--out", out, "--specs", mine]).stdout).toMatch(/\b1 written/);
    expect(funcs(join(out, "go/rawsys/zsyscall_linux_amd64.go"))).not.toContain("Getpgrp2");
  });

  test("the bundled folder named again is read once", () => {
    const run = runCli(["list", "--arch", "amd64", "--specs", join(repoRoot, "specs")]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("the edges", () => {
  test("a name the bundled specs declare too is an error at the second declaration", () => {
    specFolder("dup", { "syscalls/getpid.ts": getpgrp.replace("Getpgrp:", "Getpid:") });
    const out = join(work, "dup-out");
    const run = runCli(["gen", "--arch", "amd64", "--out", out, "--specs", "dup"], work);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^dup\/syscalls\/getpid\.ts:4:3: error: duplicate syscall wrapper `Getpid` \(first declared at \S*specs\/syscalls\/process\.ts:\d+\)$/m);
    expect(existsSync(out)).toBe(false);
  });

  test("--no-bundled-specs reads only the given folders, which must declare the arches", () => {
    const fixture = join(repoRoot, "test/fixtures/mini-specs");
    const run = runCli(["list", "--arch", "amd64", "--no-bundled-specs", "--specs", fixture]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Pread /m);
    expect(run.stdout).not.toMatch(/^Getrlimit /m);
    const unknown = runCli(["gen", "--arch", "s390x", "--no-bundled-specs", "--specs", fixture, "--out", join(work, "never")]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown arch `s390x`; valid arches: 386, amd64, arm, mips, or all");
    const noArch = runCli(["gen", "--arch", "amd64", "--no-bundled-specs", "--specs", mine, "--out", join(work, "never")]);
    expect(noArch.status).toBe(2);
    expect(noArch.stderr).toContain("--no-bundled-specs: no arch/*.ts in");
    const library = generate({ arches: ["amd64"], specs: [fixture], bundledSpecs: false, cwd: fixture });
    expect(library.irs.map((ir) => ir.goarch)).toEqual(["386", "amd64", "arm", "mips"]);
  });

  test("a --specs folder that is missing or holds no spec files is a usage error", () => {
    expect(runCli(["list", "--specs", join(work, "nope")]).stderr).toContain("no such folder");
    mkdirSync(join(work, "empty"));
    const empty = runCli(["list", "--specs", join(work, "empty")]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("not a specs folder");
  });

  test("a specs folder's protocols/ is not read; a protocol elsewhere in it is an error", () => {
    const demo = readFileSync(join(repoRoot, "specs/protocols/demo.ts"), "utf8");
    const withDir = specFolder("with-protocols", { "syscalls/getpgrp.ts": getpgrp, "protocols/demo.ts": demo });
    const out = join(work, "with-protocols-out");
    expect(runCli(["gen", "--arch", "amd64", "--out", out, "--specs", withDir]).status).toBe(0);
    expect(readdirSync(out).filter((f) => f !== ".syscallgen.stamp")).toEqual(["go"]);
    expect(readdirSync(join(out, "go"))).toEqual(["rawsys"]);
    specFolder("stray-protocol", { "syscalls/getpgrp.ts": getpgrp, "proto.ts": demo });
    const stray = runCli(["gen", "--arch", "amd64", "--out", join(work, "never"), "--specs", "stray-protocol"], work);
    expect(stray.status).toBe(1);
    expect(stray.stderr).toMatch(/^stray-protocol\/proto\.ts:\d+:\d+: error: a protocol spec in a specs folder is not generated: name it with --protocol/m);
  });

  test("import rewrites one folder: a second --specs is a usage error", () => {
    const run = runCli(["import", "--kernel", work, "--specs", mine, "--specs", join(work, "dup")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("give --specs once");
  });

  test("a copy of the bundled specs with --no-bundled-specs generates what the bundled ones do", () => {
    const copy = join(work, "copy");
    cpSync(join(repoRoot, "specs"), copy, { recursive: true });
    const a = generate({ arches: ["arm"], specs: [copy], bundledSpecs: false });
    const b = generate({ arches: ["arm"] });
    expect(a.files).toEqual(b.files);
  });
});
