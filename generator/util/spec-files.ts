/**
 * Finding spec files on disk. Kept apart from the loader so the CLI can list arches and compute
 * the stamp without loading TypeScript.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { bundledSpecsDir } from "./package-root.js";

/** Every `.ts` file below `dir`, sorted, as absolute paths. */
export function listSpecFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...listSpecFiles(path));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) found.push(resolve(path));
  }
  return found;
}

/** The GOARCHes a specs folder describes, from its arch file names. */
export function archNames(specsDir = bundledSpecsDir()): string[] {
  return listSpecFiles(join(specsDir, "arch")).map((f) => basename(f, ".ts"));
}
