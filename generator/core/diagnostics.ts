/**
 * Spec errors: every problem found in a spec names the file, line and column it comes from, so a
 * user can jump to it. The stages collect them instead of throwing at the first one.
 */

/** A position in a spec file; line and column count from 1, as editors do. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

/** One problem in a spec. `code` is TypeScript's error number for type errors. */
export interface SpecDiagnostic {
  pos: SourcePos;
  message: string;
  code?: number;
}

/** Thrown by the pipeline when specs have errors; carries all of them, sorted. */
export class SpecErrors extends Error {
  readonly diagnostics: SpecDiagnostic[];

  constructor(diagnostics: SpecDiagnostic[]) {
    // A problem found on several arches is the same problem: report it once.
    const sorted = [...diagnostics].sort(compareDiagnostics).filter((d, i, all) => i === 0 || compareDiagnostics(d, all[i - 1]!) !== 0);
    super(sorted.map(formatDiagnostic).join("\n"));
    this.name = "SpecErrors";
    this.diagnostics = sorted;
  }
}

/** `file:line:col: error: message`, the form compilers use and editors link. */
export function formatDiagnostic(d: SpecDiagnostic): string {
  const code = d.code === undefined ? "" : ` TS${d.code}`;
  return `${d.pos.file}:${d.pos.line}:${d.pos.column}: error${code}: ${d.message}`;
}

/** Orders diagnostics by file, line, column, then message, so output is stable. */
export function compareDiagnostics(a: SpecDiagnostic, b: SpecDiagnostic): number {
  return (
    compareStrings(a.pos.file, b.pos.file) ||
    a.pos.line - b.pos.line ||
    a.pos.column - b.pos.column ||
    compareStrings(a.message, b.message)
  );
}

/** Code-unit order, independent of locale, for every sort in the generator. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Collects diagnostics from one stage and throws them together. */
export class DiagnosticSink {
  readonly items: SpecDiagnostic[] = [];

  error(pos: SourcePos, message: string): void {
    this.items.push({ pos, message });
  }

  /** Throws SpecErrors when anything was reported. */
  throwIfAny(): void {
    if (this.items.length > 0) throw new SpecErrors(this.items);
  }
}
