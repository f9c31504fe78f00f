/**
 * Finding spec files on disk. Kept apart from the loader so the CLI can list arches and compute
 * the stamp without loading TypeScript.
 */
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, join, resolve, sep } from "node:path";
import { bundledSpecsDir } from "./package-root.js";

/** Every file below `dir` whose name passes `keep`, in a fixed order, as absolute paths. */
export function filesBelow(dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesBelow(path, keep));
    else if (keep(name)) found.push(resolve(path));
  }
  return found;
}

/** Every `.ts` file below `dir` (declaration files aside), sorted, as absolute paths. */
export function listSpecFiles(dir: string): string[] {
  return filesBelow(dir, (name) => name.endsWith(".ts") && !name.endsWith(".d.ts"));
}

/**
 * The spec folders a run reads, as absolute paths: the bundled specs first (unless left out),
 * then the given folders in order. A folder named twice is read once, so passing the bundled
 * folder itself (an old `--specs specs`) does not declare everything twice.
 */
export function specFolders(folders: readonly string[] = [], bundled = true): string[] {
  const seen = new Set<string>();
  return [...(bundled ? [bundledSpecsDir()] : []), ...folders.map((f) => resolve(f))].filter((dir) => {
    const real = existsSync(dir) ? realpathSync(dir) : dir;
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/** The GOARCHes spec folders describe, from the file names in their arch/ folders. */
export function archNames(folders: readonly string[] = [bundledSpecsDir()]): string[] {
  const names = folders.flatMap((dir) => (existsSync(join(dir, "arch")) ? listSpecFiles(join(dir, "arch")) : []));
  return [...new Set(names.map((f) => basename(f, ".ts")))].sort();
}

/**
 * The spec files a folder contributes. Its protocols/ folder is left out: a protocol is generated
 * only when named (with `--protocol`), since its Go package needs an import path that only the
 * user knows, and an unasked-for package breaks `go build ./...` in their module.
 */
export function folderSpecFiles(dir: string): string[] {
  const protocols = join(resolve(dir), "protocols") + sep;
  return listSpecFiles(dir).filter((f) => !f.startsWith(protocols));
}

/** The spec files a run reads: every folder's, in folder order, then the protocol files; each once. */
export function specInputs(folders: readonly string[], protocols: readonly string[] = []): string[] {
  return [...new Set([...folders.flatMap(folderSpecFiles), ...protocols.map((f) => resolve(f))])];
}
