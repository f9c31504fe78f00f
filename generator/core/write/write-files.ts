/**
 * The write stage: a file is written only when its content changed (so make sees no new mtime),
 * and atomically (see atomic-write.ts). The generated Go folders are kept to exactly what the
 * generator writes: leftovers of killed runs and generated files no longer produced are removed;
 * a file someone put there by hand is kept and reported, never deleted.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { GeneratedFile } from "../generated-file.js";
import { writeAtomic } from "./atomic-write.js";
import { OutputError } from "./output-error.js";
import { scanOutput } from "./output-scan.js";
import { outputPath } from "./output-path.js";

/** What else the write stage may know about the run. */
export interface OutputOptions {
  /**
   * Every path a run with every arch would write (GenerateResult's `allPaths`), so that a one-arch
   * run into a folder holding all arches finds the other arches' files expected, not stray.
   * Default: the files' own paths.
   */
  known?: readonly string[];
}

/** What a write did. Paths are relative to the output directory. */
export interface WriteReport {
  written: string[];
  unchanged: string[];
  /** Leftover temporary files, and generated files in the Go folders that the run no longer produces. */
  removed: string[];
  /** Files in the generated Go folders without a generated-code header: left in place; `checkFiles` reports them. */
  kept: string[];
}

/** What a check found: files to regenerate, and files in the generated folders that should not be there. */
export interface CheckReport {
  stale: string[];
  missing: string[];
  stray: string[];
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw OutputError.wrap("read", path, e);
  }
}

function scan(outDir: string, files: GeneratedFile[], options: OutputOptions) {
  const known = options.known ?? [];
  // A bad path (from a library caller, or a bug) is refused before anything is touched.
  for (const path of [...files.map((f) => f.path), ...known]) outputPath(outDir, path);
  return scanOutput(outDir, files.map((f) => f.path), known);
}

/** Writes the files that differ from what is on disk, and clears the generated folders of what the run does not write. */
export function writeFiles(outDir: string, files: GeneratedFile[], options: OutputOptions = {}): WriteReport {
  const found = scan(outDir, files, options);
  const report: WriteReport = { written: [], unchanged: [], removed: [...found.temps, ...found.generated].sort(), kept: found.foreign };
  for (const path of report.removed) {
    try {
      rmSync(outputPath(outDir, path), { force: true });
    } catch (e) {
      throw OutputError.wrap("remove", outputPath(outDir, path), e);
    }
  }
  for (const file of files) {
    const path = outputPath(outDir, file.path);
    if (readIfExists(path) === file.content) {
      report.unchanged.push(file.path);
      continue;
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw OutputError.wrap("create directory", dirname(path), e);
    }
    writeAtomic(path, file.content);
    report.written.push(file.path);
  }
  return report;
}

/** Compares the files with what is on disk, writing nothing. */
export function checkFiles(outDir: string, files: GeneratedFile[], options: OutputOptions = {}): CheckReport {
  const found = scan(outDir, files, options);
  const report: CheckReport = { stale: [], missing: [], stray: [...found.temps, ...found.generated, ...found.foreign].sort() };
  for (const file of files) {
    const current = readIfExists(outputPath(outDir, file.path));
    if (current === undefined) report.missing.push(file.path);
    else if (current !== file.content) report.stale.push(file.path);
  }
  return report;
}
