/**
 * The write stage: a file is written only when its content changed (so make sees no new mtime),
 * and atomically, through a temporary file renamed over the old one (so a reader never sees half).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "../emit/go-emit.js";

/** What a write or a check found. Paths are relative to the output directory. */
export interface WriteReport {
  written: string[];
  unchanged: string[];
}

/** The stale and missing files a check found. */
export interface CheckReport {
  stale: string[];
  missing: string[];
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** Writes the files that differ from what is on disk. */
export function writeFiles(outDir: string, files: GeneratedFile[]): WriteReport {
  const report: WriteReport = { written: [], unchanged: [] };
  for (const file of files) {
    const path = join(outDir, file.path);
    if (readIfExists(path) === file.content) {
      report.unchanged.push(file.path);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, file.content);
    renameSync(temp, path);
    report.written.push(file.path);
  }
  return report;
}

/** Compares the files with what is on disk, writing nothing. */
export function checkFiles(outDir: string, files: GeneratedFile[]): CheckReport {
  const report: CheckReport = { stale: [], missing: [] };
  for (const file of files) {
    const current = readIfExists(join(outDir, file.path));
    if (current === undefined) report.missing.push(file.path);
    else if (current !== file.content) report.stale.push(file.path);
  }
  return report;
}
