/**
 * Reads a kernel syscall table (`syscall.tbl`) the way scripts/syscallhdr.sh does when it
 * writes a uapi unistd header: every line whose ABI is selected becomes `__NR_<name>`.
 */
import { ImportError } from "./import-error.js";
import { KernelTree, splitLines } from "./kernel-tree.js";

/** One selected table line. */
export interface TableEntry {
  name: string;
  number: number;
  abi: string;
  line: number;
}

/**
 * Returns name -> table number for the lines whose ABI is in `abis`. Lines with no entry point
 * (reserved or unimplemented numbers such as i386 `break`) are kept: syscallhdr.sh reads only
 * the first three columns, so the uapi header still defines their numbers. syscallhdr.sh
 * matches the ABI as a regex prefix; an exact match is meant, and is what this does.
 */
export async function readSyscallTable(
  tree: KernelTree,
  file: string,
  abis: readonly string[],
): Promise<Map<string, TableEntry>> {
  const selected = new Set(abis);
  const lines = splitLines(await tree.read(file));
  const entries = new Map<string, TableEntry>();
  lines.forEach((raw, index) => {
    const fields = raw.replace(/#.*/, "").trim().split(/\s+/).filter((field) => field !== "");
    if (fields.length === 0) return;
    const at = index + 1;
    if (fields.length < 3) throw new ImportError(file, at, `expected "<number> <abi> <name> ...", got "${raw.trim()}"`);
    const [numberText, abi, name] = fields as [string, string, string];
    const number = parseTableNumber(numberText);
    if (number === undefined) throw new ImportError(file, at, `"${numberText}" is not a syscall number`);
    if (!/^[A-Za-z0-9_]+$/.test(name)) throw new ImportError(file, at, `"${name}" is not a syscall name`);
    if (!selected.has(abi)) return;
    const earlier = entries.get(name);
    if (earlier !== undefined && earlier.number !== number) {
      throw new ImportError(
        file,
        at,
        `${name} is ${number} for ABI ${abi} but ${earlier.number} for ABI ${earlier.abi} (line ${earlier.line})`,
      );
    }
    if (earlier === undefined) entries.set(name, { name, number, abi, line: at });
  });
  return entries;
}

/** Decimal, or hexadecimal with 0x, which syscallhdr.sh's `[0-9A-Fa-fXx]+` also admits. */
function parseTableNumber(text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) return Number.parseInt(text, 10);
  if (/^0[xX][0-9A-Fa-f]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  return undefined;
}
