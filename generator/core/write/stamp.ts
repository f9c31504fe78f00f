/**
 * The no-op fast path. A run records a digest of everything that decides the output (the
 * generator's own sources, templates and the hand-written runtime sources it copies, the spec
 * files, the options) and of each file it wrote. A later run with the same inputs whose files
 * are still intact, and whose folders hold nothing else (no stray or leftover file that `--check`
 * must report or `gen` must clear), has nothing to do, and knows it without starting TypeScript,
 * which is most of a full run's time.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";
import { filesBelow } from "../spec-files.js";
import { writeAtomic } from "./atomic-write.js";
import { scanIsClean, scanOutput } from "./output-scan.js";

/** The stamp file, kept in the output directory. */
export const stampName = ".syscallgen.stamp";

/** What a run recorded: its input digest, each output file's digest, and every path a run for all arches writes. */
export interface Stamp {
  key: string;
  files: Record<string, string>;
  known: string[];
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}


/** The digest of every input of a run: generator sources, spec files and options. */
export function inputKey(specFiles: string[], options: object): string {
  const hash = createHash("sha256");
  const root = packageRoot();
  for (const path of [join(root, "package.json"), ...filesBelow(join(root, "generator"), (name) => /\.(ts|hbs|go|h|c)$/.test(name)), ...specFiles]) {
    hash.update(path.startsWith(root) ? path.slice(root.length) : path).update("\0").update(readFileSync(path)).update("\0");
  }
  return hash.update(JSON.stringify(options)).digest("hex");
}

/** The stamp for files just generated from inputs with digest `key`; `known` as the write stage takes it. */
export function makeStamp(key: string, files: { path: string; content: string }[], known: readonly string[]): Stamp {
  return { key, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])), known: [...known] };
}

/** Whether the stamp in outDir has this key, every file it lists is unchanged on disk, and nothing stray lies beside them. */
export function stampHolds(outDir: string, key: string): boolean {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(join(outDir, stampName), "utf8")) as Stamp;
  } catch {
    return false;
  }
  if (stamp.key !== key || !Array.isArray(stamp.known)) return false;
  try {
    const intact = Object.entries(stamp.files).every(([path, digest]) => sha256(readFileSync(join(outDir, path))) === digest);
    // A folder listing per generated folder: cheap next to the digests, and what keeps a stray
    // file from hiding behind the fast path.
    return intact && scanIsClean(scanOutput(outDir, Object.keys(stamp.files), stamp.known));
  } catch {
    return false;
  }
}

/** Records the stamp, atomically, and only when it changed (a no-op run leaves the folder untouched). */
export function writeStamp(outDir: string, stamp: Stamp): void {
  const path = join(outDir, stampName);
  const text = `${JSON.stringify(stamp, null, 1)}\n`;
  let current: string | undefined;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    // Absent or unreadable: written below, which reports a real failure.
  }
  if (current !== text) writeAtomic(path, text);
}
