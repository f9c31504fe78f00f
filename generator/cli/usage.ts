/** Pieces the CLI commands share. */
import { existsSync, statSync } from "node:fs";
import { archNames } from "../core/spec-files.js";

/** A bad command line: reported with a usage hint, exit code 2. */
export class UsageError extends Error {}

/** What a command action returns: its exit code. */
export type CommandResult = number | Promise<number>;

/** Wraps a command action so its exit code reaches main. */
export type Runner = <A extends unknown[]>(action: (...args: A) => CommandResult) => (...args: A) => void;

/** Parses `--arch a,b` or `all` against the arches the spec folders declare. */
export function parseArches(value: string, specFolders?: readonly string[]): string[] | "all" {
  if (value === "all") return "all";
  const known = archNames(specFolders);
  const arches = value.split(",").map((a) => a.trim()).filter((a) => a !== "");
  if (arches.length === 0) throw new UsageError(`--arch needs a GOARCH; valid arches: ${known.join(", ")}, or all`);
  for (const arch of arches) {
    if (!known.includes(arch)) throw new UsageError(`unknown arch \`${arch}\`; valid arches: ${known.join(", ")}, or all`);
  }
  return [...new Set(arches)].sort();
}

/** Checks each file given with --protocol exists. */
export function requireFiles(option: string, files: string[]): void {
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${option} ${file}: no such file`);
  }
}
