/**
 * The exit status of every command, in one place: main, the commands and `--help` all read it,
 * so what a Makefile or CI script tests for cannot drift from what the help says.
 */

/** The exit status syscallgen ends with. */
export const ExitCode = {
  /** The command did what was asked (also `--help`). */
  ok: 0,
  /** The specs have errors (nothing written), or `gen --check` found stale, missing or stray files. */
  failed: 1,
  /** The command line is wrong: an unknown option or arch, a bad name, a missing file. */
  usage: 2,
  /** A file or folder could not be read or written, or standard output failed; one line on stderr says which and why. */
  io: 3,
  /** A bug in syscallgen: the message has a stack trace worth reporting. */
  internal: 4,
} as const;

/** One of the exit statuses. */
export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit statuses as `--help` prints them. */
export const exitCodesHelp = `
Exit status:
  ${ExitCode.ok}  done
  ${ExitCode.failed}  errors in the specs (nothing written), or --check found stale, missing or stray files
  ${ExitCode.usage}  a usage error (unknown option or arch, bad --go-package or --go-import-prefix, ...)
  ${ExitCode.io}  an I/O failure: a file or folder could not be read or written (one line says which)
  ${ExitCode.internal}  an internal error (a bug in syscallgen; please report the stack trace)`;
