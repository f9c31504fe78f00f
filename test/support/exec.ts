/**
 * A child-process runner that always captures everything, so a failing
 * build or test run can be shown in full.
 */
import { spawn } from "node:child_process";

/** What a finished command produced. */
export interface ExecResult {
  /** Exit code, or null when killed by a signal (timeout included). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout and stderr interleaved in arrival order. */
  readonly output: string;
  readonly timedOut: boolean;
  readonly ms: number;
  /** The command line, for error messages. */
  readonly command: string;
}

/** Options for {@link execCapture}. */
export interface ExecOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/**
 * Runs file with args and resolves when it exits; never rejects for a
 * non-zero exit, since callers decide what failure means.
 */
export function execCapture(file: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const command = [file, ...args].join(" ");
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    let timedOut = false;
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs);
    child.on("error", (err) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`cannot start ${command}: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, output: Buffer.concat(chunks).toString("utf8"), timedOut, ms: Date.now() - started, command });
    });
  });
}

/** A readable one-paragraph account of a failed command, full output included. */
export function describeFailure(what: string, r: ExecResult): string {
  const how = r.timedOut ? "timed out" : r.signal ? `was killed by ${r.signal}` : `exited ${r.code}`;
  return `${what} ${how} after ${r.ms} ms\n$ ${r.command}\n${r.output}`;
}

/** Runs a command and throws with the full output unless it exits 0. */
export async function execOrThrow(what: string, file: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const r = await execCapture(file, args, opts);
  if (r.code !== 0) throw new Error(describeFailure(what, r));
  return r;
}
