/**
 * The lock the kernel tests take on their build cache: exclusive, waited for, released on
 * release() and when its holder dies.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { flockArgs, lockFile, withFileLock } from "./file-lock.js";

const dir = mkdtempSync(path.join(tmpdir(), "syscallgen-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a second taker waits until the first releases", async () => {
  const file = path.join(dir, "sub", "a.lock"); // the directory is created
  const first = await lockFile(file);
  await expect(lockFile(file, { timeoutMs: 300 })).rejects.toThrow(/could not lock .*a\.lock within 300 ms/);
  const order: string[] = [];
  let waited = false;
  const second = withFileLock(
    file,
    async () => {
      order.push("second");
    },
    { onWait: () => (waited = true) },
  );
  await new Promise((r) => setTimeout(r, 1300));
  order.push("first releases");
  await first.release();
  await second;
  expect(order).toEqual(["first releases", "second"]);
  expect(waited).toBe(true);
  // Free again: taken at once.
  const third = await lockFile(file);
  expect(third.waitedMs).toBeLessThan(1000);
  await third.release();
});

test("a run killed while holding the lock releases it", async () => {
  const file = path.join(dir, "b.lock");
  // Another run: a node process holding the lock as lockFile does (flock(1) and cat on a pipe
  // from it), killed with SIGKILL, so nothing of it runs a release.
  const script = `require("node:child_process").spawn("flock", ${JSON.stringify(flockArgs(file))}, { stdio: ["pipe", "inherit", "ignore"] }); setInterval(() => {}, 1000);`;
  const run = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "ignore"] });
  await new Promise<void>((resolve) => run.stdout.once("data", () => resolve()));
  await expect(lockFile(file, { timeoutMs: 300 })).rejects.toThrow(/could not lock/);
  run.kill("SIGKILL");
  // Its pipe to cat closes with it; cat exits, and the lock goes with the last open file.
  const lock = await lockFile(file, { timeoutMs: 10_000 });
  await lock.release();
});

test("withFileLock releases when its function throws", async () => {
  const file = path.join(dir, "c.lock");
  await expect(withFileLock(file, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  const lock = await lockFile(file, { timeoutMs: 1000 });
  await lock.release();
});
