/**
 * Go import paths, checked by the rules of golang.org/x/mod/module.CheckImportPath (what the go
 * command accepts in an import declaration), so a bad `--go-import-prefix` is refused on the
 * command line instead of surfacing as generated Go that does not compile.
 */

// Reserved file names on Windows: the go command refuses them as a path element's first part.
const windowsNames = new Set(["CON", "PRN", "AUX", "NUL", ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`])]);

/** Why `element` cannot be one element of an import path, or undefined. */
function elementProblem(element: string): string | undefined {
  if (element === "") return "an empty path element (a leading, trailing or double slash)";
  if (/^\.+$/.test(element)) return `the path element \`${element}\``;
  if (element.endsWith(".")) return `the path element \`${element}\` ends with a dot`;
  const bad = [...element].find((c) => !/[A-Za-z0-9._~+-]/.test(c));
  if (bad !== undefined) return `the character ${JSON.stringify(bad)} (path elements are ASCII letters, digits and - . _ ~ +)`;
  const short = element.split(".")[0]!;
  if (windowsNames.has(short.toUpperCase())) return `the path element \`${element}\` is a reserved file name on Windows`;
  if (/~[0-9]+$/.test(short)) return `the path element \`${element}\` looks like a Windows short name (~ and digits)`;
  return undefined;
}

/**
 * Why `path` is not a valid Go import path, or undefined when it is. A first element without a
 * dot is allowed, as the go command allows it (a module that is never downloaded needs no domain).
 */
export function goImportPathProblem(path: string): string | undefined {
  if (path === "") return "empty";
  if (path.startsWith("-")) return "it starts with a dash";
  for (const element of path.split("/")) {
    const problem = elementProblem(element);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
