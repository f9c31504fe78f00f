#!/usr/bin/env node
/** The syscallgen command: everything is in the library; this only hands it the arguments. */
import { ExitCode } from "./exit-codes.js";
import { main } from "./main.js";
import { guardStdStreams } from "./std-streams.js";

const streams = guardStdStreams();
try {
  const status = await main(process.argv);
  process.exitCode = streams.failed ? ExitCode.io : status;
} catch (e) {
  // Not an I/O failure nor a usage error: a bug, whose stack trace is what a report needs.
  process.stderr.write(`syscallgen: internal error (please report it with this trace):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = ExitCode.internal;
}
