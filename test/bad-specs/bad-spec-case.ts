/**
 * Runs bad-spec cases: a fresh copy of the valid mini-specs fixture with a case's edits applied,
 * fed to `generate()`. A case states only its mistake, so a change to the fixture reaches every
 * case instead of leaving ~30 stale copies behind. Expected positions are found in the edited
 * files by a marked snippet, so a test states *where* the mistake is written instead of copying
 * numbers from the generator.
 */
import { constants, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { SpecErrors, type SourcePos, type SpecDiagnostic } from "../../generator/core/diagnostics.js";

/** The valid spec folder every case starts from. */
export const fixtureDir = join(import.meta.dirname, "../fixtures/mini-specs");

/**
 * One change a case makes to the fixture; `file` is relative to the specs folder.
 * - `find`/`replace`: `find` must match exactly once in the fixture's file (a RegExp only where
 *   the text to replace is too long to spell out, such as a whole table).
 * - `create`: a file the fixture does not have, with this whole text.
 * - `copyOf`: a file the fixture does not have, copied from one it has (a second declaration of
 *   something too big to restate, such as an arch).
 */
export type SpecEdit =
  | { file: string; find: string | RegExp; replace: string }
  | { file: string; create: string }
  | { file: string; copyOf: string };

/** The fixture with mistakes written into it: what every bad-spec test starts from. */
export interface SpecMistake {
  /** Names the mistake; shown in test names and in failures. */
  name: string;
  /** One line saying what is wrong, for a reader of a failure who has not opened the case. */
  description: string;
  /** Applied in order to a fresh copy of the fixture. */
  edits: SpecEdit[];
}

/** Where `find` matches in `text`, failing unless it matches exactly once. */
function findOnce(text: string, find: string | RegExp, where: string): { start: number; end: number } {
  const matches: { start: number; end: number }[] = [];
  if (typeof find === "string") {
    for (let at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + 1)) {
      matches.push({ start: at, end: at + find.length });
    }
  } else {
    const global = new RegExp(find.source, find.flags.includes("g") ? find.flags : `${find.flags}g`);
    for (const m of text.matchAll(global)) matches.push({ start: m.index, end: m.index + m[0].length });
  }
  if (matches.length !== 1) {
    const shown = typeof find === "string" ? JSON.stringify(find) : String(find);
    throw new Error(`${where}: ${shown} occurs ${matches.length} times, not exactly once`);
  }
  return matches[0]!;
}

/** Applies one edit inside `dir`, failing on anything that would let it silently do nothing. */
function applyEdit(dir: string, edit: SpecEdit, caseName: string): void {
  const where = `case ${caseName}: ${edit.file}`;
  const path = join(dir, edit.file);
  if ("create" in edit) {
    mkdirSync(dirname(path), { recursive: true });
    // "wx": a case that meant to add a file must not quietly replace a fixture file.
    writeFileSync(path, edit.create, { flag: "wx" });
  } else if ("copyOf" in edit) {
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(join(dir, edit.copyOf), path, constants.COPYFILE_EXCL);
  } else {
    const text = readFileSync(path, "utf8");
    const { start, end } = findOnce(text, edit.find, where);
    const edited = text.slice(0, start) + edit.replace + text.slice(end);
    if (edited === text) throw new Error(`${where}: the edit changes nothing`);
    writeFileSync(path, edited);
  }
}

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

/** Where `snippet` is in the unchanged fixture's `file` (for messages that cite the fixture). */
export function fixturePosition(file: string, snippet: string): SourcePos {
  return locate(readFileSync(join(fixtureDir, file), "utf8"), snippet, file);
}

/** Where `snippet` is in `file` as edited in `specsDir` (a folder made by materialize). */
export function positionIn(specsDir: string, file: string, snippet: string): SourcePos {
  return locate(readFileSync(join(specsDir, file), "utf8"), snippet, file);
}

const tempDirs: string[] = [];

/**
 * Copies the fixture into a fresh temporary folder and applies the mistake's edits there, so no
 * case can touch the fixture or another case. Folders are removed after the test file.
 */
export function materialize(mistake: SpecMistake): string {
  const dir = mkdtempSync(join(tmpdir(), `syscallgen-bad-${mistake.name}-`));
  tempDirs.push(dir);
  cpSync(fixtureDir, dir, { recursive: true });
  for (const edit of mistake.edits) applyEdit(dir, edit, mistake.name);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs generate() on the edited specs in `specsDir` and returns the diagnostics of the SpecErrors it must throw. */
function diagnosticsOf(specsDir: string, mistake: SpecMistake): SpecDiagnostic[] {
  try {
    generate({ specs: [specsDir], bundledSpecs: false, cwd: specsDir });
  } catch (e) {
    if (e instanceof SpecErrors) return e.diagnostics;
    throw e;
  }
  throw new Error(`case ${mistake.name} (${mistake.description}): generate() accepted the specs`);
}

/** A case with exactly one mistake and what the error about it must say. */
export interface BadSpecCase extends SpecMistake {
  /** Spec file the error is in, relative to the specs folder. */
  file: string;
  /** Snippet of that file, as edited, with `^` where the error points (see locate). */
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
      const specsDir = materialize(c);
      const diagnostics = diagnosticsOf(specsDir, c);
      expect(diagnostics.map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.column}: ${d.message}`)).toHaveLength(1);
      const [d] = diagnostics as [SpecDiagnostic];
      expect(d.pos).toEqual(positionIn(specsDir, c.file, c.at));
      expect(d.message).toContain(c.message);
      expect(d.code).toBe(c.code);
    });
  }
}
