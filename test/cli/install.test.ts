/**
 * Putting syscallgen on PATH from a clone, as the README says: the built command is executable,
 * and `npm install -g .` links it into a bin folder. Offline and without install scripts, so the
 * test downloads nothing and does not rebuild the tree other tests are running.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { cliBin, repoRoot } from "../support/cli.js";

const prefix = mkdtempSync(join(tmpdir(), "syscallgen-prefix-"));
afterAll(() => rmSync(prefix, { recursive: true, force: true }));

test("the built bin is executable, and runs by itself", () => {
  expect(statSync(cliBin).mode & 0o111).toBe(0o111);
  const run = spawnSync(cliBin, ["--help"], { encoding: "utf8" });
  expect(run.stdout).toContain("Usage: syscallgen");
  expect(run.status).toBe(0);
});

test("npm install -g . --prefix DIR puts syscallgen in DIR/bin", () => {
  execFileSync("npm", ["install", "-g", repoRoot, "--prefix", prefix, "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], { stdio: "pipe" });
  const run = spawnSync(join(prefix, "bin/syscallgen"), ["--help"], { encoding: "utf8", cwd: prefix });
  expect(run.stderr).toBe("");
  expect(run.stdout).toContain("Usage: syscallgen");
  expect(run.status).toBe(0);
}, 120_000);
