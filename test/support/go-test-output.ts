/**
 * Reads `go test -test.v` output: which tests passed or failed, and the
 * qemu caveats the Go tests log with a fixed prefix.
 */

/** Counts and notable lines pulled from a verbose Go test run. */
export interface GoTestSummary {
  readonly passed: readonly string[];
  readonly failed: readonly string[];
  /** Lines logged with QEMU-ENOSYS / QEMU-LIMIT: accepted emulator gaps. */
  readonly qemuNotes: readonly string[];
}

/** Parses verbose test output; subtests count like tests (their full name). */
export function summarizeGoTest(output: string): GoTestSummary {
  const passed: string[] = [];
  const failed: string[] = [];
  const qemuNotes: string[] = [];
  for (const line of output.split("\n")) {
    const m = /^\s*--- (PASS|FAIL): (\S+)/.exec(line);
    if (m) (m[1] === "PASS" ? passed : failed).push(m[2] ?? "");
    if (/QEMU-(ENOSYS|LIMIT)/.test(line)) qemuNotes.push(line.trim());
  }
  return { passed, failed, qemuNotes };
}
