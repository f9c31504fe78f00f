/**
 * The Go import path of a folder, from the go.mod of the module it is in: what `go build` will
 * call the generated packages there, so the protocol packages can import rawsys by that path.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** The go.mod nearest above `dir` (which need not exist yet) and the module path it declares. */
export interface GoModule {
  /** Absolute path of the go.mod file. */
  file: string;
  /** The module path of its `module` directive. */
  path: string;
}

/** Finds the module `dir` belongs to, or undefined when no go.mod is above it. */
export function goModuleOf(dir: string): GoModule | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const file = join(at, "go.mod");
    if (existsSync(file)) {
      const path = modulePath(readFileSync(file, "utf8"));
      return path === undefined ? undefined : { file, path };
    }
    if (dirname(at) === at) return undefined;
  }
}

/** The import path of `dir` in its module (module path + the folder's path below go.mod), or undefined. */
export function goImportPathOf(dir: string): string | undefined {
  const mod = goModuleOf(dir);
  if (!mod) return undefined;
  const below = relative(dirname(mod.file), resolve(dir));
  return below === "" ? mod.path : `${mod.path}/${below.split(sep).join("/")}`;
}

/** The path of go.mod's `module` directive: `module x`, `module "x"` or `module x // comment`. */
function modulePath(goMod: string): string | undefined {
  const m = /^\s*module\s+("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s/]\S*)/m.exec(goMod.replace(/\/\/.*$/gm, ""));
  if (!m) return undefined;
  const word = m[1]!;
  return word.startsWith('"') ? (JSON.parse(word) as string) : word.startsWith("`") ? word.slice(1, -1) : word;
}
