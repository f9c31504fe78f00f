/**
 * Finding spec files on disk. Kept apart from the loader so the CLI can list arches and compute
 * the stamp without loading TypeScript.
 */
import { readdirSync, statSync } from "node:fs";
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

/** The GOARCHes a specs folder describes, from its arch file names. */
export function archNames(specsDir = bundledSpecsDir()): string[] {
  return listSpecFiles(join(specsDir, "arch")).map((f) => basename(f, ".ts"));
}

/**
 * The spec files a run reads: the specs folder, with the given protocol files in place of the
 * folder's own protocols/ when there are any.
 */
export function specInputs(specsDir: string, protocols?: readonly string[]): string[] {
  if (!protocols || protocols.length === 0) return listSpecFiles(specsDir);
  const protocolDir = join(specsDir, "protocols") + sep;
  return [...listSpecFiles(specsDir).filter((f) => !f.startsWith(protocolDir)), ...protocols.map((f) => resolve(f))];
}
