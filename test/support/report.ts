/**
 * Printing for the comparisons' informational lists (names only one side
 * declares): a short console digest plus the full list on disk, because
 * x/sys declares thousands of names rawsys will never carry.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CACHE_DIR } from "./paths.js";

/** Directory the full reports are written to. */
export const REPORT_DIR = path.join(CACHE_DIR, "reports");

/** "title (n): a b c ... (+k more)" with at most `max` names shown. */
export function digest(title: string, names: readonly string[], max = 40): string {
  if (names.length === 0) return `${title} (0)`;
  const shown = names.slice(0, max).join(" ");
  const more = names.length > max ? ` ... (+${names.length - max} more)` : "";
  return `${title} (${names.length}): ${shown}${more}`;
}

/** Writes sections of full lists to REPORT_DIR/name and returns the path. */
export function writeReport(name: string, sections: Readonly<Record<string, readonly string[]>>): string {
  mkdirSync(REPORT_DIR, { recursive: true });
  const file = path.join(REPORT_DIR, name);
  const body = Object.entries(sections)
    .map(([title, names]) => `## ${title} (${names.length})\n${names.join("\n")}\n`)
    .join("\n");
  writeFileSync(file, body);
  return file;
}
