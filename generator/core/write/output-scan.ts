/**
 * What lies in the output directory besides the files a run writes. The Go package folders a run
 * generates (`go/<package>/`) are the generator's wholly: a file there that it would not write is
 * stray, since the go command compiles every `.go` file in a package folder. Elsewhere (`c/`,
 * which may hold other protocols' headers, and the output folder itself) only syscallgen's own
 * temporary files are its business.
 */
import { closeSync, openSync, readdirSync, readSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { tempFileState } from "./atomic-write.js";
import { OutputError } from "./output-error.js";

/** What a scan found; paths are relative to the output directory, sorted. */
export interface OutputScan {
  /** Temporary files a killed or failed run left. */
  temps: string[];
  /** Files in a generated Go folder with a generated-code header that this run does not produce. */
  generated: string[];
  /** Other files in a generated Go folder: someone's own, never removed. */
  foreign: string[];
}

// Go's marker of generated files (https://go.dev/s/generatedcode), in its first lines.
const generatedHeader = /^\/\/ Code generated .* DO NOT EDIT\.$/m;

function hasGeneratedHeader(path: string): boolean {
  const buffer = Buffer.alloc(4096);
  const fd = openSync(path, "r");
  try {
    return generatedHeader.test(buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0)));
  } finally {
    closeSync(fd);
  }
}

function entriesOf(dir: string): { name: string; isDir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isDir: e.isDirectory() }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw OutputError.wrap("read directory", dir, e);
  }
}

/** The folders holding `paths` (relative, `/`-separated), `.` for the top. */
function foldersOf(paths: Iterable<string>): Set<string> {
  return new Set([...paths].map((p) => dirname(p)));
}

/**
 * Scans the folders a run writes to. `written` are the paths this run writes; `known` every path
 * a run for all arches would write (another arch's files in a one-arch run are not stray).
 * Subfolders of a Go folder are other packages, and are left alone.
 */
export function scanOutput(outDir: string, written: readonly string[], known: readonly string[]): OutputScan {
  const scan: OutputScan = { temps: [], generated: [], foreign: [] };
  const knownSet = new Set([...known, ...written]);
  const goFolders = foldersOf([...knownSet].filter((p) => p.startsWith("go/")));
  for (const folder of new Set([".", ...foldersOf(knownSet)])) {
    const entries = entriesOf(join(outDir, folder));
    const ownNames = new Set([...knownSet].filter((p) => dirname(p) === folder).map((p) => basename(p)));
    for (const { name, isDir } of entries) {
      const path = relativeTo(folder, name);
      if (isDir || knownSet.has(path)) continue;
      const temp = tempFileState(name, ownNames);
      if (temp === "leftover") scan.temps.push(path);
      else if (temp === "live" || !goFolders.has(folder)) continue;
      else if (readHeader(join(outDir, path))) scan.generated.push(path);
      else scan.foreign.push(path);
    }
  }
  for (const list of Object.values(scan)) list.sort();
  return scan;
}

function relativeTo(folder: string, name: string): string {
  return folder === "." ? name : `${folder}/${name}`;
}

function readHeader(path: string): boolean {
  try {
    return hasGeneratedHeader(path);
  } catch (e) {
    throw OutputError.wrap("read", path, e);
  }
}

/** Whether the scan found nothing but what the run writes. */
export function scanIsClean(scan: OutputScan): boolean {
  return scan.temps.length + scan.generated.length + scan.foreign.length === 0;
}
