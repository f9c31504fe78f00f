/**
 * `--go-package` names a folder and a Go package, `--go-import-prefix` an import path: a bad one
 * is a usage error (exit 2) before anything is written, instead of files outside `--out` or Go
 * that does not compile. The write stage refuses an escaping path on its own too.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { goImportPathProblem } from "../../generator/core/go-import-path.js";
import { goPackageNameProblem } from "../../generator/core/go-names.js";
import { OutputError } from "../../generator/core/write/output-error.js";
import { checkFiles, writeFiles } from "../../generator/core/write/write-files.js";
import { repoRoot, runCli } from "../support/cli.js";

const work = mkdtempSync(join(tmpdir(), "syscallgen-goopt-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a bad --go-package is a usage error and writes nothing", () => {
  test.each([
    ["../../escape", "not a Go identifier"],
    ["my-pkg", "not a Go identifier"],
    ["type", "a Go keyword"],
    ["_", "blank identifier"],
    ["main", "cannot be imported"],
    ["Rawsys", "not lower case"],
    ["9lives", "not a Go identifier"],
    ["", "not a Go identifier"],
  ])("%j", (name, why) => {
    const out = join(work, "pkg", "out");
    const run = runCli(["gen", "--arch", "amd64", "--out", out, "--go-package", name]);
    expect(run.stderr).toContain(`--go-package ${JSON.stringify(name)}: `);
    expect(run.stderr).toContain(why);
    expect(run.status).toBe(2);
    expect(existsSync(join(work, "pkg"))).toBe(false);
    expect(existsSync(join(work, "escape"))).toBe(false);
  });
});

describe("a bad --go-import-prefix is a usage error", () => {
  test.each(["bad prefix", "/abs/go", "example.com//go", "example.com/go/", "example.com/../go", "-x/go", "example.com/a@v1"])("%j", (prefix) => {
    const run = runCli(["gen", "--arch", "amd64", "--out", join(work, "never"), `--go-import-prefix=${prefix}`]);
    expect(run.stderr).toContain(`--go-import-prefix ${JSON.stringify(prefix)}: not a Go import path`);
    expect(run.status).toBe(2);
    expect(existsSync(join(work, "never"))).toBe(false);
  });
});

test("--go-package naming a protocol's package too is an error at the protocol's name: both would write go/<name>/", () => {
  const out = join(work, "clash");
  const run = runCli(["gen", "--arch", "amd64", "--out", out, "--go-package", "demo", "--protocol", join(repoRoot, "specs/protocols/demo.ts"), "--go-import-prefix", "example.com/m/go"]);
  expect(run.stderr).toMatch(/^specs\/protocols\/demo\.ts:\d+:\d+: error: protocol `demo` would write its Go package into go\/demo\/, the syscall package's folder/);
  expect(run.status).toBe(1);
  expect(existsSync(out)).toBe(false);
});

test("Go package names: lower-case identifiers, no keyword, not main", () => {
  for (const ok of ["rawsys", "x", "sys2", "my_sys", "unix"]) expect(goPackageNameProblem(ok), ok).toBeUndefined();
  for (const bad of ["my-pkg", "type", "func", "_", "main", "Rawsys", "rawSys", "_x", "2x", "r.s", "é"]) expect(goPackageNameProblem(bad), bad).toBeDefined();
});

test("Go import paths: golang.org/x/mod/module.CheckImportPath's rules", () => {
  for (const ok of ["syscallgen.local/go", "example.com/helper/gen/go", "example/go", "a", "gopkg.in/x.v1", "example.com/a~b/c+d/e_f-g", "example.com/.hidden"]) {
    expect(goImportPathProblem(ok), ok).toBeUndefined();
  }
  const bad = ["", "/a", "a/", "a//b", "a/./b", "a/../b", "..", "a/b.", "-a", "a b", "a/b@c", "a/b:c", "a\\b", "example.com/con", "example.com/LPT1.x", "example.com/prog~1", "é.com/x"];
  for (const path of bad) expect(goImportPathProblem(path), path).toBeDefined();
});

test("a package name the checks accept compiles: gen, then go vet", () => {
  const out = join(work, "vet");
  const run = runCli(["gen", "--arch", "amd64", "--out", out, "--go-package", "my_sys2"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(readdirSync(join(out, "go/my_sys2"))).toContain("my_sys2.go");
  writeFileSync(join(out, "go.mod"), "module example.com/vetted\n\ngo 1.21\n");
  execFileSync("go", ["vet", "./..."], { cwd: out, env: { ...process.env, GOOS: "linux", GOARCH: "amd64", GOFLAGS: "-mod=mod" }, stdio: "pipe" });
});

describe("the write stage refuses a path outside the output directory, whoever builds it", () => {
  const out = join(work, "guarded");
  test.each(["go/../../escape/x.go", "/tmp/x.go", "go//x.go", "./x.go", ""])("%j", (path) => {
    const files = [{ path: "go/rawsys/ok.go", content: "package rawsys\n" }, { path, content: "package escape\n" }];
    expect(() => writeFiles(out, files)).toThrow(OutputError);
    expect(() => checkFiles(out, files)).toThrow(/not a plain path inside the output directory/);
    expect(() => writeFiles(out, files.slice(0, 1), { known: [path] })).toThrow(OutputError);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(work, "escape"))).toBe(false);
  });
});
