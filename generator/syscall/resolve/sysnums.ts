/**
 * Syscall number constants: the whole table of an arch, named as golang.org/x/sys/unix names them
 * (`SYS_` and the kernel name in upper case), with the arch's number offset added.
 */
import { compareStrings } from "../../core/diagnostics.js";
import type { ArchSpec } from "../spec/arch.js";
import type { SysnumIR } from "../ir.js";

/** `SYS_EXIT_GROUP` for `exit_group`. */
export function sysnumName(kernelName: string): string {
  return `SYS_${kernelName.toUpperCase()}`;
}

/** Every syscall of the arch's table, by number then name. */
export function resolveSysnums(arch: ArchSpec): SysnumIR[] {
  return Object.entries(arch.kernel.syscalls)
    .map(([kernelName, n]) => ({ goName: sysnumName(kernelName), kernelName, number: n + arch.kernel.numberOffset }))
    .sort((a, b) => a.number - b.number || compareStrings(a.kernelName, b.kernelName));
}
