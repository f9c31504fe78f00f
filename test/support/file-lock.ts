/**
 * An exclusive lock on a file, held by a flock(1) child process (util-linux, on every Debian
 * system): Node has no flock(2). The child takes the lock, says so, and holds it while it reads
 * its stdin; closing that pipe releases it, and so does this process dying in any way (the pipe
 * closes, the child exits, the kernel drops the lock), so a killed run never leaves a stale lock.
 * The lock is advisory: it serialises only code that takes it.
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** A held lock. */
export interface FileLock {
  readonly file: string;
  /** How long taking it waited for another holder, in ms. */
  readonly waitedMs: number;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Called once if the lock is not free at once, with the file (to say who waits for what). */
  readonly onWait?: (file: string) => void;
  /** After this long the attempt fails; unlimited by default. */
  readonly timeoutMs?: number;
}

const LOCKED = "locked\n";

/**
 * flock(1)'s arguments: it opens (creating) file, locks it, and runs the command with the lock
 * held; the command prints "locked", then cat holds the lock until its stdin closes.
 */
export function flockArgs(file: string): string[] {
  return ["--exclusive", file, "-c", "printf 'locked\\n'; exec cat >/dev/null"];
}

/** Takes an exclusive flock on file (created, with its directory, if missing). */
export function lockFile(file: string, options: LockOptions = {}): Promise<FileLock> {
  mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn("flock", flockArgs(file), { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let settled = false;
    const waitNotice = options.onWait ? setTimeout(() => options.onWait?.(file), 1000) : undefined;
    const timer = options.timeoutMs
      ? setTimeout(() => fail(new Error(`could not lock ${file} within ${options.timeoutMs} ms: another run holds it`)), options.timeoutMs)
      : undefined;
    const done = () => {
      settled = true;
      clearTimeout(waitNotice);
      clearTimeout(timer);
    };
    const fail = (e: Error) => {
      if (settled) return;
      done();
      child.kill("SIGKILL");
      reject(e);
    };
    const exited = new Promise<void>((res) => child.once("close", () => res()));
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (settled || out !== LOCKED) return;
      done();
      resolve({
        file,
        waitedMs: Date.now() - started,
        release: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.stdin.on("error", () => {}); // the child gone first: nothing left to release
    child.once("error", (e: NodeJS.ErrnoException) =>
      fail(new Error(e.code === "ENOENT" ? "cannot lock: flock not found on PATH (the Debian package util-linux)" : `cannot lock ${file}: ${e.message}`)),
    );
    child.once("close", (code, signal) => fail(new Error(`flock on ${file} ended before the lock was taken (${signal ?? `exit ${code}`}): ${err.trim()}`)));
  });
}

/** Runs fn with the lock on file held, and releases it whatever fn does. */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = await lockFile(file, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
