/**
 * The imports a Go file needs, found from the package names its declarations use, in the order
 * gofmt keeps an import block (by path).
 */

/** A package a generated file may import. */
export interface GoImport {
  /** Its import path. */
  path: string;
  /** The name its declarations use it by (`syscall` in `syscall.Syscall`). */
  name: string;
}

/** The import specs of the packages `source` refers to (`name.Exported`), sorted by path. */
export function goImportsUsed(source: string, candidates: readonly GoImport[]): string[] {
  return candidates
    .filter((i) => new RegExp(`\\b${i.name}\\.[A-Z]`).test(source))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    // A path whose last element is not the package's name needs the name spelled out.
    .map((i) => (i.path.split("/").pop() === i.name ? `"${i.path}"` : `${i.name} "${i.path}"`));
}
