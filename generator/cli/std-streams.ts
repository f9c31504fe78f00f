/**
 * Standard output that went away. Node ignores SIGPIPE, so `syscallgen list | head -3` gets
 * EPIPE as an `error` event on process.stdout, and an unhandled one is a stack trace and exit 1
 * (the status of spec errors). A reader that stopped reading is not a failure of the command: its
 * own status stands. Any other output error (a full disk behind `> file`) is an I/O failure.
 */
import { ExitCode } from "./exit-codes.js";
import { isSystemError, systemReason } from "../core/write/output-error.js";

/** What the guard saw; read once the command is done. */
export interface StreamGuard {
  /** Standard output failed with something other than a closed reader. */
  readonly failed: boolean;
}

/**
 * Handles errors on stdout and stderr for the rest of the process. Once a stream has failed,
 * Node drops whatever is written to it (`writable.errored` is set), so commands need no checks
 * of their own and finish their work (a `gen` still writes its files) with their own status.
 */
export function guardStdStreams(): StreamGuard {
  const guard = { failed: false };
  process.stdout.on("error", (e: Error) => {
    if (isSystemError(e) && e.code === "EPIPE") return;
    guard.failed = true;
    // The event can come after bin.ts has set the command's status, so it is set here too.
    process.exitCode = ExitCode.io;
    const why = isSystemError(e) ? `${systemReason(e)} (${e.code})` : e.message;
    process.stderr.write(`syscallgen: cannot write standard output: ${why}\n`);
  });
  // With stderr gone there is nowhere to report anything; the exit status still says it.
  process.stderr.on("error", () => {});
  return guard;
}
