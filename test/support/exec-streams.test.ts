/**
 * Tool output is parsed from stdout only, and a failing tool throws: `go list` on an empty module
 * cache prints "go: downloading ..." on stderr while it answers on stdout, and the x/sys
 * comparison once read that notice as x/sys's directory (issue 7, item 1). A fake `go` first on
 * PATH stands in for the real one, so this runs in milliseconds and without a network.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { execCapture } from "./exec.js";
import { xsysFiles } from "./xsys-plan.js";

let bin: string;
beforeAll(() => {
  bin = mkdtempSync(path.join(tmpdir(), "syscallgen-fake-go-"));
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Puts a `go` running script (sh) first on PATH. */
function fakeGo(script: string): void {
  writeFileSync(path.join(bin, "go"), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  vi.stubEnv("PATH", `${bin}${path.delimiter}${process.env.PATH ?? ""}`);
}

const dir = "/cache/golang.org/x/sys@v0.49.0/unix";

describe("execCapture", () => {
  test("keeps stdout and stderr apart, and both interleaved for messages", async () => {
    const r = await execCapture("sh", ["-c", "echo answer; echo notice >&2; echo more"]);
    expect(r.stdout).toBe("answer\nmore\n");
    expect(r.stderr).toBe("notice\n");
    expect(r.output.split("\n").sort()).toEqual(["", "answer", "more", "notice"]);
  });

  test("killGroup: a timeout also kills the children that hold the output pipes open", async () => {
    const started = Date.now();
    const r = await execCapture("sh", ["-c", "sleep 30 & sleep 30"], { timeoutMs: 200, killGroup: true });
    expect(r.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("xsysFiles reads go list's stdout only", () => {
  test("a download notice on stderr, written first, is not part of the file list", async () => {
    // The notice arrives before the answer, as on a first run with an empty module cache.
    fakeGo(`echo "go: downloading golang.org/x/sys v0.49.0" >&2\nsleep 0.2\nprintf '%s\\n' ${dir} syscall_linux.go zerrors_linux_amd64.go`);
    await expect(xsysFiles("amd64")).resolves.toEqual([`${dir}/syscall_linux.go`, `${dir}/zerrors_linux_amd64.go`]);
  });

  test("a go list that exits non-zero throws with what go said", async () => {
    fakeGo(`printf '%s\\n' ${dir} syscall_linux.go\necho "go: golang.org/x/sys@v0.49.0: no such host" >&2\nexit 1`);
    await expect(xsysFiles("arm64")).rejects.toThrow(/go list x\/sys for arm64 exited 1[^]*no such host/);
  });

  test("exit 0 with no directory and files on stdout throws instead of comparing nothing", async () => {
    fakeGo(`echo "${dir}" >&2`);
    await expect(xsysFiles("mips")).rejects.toThrow(/no directory and file list on stdout/);
  });
});
