/**
 * A child-process runner that always captures everything, so a failing build or test run can be
 * shown in full, while parsers read the one stream the tool writes its data to: `go` reports
 * module downloads on stderr while it answers `go list` on stdout, and a mix of the two is garbage.
 */
import { spawn } from "node:child_process";
import { findOnPath, missingToolMessage } from "./require-tool.js";

/** What a finished command produced. */
export interface ExecResult {
  /** Exit code, or null when killed by a signal (timeout included). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** What the command wrote to stdout: the only stream to parse for its answer. */
  readonly stdout: string;
  /** What it wrote to stderr: diagnostics, download notices, emulator warnings. */
  readonly stderr: string;
  /** stdout and stderr interleaved in arrival order, for failure messages only. */
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
  /**
   * Run as leader of a new process group and kill the whole group on timeout, so children that
   * share the output pipes (a helper the command starts, qemu) cannot hold them open after it.
   */
  readonly killGroup?: boolean;
}

/** The message for a command that could not start: the Debian package when it is not on PATH. */
function startFailure(file: string, command: string, err: NodeJS.ErrnoException, env: NodeJS.ProcessEnv): Error {
  if (err.code === "ENOENT" && findOnPath(file, env) === null) return new Error(`cannot start ${command}: ${missingToolMessage(file)}`);
  return new Error(`cannot start ${command}: ${err.message}`);
}

/**
 * Runs file with args and resolves when it exits; never rejects for a non-zero exit, since
 * callers decide what failure means. Rejects when the command cannot start at all.
 */
export function execCapture(file: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const command = [file, ...args].join(" ");
  const env = opts.env ?? process.env;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env, detached: opts.killGroup === true, stdio: ["ignore", "pipe", "pipe"] });
    const all: Buffer[] = [];
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => {
      out.push(c);
      all.push(c);
    });
    child.stderr.on("data", (c: Buffer) => {
      err.push(c);
      all.push(c);
    });
    let timedOut = false;
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      if (opts.killGroup === true && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      else child.kill("SIGKILL");
    }, opts.timeoutMs);
    child.on("error", (e) => {
      if (timer) clearTimeout(timer);
      reject(startFailure(file, command, e, env));
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString("utf8");
      resolve({ code, signal, stdout: text(out), stderr: text(err), output: text(all), timedOut, ms: Date.now() - started, command });
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
