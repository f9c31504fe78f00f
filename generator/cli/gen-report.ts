/** What `gen` prints about the files it wrote or checked, and the status that follows from it. */
import type { CheckReport, WriteReport } from "../core/write/write-files.js";
import { ExitCode } from "./exit-codes.js";

/** Prints what `--check` found: stale, missing and stray files all fail it. */
export function reportCheck(report: CheckReport): number {
  for (const path of report.stale) process.stdout.write(`stale: ${path}\n`);
  for (const path of report.missing) process.stdout.write(`missing: ${path}\n`);
  for (const path of report.stray) process.stdout.write(`stray: ${path}\n`);
  const regenerate = report.stale.length + report.missing.length;
  if (regenerate + report.stray.length === 0) {
    process.stdout.write("syscallgen: generated files are current\n");
    return ExitCode.ok;
  }
  if (regenerate > 0) process.stdout.write(`syscallgen: ${regenerate} file(s) need regenerating: run syscallgen gen\n`);
  if (report.stray.length > 0) {
    process.stdout.write(`syscallgen: ${report.stray.length} stray file(s): gen removes leftover temporary and old generated files; move your own out of the generated Go folders\n`);
  }
  return ExitCode.failed;
}

/**
 * Prints what a write did. A hand-written file in a generated folder is a warning, not a failure:
 * every generated file was written, and nothing of the user's is deleted; `--check` fails on it.
 */
export function reportWrite(report: WriteReport, outLabel: string): number {
  for (const path of report.kept) process.stderr.write(`syscallgen: warning: ${path} is not a generated file; left in place (gen --check reports it as stray)\n`);
  const removed = report.removed.length > 0 ? `, ${report.removed.length} removed` : "";
  process.stdout.write(`syscallgen: ${report.written.length} written, ${report.unchanged.length} unchanged${removed} in ${outLabel}\n`);
  return ExitCode.ok;
}
