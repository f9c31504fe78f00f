/**
 * The kernel release a tree holds, read from the top-level Makefile's VERSION, PATCHLEVEL and
 * SUBLEVEL, the variables `make kernelversion` starts from.
 */
import { ImportError } from "./import-error.js";
import { KernelTree, splitLines } from "./kernel-tree.js";

const FIELDS = ["VERSION", "PATCHLEVEL", "SUBLEVEL"] as const;

/** Returns e.g. "6.12.117". EXTRAVERSION (an "-rc1" suffix) is left out: tables do not change with it. */
export async function readKernelVersion(tree: KernelTree): Promise<string> {
  const lines = splitLines(await tree.read("Makefile"));
  const found = new Map<string, string>();
  lines.forEach((line, index) => {
    const match = /^\s*(VERSION|PATCHLEVEL|SUBLEVEL)\s*=\s*(\S*)\s*$/.exec(line);
    if (match === null || found.has(match[1]!)) return;
    if (!/^\d+$/.test(match[2]!)) {
      throw new ImportError("Makefile", index + 1, `${match[1]} is "${match[2]}", not a number`);
    }
    found.set(match[1]!, match[2]!);
  });
  return FIELDS.map((field) => {
    const value = found.get(field);
    if (value === undefined) throw new ImportError("Makefile", undefined, `no ${field} line`);
    return value;
  }).join(".");
}
