/**
 * The errno and signal numbers a uapi header gives user space, read from the macro table the
 * preprocessor leaves. Aliases (`EWOULDBLOCK EAGAIN`, `SIGPOLL SIGIO`) resolve to numbers.
 */
import { parseCInteger } from "./c-integer.js";
import { collectMacros, Macro } from "./header-macros.js";
import { ImportError } from "./import-error.js";
import { KernelTree } from "./kernel-tree.js";

/** One family of constants: which macro names belong to it, and what to do with odd values. */
interface Family {
  member: (name: string) => boolean;
  /** Whether a member whose value is not a number or another member is an error or skipped. */
  strict: boolean;
}

const ERRNO: Family = { member: (name) => /^E[A-Z0-9]+$/.test(name), strict: true };

/**
 * SIGSTKSZ matches the pattern but is a stack size. SIGRTMAX is `_NSIG`, the size of the
 * kernel's signal set, not a signal, and on some arches _NSIG is hidden from user space;
 * taking only numbers and aliases of other signals skips it everywhere alike. SIGRTMIN (32)
 * is the kernel's first real-time signal and is kept, though libcs reserve a few above it.
 */
const SIGNALS: Family = { member: (name) => /^SIG[A-Z0-9]+$/.test(name) && name !== "SIGSTKSZ", strict: false };

/** errno name -> value, from `errnoHeader` and the asm-generic headers it includes. */
export function readErrno(tree: KernelTree, header: string): Promise<Map<string, number>> {
  return readFamily(tree, header, ERRNO);
}

/** Signal name -> number, from `signalHeader` and the asm-generic headers it includes. */
export function readSignals(tree: KernelTree, header: string): Promise<Map<string, number>> {
  return readFamily(tree, header, SIGNALS);
}

async function readFamily(tree: KernelTree, header: string, family: Family): Promise<Map<string, number>> {
  const macros = await collectMacros(tree, header, family.member);
  const values = new Map<string, number>();
  for (const macro of macros.values()) {
    if (!family.member(macro.name)) continue;
    const value = resolve(macro, macros, family, []);
    if (value !== undefined) values.set(macro.name, value);
  }
  return values;
}

/** Follows aliases within the family; `seen` catches a macro that names itself in a loop. */
function resolve(macro: Macro, macros: Map<string, Macro>, family: Family, seen: string[]): number | undefined {
  const body = macro.value ?? "";
  const number = parseCInteger(body);
  if (number !== undefined) return number;
  const alias = /^\(?\s*([A-Za-z_]\w*)\s*\)?$/.exec(body)?.[1];
  const target = alias === undefined || !family.member(alias) ? undefined : macros.get(alias);
  if (target !== undefined && !seen.includes(alias!)) return resolve(target, macros, family, [...seen, macro.name]);
  if (!family.strict) return undefined;
  const shown = macro.value === undefined ? "a function-like macro" : `"${body}"`;
  throw new ImportError(macro.file, macro.line, `${macro.name} is ${shown}, not a number or another name of its kind`);
}
