/**
 * I/O failures are one line naming the file, the reason and the errno, with their own exit status
 * (3), never a stack trace with the status of spec errors. The tests run as root, which may write
 * anywhere, so the failures are ones the file system itself refuses: a file where a folder must be
 * (ENOTDIR), a folder where a file must be (EISDIR), or a permission, with root's power to
 * override permissions dropped (EACCES).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runCli, type CliRun } from "../support/cli.js";

const work = mkdtempSync(join(tmpdir(), "syscallgen-io-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectIoFailure(run: CliRun, code: string, path: string) {
  expect(run.stderr).toMatch(new RegExp(`^syscallgen: cannot [a-z ]+ ${path.replace(/[.]/g, "\\.")}\\S*: [a-z ]+ \\(${code}\\)\\n$`));
  expect(run.status).toBe(3);
}

describe("I/O failures exit 3 with one line", () => {
  const file = join(work, "a-file");
  writeFileSync(file, "not a folder\n");

  test("--out naming a file (ENOTDIR)", () => {
    expectIoFailure(runCli(["gen", "--arch", "amd64", "--out", file]), "ENOTDIR", file);
  });
  test("--out below a file (ENOTDIR)", () => {
    expectIoFailure(runCli(["gen", "--arch", "amd64", "--out", join(file, "out")]), "ENOTDIR", file);
  });
  test("--check of an --out naming a file (ENOTDIR)", () => {
    expectIoFailure(runCli(["gen", "--arch", "amd64", "--out", file, "--check"]), "ENOTDIR", file);
  });
  test("a folder the user may not write to (EACCES)", () => {
    const locked = join(work, "locked");
    mkdirSync(locked, { mode: 0o755 });
    chmodSync(locked, 0o555);
    const run = runCli(["gen", "--arch", "amd64", "--out", join(locked, "out")], work, { permissionsApply: true });
    expectIoFailure(run, "EACCES", join(locked, "out"));
  });
  test("a folder where an output file goes (EISDIR), in gen and --check", () => {
    const out = join(work, "out");
    mkdirSync(join(out, "go/rawsys/rawsys.go"), { recursive: true });
    expectIoFailure(runCli(["gen", "--arch", "amd64", "--out", out]), "EISDIR", join(out, "go/rawsys/rawsys.go"));
    expectIoFailure(runCli(["gen", "--arch", "amd64", "--out", out, "--check"]), "EISDIR", join(out, "go/rawsys/rawsys.go"));
  });
});

describe("--help documents the exit statuses", () => {
  test.each([[[]], [["gen"]], [["list"]], [["import"]]])("%j --help", (args) => {
    const run = runCli([...args, "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Exit status:\n {2}0 {2}done\n {2}1 {2}.*stale.*\n {2}2 {2}a usage error.*\n {2}3 {2}an I\/O failure.*\n {2}4 {2}an internal error/);
  });
});
