/**
 * Extra ABIs an asm-generic arch selects in its arch/<arch>/kernel/Makefile.syscalls. That file
 * is included by scripts/Makefile.asm-headers after `syscall_abis_<bits> += common,<bits>`, so
 * its `+=` words extend the ABI list the header generator is given.
 */
import { ImportError } from "./import-error.js";
import { KernelTree, splitLines } from "./kernel-tree.js";

/** Returns the words of every `syscall_abis_<bits> +=` line, in file order. */
export async function readAbiMakefile(tree: KernelTree, file: string, bits: number): Promise<string[]> {
  const lines = splitLines(await tree.read(file));
  const words: string[] = [];
  const variable = `syscall_abis_${bits}`;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/#.*/, "");
    const match = /^\s*([A-Za-z0-9_]+)\s*(\+=|:=|\?=|=)(.*)$/.exec(line);
    if (match === null || match[1] !== variable) continue;
    // Only appending keeps the default "common,<bits>" in force; a plain assignment would
    // replace it, which the arch spec's `abis` could not express, so it is refused.
    if (match[2] !== "+=") {
      throw new ImportError(file, index + 1, `${variable} is set with "${match[2]}", only "+=" is understood`);
    }
    if (line.trimEnd().endsWith("\\")) {
      throw new ImportError(file, index + 1, "continued lines are not understood");
    }
    // Make splits on blanks; the header rule later joins with commas, so commas separate too.
    words.push(...match[3]!.split(/[\s,]+/).filter((word) => word !== ""));
  }
  return words;
}
