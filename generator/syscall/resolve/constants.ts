/**
 * Resolves constant groups to their values on one arch: a spec's per-arch exception wins over its
 * `all` value; errno and signal numbers come from the arch's imported kernel tables.
 */
import { compareStrings } from "../../core/diagnostics.js";
import type { ArchSpec } from "../spec/arch.js";
import type { ConstantGroup, ConstantValue } from "../spec/types.js";
import type { ConstantGroupIR, ConstantIR } from "../ir.js";

/** The value of a declared constant on an arch. */
export function constantValue(value: ConstantValue, arch: ArchSpec): bigint {
  if (typeof value !== "object") return BigInt(value);
  return BigInt(value[arch.goarch] ?? value.all);
}

/** Declared groups in declaration order, each constant in declaration order. */
export function resolveConstantGroups(groups: ConstantGroup[], arch: ArchSpec): ConstantGroupIR[] {
  return groups.map((group) => ({
    doc: group.doc,
    ...(group.type ? { goType: group.type } : {}),
    radix: group.radix ?? "hex",
    constants: Object.entries(group.values).map(([name, value]) => ({ name, value: constantValue(value, arch) })),
  }));
}

/** errno values and signal numbers from the arch's kernel headers, typed as the syscall package types them. */
export function resolveKernelConstants(arch: ArchSpec): ConstantGroupIR[] {
  const sorted = (table: Record<string, number>): ConstantIR[] =>
    Object.entries(table)
      .map(([name, n]) => ({ name, value: BigInt(n) }))
      .sort((a, b) => Number(a.value - b.value) || compareStrings(a.name, b.name));
  return [
    { doc: "Error numbers, from the kernel headers.", goType: "syscall.Errno", radix: "decimal", constants: sorted(arch.kernel.errno) },
    { doc: "Signal numbers, from the kernel headers.", goType: "syscall.Signal", radix: "decimal", constants: sorted(arch.kernel.signals) },
  ];
}
