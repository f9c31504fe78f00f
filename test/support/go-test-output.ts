/**
 * Reads `go test -test.v` output: which tests passed or failed, the qemu
 * caveats the Go tests log with a fixed prefix, and the run-time fallbacks
 * they saw taken (a kernel or emulator without a newer entry).
 */

/** Counts and notable lines pulled from a verbose Go test run. */
export interface GoTestSummary {
  readonly passed: readonly string[];
  readonly failed: readonly string[];
  /** Lines logged with QEMU-ENOSYS / QEMU-LIMIT: accepted emulator gaps. */
  readonly qemuNotes: readonly string[];
  /** Lines logged with FALLBACK: a wrapper took its path for a kernel without the newer entry. */
  readonly fallbacks: readonly string[];
}

/** Parses verbose test output; subtests count like tests (their full name). */
export function summarizeGoTest(output: string): GoTestSummary {
  const passed: string[] = [];
  const failed: string[] = [];
  const qemuNotes: string[] = [];
  const fallbacks: string[] = [];
  for (const line of output.split("\n")) {
    const m = /^\s*--- (PASS|FAIL): (\S+)/.exec(line);
    if (m) (m[1] === "PASS" ? passed : failed).push(m[2] ?? "");
    if (/QEMU-(ENOSYS|LIMIT)/.test(line)) qemuNotes.push(line.trim());
    if (/\bFALLBACK\b/.test(line)) fallbacks.push(line.trim());
  }
  return { passed, failed, qemuNotes, fallbacks };
}
