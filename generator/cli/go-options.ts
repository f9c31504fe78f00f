/**
 * The Go options of `gen`, checked before anything is generated: a package name becomes a folder
 * under `<out>/go/` and a `package` clause, the import prefix an import declaration. A bad one
 * used to write outside `--out` (`../../escape`) or exit 0 with Go that does not compile.
 */
import { goImportPathProblem } from "../core/go-import-path.js";
import { goPackageNameProblem } from "../core/go-names.js";
import { UsageError } from "./usage.js";

/** Throws a UsageError unless `name` can name the generated Go package. */
export function requireGoPackage(name: string): void {
  const problem = goPackageNameProblem(name);
  if (problem !== undefined) throw new UsageError(`--go-package ${JSON.stringify(name)}: ${problem}`);
}

/**
 * Throws a UsageError unless `prefix` is a Go import path (of the output's go/ folder); `from`
 * says where it came from when not from the option itself (a go.mod and a folder name).
 */
export function requireGoImportPrefix(prefix: string, from = "--go-import-prefix"): void {
  const problem = goImportPathProblem(prefix);
  if (problem !== undefined) throw new UsageError(`${from} ${JSON.stringify(prefix)}: not a Go import path: ${problem}`);
}
