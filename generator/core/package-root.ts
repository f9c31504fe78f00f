/**
 * Locates the syscallgen package on disk, whether it runs from its TypeScript sources (tests) or
 * from the compiled `dist/` tree (the installed CLI), so bundled specs and templates are found.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The directory holding syscallgen's package.json. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "syscallgen") {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("syscallgen: cannot find the package root above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The generator source folder, next to the running module: `generator/` or `dist/generator/`. */
export function generatorDir(): string {
  return dirname(dirname(fileURLToPath(import.meta.url)));
}

/** The bundled specs folder. */
export function bundledSpecsDir(): string {
  return join(packageRoot(), "specs");
}

/** The spec language entry that spec files import as `syscallgen/spec` (a TypeScript source). */
export function specLanguageEntry(): string {
  return join(packageRoot(), "generator/spec.ts");
}
