/**
 * The README's table of wrappers whose best kernel entry is newer than the oldest supported
 * kernel must name exactly the wrappers the bundled specs resolve that way on some arch, so a
 * spec that gains a `since` cannot leave the README behind.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { generate } from "../../generator/generate.js";

const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");

/** The wrapper names in the first column of the table under `heading`. */
function tableNames(heading: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README has no "${heading}" section`).toBeGreaterThanOrEqual(0);
  const section = readme.slice(start + heading.length + 2).split(/\n#/)[0]!;
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => /^\| `(\w+)`/.exec(line)![1]!)
    .sort();
}

test("the README lists every wrapper that calls an entry newer than the oldest kernel, and no other", () => {
  const { irs } = generate({ arches: "all" });
  const newer = new Set(irs.flatMap((ir) => ir.wrappers.filter((w) => w.calls.some((c) => c.newer)).map((w) => w.goName)));
  expect(newer.size).toBeGreaterThan(0);
  expect(tableNames("### Kernels older than a wrapper's entry")).toEqual([...newer].sort());
});
