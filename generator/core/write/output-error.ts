/**
 * I/O failures as one line a user can act on. Node's file system errors carry the errno name, the
 * call and the path; printed raw they are a stack trace, which reads like a bug in syscallgen
 * when the cause is a full disk or an `--out` that names a file.
 */
import { getSystemErrorMap } from "node:util";

/** A Node system error: what the `fs` functions throw, with an errno name and the failed call. */
export type SystemError = NodeJS.ErrnoException & { code: string };

/** Whether `e` is a system error (an errno from the OS), as opposed to a bug. */
export function isSystemError(e: unknown): e is SystemError {
  const x = e as NodeJS.ErrnoException;
  return e instanceof Error && typeof x.code === "string" && typeof x.errno === "number" && (typeof x.syscall === "string" || typeof x.path === "string");
}

/** The OS's own wording for the error (`not a directory`), without Node's decorations. */
export function systemReason(e: SystemError): string {
  return (e.errno !== undefined ? getSystemErrorMap().get(e.errno)?.[1] : undefined) ?? e.message;
}

/**
 * A file or folder the write stage could not read, write or remove, or a path it refuses to
 * write. Its message is the whole report: `cannot write <path>: <reason> (<CODE>)`.
 */
export class OutputError extends Error {
  constructor(
    /** What was being done: `read`, `write`, `remove`, `create directory`... */
    readonly action: string,
    /** The file or folder, as an absolute path. */
    readonly path: string,
    /** Why it failed, in words. */
    readonly reason: string,
    /** The errno name (`ENOTDIR`), when the OS refused. */
    readonly code?: string,
  ) {
    super(`cannot ${action} ${path}: ${reason}${code === undefined ? "" : ` (${code})`}`);
    this.name = "OutputError";
  }

  /** Wraps a system error from `action` on `path`; anything else (a bug) is returned as it is. */
  static wrap(action: string, path: string, e: unknown): unknown {
    return isSystemError(e) ? new OutputError(action, path, systemReason(e), e.code) : e;
  }
}

// The `fs` call names a system error carries, as the words a message uses.
const verbs: Record<string, string> = {
  open: "open", read: "read", write: "write", scandir: "read directory", mkdir: "create directory",
  rename: "rename", unlink: "remove", rmdir: "remove directory", stat: "stat", lstat: "stat", realpath: "resolve",
};

/**
 * The one-line message for an I/O failure (an OutputError or any system error), or undefined
 * when `e` is something else: an unexpected error is a bug and keeps its stack trace.
 */
export function ioFailureMessage(e: unknown): string | undefined {
  if (e instanceof OutputError) return e.message;
  if (!isSystemError(e)) return undefined;
  const verb = e.syscall === undefined ? "use" : (verbs[e.syscall] ?? e.syscall);
  const dest = (e as SystemError & { dest?: string }).dest;
  const what = e.path === undefined ? "" : ` ${e.path}${dest === undefined ? "" : ` to ${dest}`}`;
  return `cannot ${verb}${what}: ${systemReason(e)} (${e.code})`;
}
