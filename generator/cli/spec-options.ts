/** The spec-folder options `gen` and `list` share: `--specs DIR` (repeatable) and `--no-bundled-specs`. */
import { Option } from "commander";
import { existsSync, statSync } from "node:fs";
import { archNames, folderSpecFiles, specFolders } from "../core/spec-files.js";
import { UsageError } from "./usage.js";

/** The parsed spec-folder options. */
export interface SpecOptions {
  specs: string[];
  /** False with --no-bundled-specs. */
  bundledSpecs: boolean;
}

/** `--specs <dir>`, repeatable: each folder is added. */
export function specsOption(): Option {
  return new Option("--specs <dir>", "a folder of your own spec files, read on top of the bundled ones (repeatable)")
    .argParser((dir: string, all: string[]) => [...all, dir])
    .default([], "none");
}

/** `--no-bundled-specs`, for a spec set of one's own (bundledSpecs is true without it). */
export function noBundledSpecsOption(): Option {
  return new Option("--no-bundled-specs", "leave the bundled specs out; the --specs folders then declare the arches (arch/)");
}

/**
 * The spec folders to read, checked: each --specs folder holds spec files (a typo is not an empty
 * addition), and without the bundled specs some folder declares the arches.
 */
export function specFoldersOf(options: SpecOptions): string[] {
  for (const dir of options.specs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--specs ${dir}: no such folder`);
    if (folderSpecFiles(dir).length === 0) throw new UsageError(`--specs ${dir}: not a specs folder (no .ts spec files in it, protocols/ aside)`);
  }
  const folders = specFolders(options.specs, options.bundledSpecs);
  if (archNames(folders).length === 0) {
    throw new UsageError(
      options.specs.length === 0
        ? "--no-bundled-specs needs --specs folders that declare the arches (arch/*.ts)"
        : `--no-bundled-specs: no arch/*.ts in ${options.specs.join(", ")}; copy the arch specs you need into one`,
    );
  }
  return folders;
}
