/**
 * The one way the write stage turns a generated path into a file name. The CLI already refuses
 * a `--go-package` such as `../../escape`; this refuses any path that would still land outside
 * the output directory, whoever built it (a library caller, or a bug).
 */
import { isAbsolute, resolve } from "node:path";
import { OutputError } from "./output-error.js";

/** The absolute file name of `path` (relative, `/`-separated) in `outDir`; throws OutputError for a path that leaves it. */
export function outputPath(outDir: string, path: string): string {
  const parts = path.split("/");
  if (isAbsolute(path) || parts.some((p) => p === "" || p === "." || p === "..")) {
    throw new OutputError("write", resolve(outDir, path), `the path \`${path}\` is not a plain path inside the output directory ${resolve(outDir)}; refusing`);
  }
  return resolve(outDir, path);
}
