/**
 * What gen writes into a Go programmer's module builds there (issue 7, item 10): without
 * --protocol, only rawsys (the bundled demo protocol, which imported `syscallgen.local/go/rawsys`,
 * broke `go vet ./...`); with --protocol, the import path of rawsys comes from the go.mod above
 * the output, and without one gen asks for --go-import-prefix.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { goImportPathOf } from "../../generator/core/go-module.js";
import { goEnv } from "../support/go-harness.js";
import { repoRoot, runCli } from "../support/cli.js";

const work = mkdtempSync(join(tmpdir(), "syscallgen-go-module-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const demo = join(repoRoot, "specs/protocols/demo.ts");
const go = (args: string[], cwd: string) => spawnSync("go", args, { cwd, encoding: "utf8", env: { ...goEnv("amd64"), GOFLAGS: "-mod=mod" } });

/** A fresh module `example.com/<name>` in the work directory. */
function goModule(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "go.mod"), `module example.com/${name}\n\ngo 1.22\n`);
  return dir;
}

describe("gen into a Go module", () => {
  test("without --protocol: rawsys only, and go vet ./... passes", () => {
    const mod = goModule("plain");
    const run = runCli(["gen", "--arch", "amd64", "--out", join(mod, "gen")]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(mod, "gen")).filter((f) => f !== ".syscallgen.stamp")).toEqual(["go"]);
    expect(readdirSync(join(mod, "gen", "go"))).toEqual(["rawsys"]);
    const vet = go(["vet", "./..."], mod);
    expect(vet.status, vet.stderr).toBe(0);
  });

  test("with --protocol and no --go-import-prefix: the import path from go.mod; go build and go vet pass", () => {
    const mod = goModule("proto");
    const out = join(mod, "internal", "gen");
    const run = runCli(["gen", "--arch", "amd64", "--out", out, "--protocol", demo]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, "go/demo/conn.go"), "utf8")).toContain('"example.com/proto/internal/gen/go/sgwire"');
    expect(readFileSync(join(out, "go/sgwire/conn.go"), "utf8")).toContain('"example.com/proto/internal/gen/go/rawsys"');
    expect(existsSync(join(out, "c/demo.h"))).toBe(true);
    for (const args of [["build", "./..."], ["vet", "./..."]]) {
      const r = go(args, mod);
      expect(r.status, `go ${args.join(" ")}: ${r.stderr}`).toBe(0);
    }
  });

  test("with --protocol outside any module: exit 2, asking for --go-import-prefix, nothing written", () => {
    const out = join(work, "no-module", "gen");
    const run = runCli(["gen", "--arch", "amd64", "--out", out, "--protocol", demo]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no go.mod above");
    expect(run.stderr).toContain("pass --go-import-prefix");
    expect(existsSync(out)).toBe(false);
  });
});

describe("the import path of a folder, from go.mod", () => {
  test("module path plus the folder's path below go.mod, nearest go.mod first", () => {
    const root = join(work, "paths");
    mkdirSync(join(root, "sub", "inner"), { recursive: true });
    writeFileSync(join(root, "go.mod"), '// a comment\nmodule "example.com/quoted" // trailing\n\ngo 1.22\n');
    writeFileSync(join(root, "sub", "inner", "go.mod"), "module example.com/inner\n");
    expect(goImportPathOf(root)).toBe("example.com/quoted");
    expect(goImportPathOf(join(root, "gen", "go"))).toBe("example.com/quoted/gen/go"); // need not exist yet
    expect(goImportPathOf(join(root, "sub", "inner", "x"))).toBe("example.com/inner/x");
    expect(goImportPathOf(join(work, "no-module"))).toBeUndefined();
  });
});
