/**
 * The no-op fast path. A run records a digest of everything that decides the output (the
 * generator's own sources and templates, the spec files, the options) and of each file it wrote.
 * A later run with the same inputs whose files are still intact has nothing to do, and knows it
 * without starting TypeScript, which is most of a full run's time.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../util/package-root.js";
import { filesBelow } from "../util/spec-files.js";

/** The stamp file, kept in the output directory. */
export const stampName = ".syscallgen.stamp";

/** What a run recorded: its input digest and each output file's digest. */
export interface Stamp {
  key: string;
  files: Record<string, string>;
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}


/** The digest of every input of a run: generator sources, spec files and options. */
export function inputKey(specFiles: string[], options: object): string {
  const hash = createHash("sha256");
  const root = packageRoot();
  for (const path of [join(root, "package.json"), ...filesBelow(join(root, "generator"), (name) => /\.(ts|hbs)$/.test(name)), ...specFiles]) {
    hash.update(path.startsWith(root) ? path.slice(root.length) : path).update("\0").update(readFileSync(path)).update("\0");
  }
  return hash.update(JSON.stringify(options)).digest("hex");
}

/** The stamp for files just generated from inputs with digest `key`. */
export function makeStamp(key: string, files: { path: string; content: string }[]): Stamp {
  return { key, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])) };
}

/** Whether the stamp in outDir has this key and every file it lists is unchanged on disk. */
export function stampHolds(outDir: string, key: string): boolean {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(join(outDir, stampName), "utf8")) as Stamp;
  } catch {
    return false;
  }
  if (stamp.key !== key) return false;
  try {
    return Object.entries(stamp.files).every(([path, digest]) => sha256(readFileSync(join(outDir, path))) === digest);
  } catch {
    return false;
  }
}

/** Records the stamp, atomically. */
export function writeStamp(outDir: string, stamp: Stamp): void {
  const path = join(outDir, stampName);
  writeFileSync(`${path}.${process.pid}.tmp`, `${JSON.stringify(stamp, null, 1)}\n`);
  renameSync(`${path}.${process.pid}.tmp`, path);
}
