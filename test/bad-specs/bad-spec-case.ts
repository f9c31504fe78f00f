/**
 * Runs bad-spec cases: the valid mini-specs fixture with a case folder's files laid over it, fed
 * to `generate()`. Expected positions are found in the case's own files by a marked snippet, so a
 * test states *where* the mistake is written instead of copying numbers from the generator.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { SpecErrors, type SourcePos, type SpecDiagnostic } from "../../generator/load/diagnostics.js";

/** The valid spec folder every case starts from. */
export const fixtureDir = join(import.meta.dirname, "../fixtures/mini-specs");

/** One folder per case, holding only the files that differ from the fixture. */
export const casesDir = join(import.meta.dirname, "cases");

/** Inside a snippet, marks the character the error must point at (default: the snippet's start). */
const caret = "^";

/**
 * The line and column (from 1) of the `^` in `snippet` within `text`. The snippet without its
 * `^` must occur exactly once, so that the expected position cannot be ambiguous.
 */
export function locate(text: string, snippet: string, file: string): SourcePos {
  const plain = snippet.replace(caret, "");
  const start = text.indexOf(plain);
  if (start < 0) throw new Error(`${file}: snippet ${JSON.stringify(plain)} not found`);
  if (text.indexOf(plain, start + 1) >= 0) throw new Error(`${file}: snippet ${JSON.stringify(plain)} occurs more than once`);
  const at = start + Math.max(snippet.indexOf(caret), 0);
  const lines = text.slice(0, at).split("\n");
  return { file, line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** The text of a spec file as a case sees it: the case's version if it has one, else the fixture's. */
export function caseFileText(caseName: string, file: string): string {
  const own = join(casesDir, caseName, file);
  return readFileSync(existsSync(own) ? own : join(fixtureDir, file), "utf8");
}

/** Where `snippet` is in the unchanged fixture's `file` (for messages that cite the fixture). */
export function fixturePosition(file: string, snippet: string): SourcePos {
  return locate(readFileSync(join(fixtureDir, file), "utf8"), snippet, file);
}

/** Where `snippet` is in `file` as the case sees it. */
export function positionIn(caseName: string, file: string, snippet: string): SourcePos {
  return locate(caseFileText(caseName, file), snippet, file);
}

const tempDirs: string[] = [];

/**
 * Copies the fixture and the case's files into a fresh temporary folder, so a case can add or
 * replace files without touching the fixture. Folders are removed after the test file.
 */
export function materialize(caseName: string): string {
  const dir = mkdtempSync(join(tmpdir(), `syscallgen-bad-${caseName}-`));
  tempDirs.push(dir);
  cpSync(fixtureDir, dir, { recursive: true });
  cpSync(join(casesDir, caseName), dir, { recursive: true });
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs generate() on the case and returns the diagnostics of the SpecErrors it must throw. */
export function diagnosticsOf(caseName: string): SpecDiagnostic[] {
  const dir = materialize(caseName);
  try {
    generate({ specsDir: dir, cwd: dir });
  } catch (e) {
    if (e instanceof SpecErrors) return e.diagnostics;
    throw e;
  }
  throw new Error(`case ${caseName}: generate() accepted the specs`);
}

/** A case with exactly one mistake and what the error about it must say. */
export interface BadSpecCase {
  /** Folder under cases/, named for the mistake. */
  name: string;
  /** Spec file the error is in, relative to the specs folder. */
  file: string;
  /** Snippet of that file with `^` where the error points (see locate). */
  at: string;
  /** A substring of the message. */
  message: string;
  /** TypeScript's error number, for type errors. */
  code?: number;
}

/** Declares one test per case: one SpecErrors diagnostic, at the marked position, with the message. */
export function testCases(cases: BadSpecCase[]): void {
  for (const c of cases) {
    test(`${c.name}: ${c.file} reports ${JSON.stringify(c.message)}`, () => {
      const diagnostics = diagnosticsOf(c.name);
      expect(diagnostics.map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.column}: ${d.message}`)).toHaveLength(1);
      const [d] = diagnostics as [SpecDiagnostic];
      expect(d.pos).toEqual(positionIn(c.name, c.file, c.at));
      expect(d.message).toContain(c.message);
      expect(d.code).toBe(c.code);
    });
  }
}
