/**
 * A reader that goes away (`syscallgen list | head -3`) must not turn into a stack trace and exit
 * 1: the command ends quietly with its own status. The race between the reader exiting and the
 * command writing is why each case runs many times; `| true` closes the pipe before the first
 * write, `| head -3` after a few lines.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cliBin, runCli, runCliPiped } from "../support/cli.js";

const work = mkdtempSync(join(tmpdir(), "syscallgen-stdout-"));
const out = join(work, "out");
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => {
  expect(runCli(["gen", "--arch", "amd64", "--out", out]).status).toBe(0);
});

function expectQuiet(args: string[], reader: string, status: number, times: number) {
  for (let i = 0; i < times; i++) {
    const run = runCliPiped(args, reader);
    expect(run.stderr, `run ${i + 1}: syscallgen ${args.join(" ")} | ${reader}`).toBe("");
    expect(run.status, `run ${i + 1}`).toBe(status);
  }
}

describe("a closed stdout ends the command quietly, with its own exit status", () => {
  test("--help | true, 20 times", () => expectQuiet(["--help"], "true", 0, 20));
  test("gen (nothing to do) | true, 20 times", () => expectQuiet(["gen", "--arch", "amd64", "--out", out], "true", 0, 20));
  test("list | head -3 and list | true", () => {
    expectQuiet(["list"], "head -3", 0, 2);
    expectQuiet(["list"], "true", 0, 2);
  });
  test("gen --check of a stale folder | true keeps its status 1", () => {
    writeFileSync(join(out, "go/rawsys/zsysnum_linux_amd64.go"), "// stale\n");
    expectQuiet(["gen", "--arch", "amd64", "--out", out, "--check"], "true", 1, 2);
  });
});

test("a stdout that fails otherwise (a full disk) is an I/O failure: one line, exit 3", () => {
  const full = openSync("/dev/full", "w");
  try {
    const run = spawnSync(process.execPath, [cliBin, "--help"], { stdio: ["ignore", full, "pipe"], encoding: "utf8" });
    expect(run.stderr).toBe("syscallgen: cannot write standard output: no space left on device (ENOSPC)\n");
    expect(run.status).toBe(3);
  } finally {
    closeSync(full);
  }
});
