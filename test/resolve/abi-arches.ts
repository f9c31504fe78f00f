/**
 * Hand-built arch specs for unit tests of the resolve stage, one per ABI family the generator
 * must handle. They carry only the facts resolve reads; the kernel tables are tiny because the
 * word and layout decisions never look at syscall numbers.
 */
import type { ArchSpec, GoArch } from "../../generator/syscall/spec/arch.js";

function kernel(syscalls: Record<string, number> = {}): ArchSpec["kernel"] {
  return {
    version: "6.12.0",
    table: "test",
    abis: ["common"],
    numberOffset: 0,
    errnoHeader: "test",
    signalHeader: "test",
    syscalls,
    errno: {},
    signals: {},
  };
}

/** 64-bit little-endian: every argument is one register word, int64 aligned to 8 in C and Go. */
export const amd64Abi: ArchSpec = { goarch: "amd64", bits: 64, endian: "little", maxArgWords: 6, int64Align: 8, oldestKernel: "5.10", kernel: kernel() };

/** arm EABI: low word first, 64-bit arguments from an even register, int64 aligned to 8 in C. */
export const armAbi: ArchSpec = {
  goarch: "arm",
  bits: 32,
  endian: "little",
  pairOrder: "low-first",
  pairAlign: "even",
  maxArgWords: 6,
  int64Align: 8,
  oldestKernel: "5.10",
  kernel: kernel(),
};

/** mips o32: high word first, 64-bit arguments from an even register, nine words, int64 aligned to 8 in C. */
export const mipsAbi: ArchSpec = {
  goarch: "mips",
  bits: 32,
  endian: "big",
  pairOrder: "high-first",
  pairAlign: "even",
  maxArgWords: 9,
  int64Align: 8,
  oldestKernel: "5.10",
  kernel: kernel(),
};

/** i386: low word first from any register, int64 aligned to 4 in C (as Go does on 32-bit). */
export const i386Abi: ArchSpec = {
  goarch: "386",
  bits: 32,
  endian: "little",
  pairOrder: "low-first",
  pairAlign: "any",
  maxArgWords: 6,
  int64Align: 4,
  oldestKernel: "5.10",
  kernel: kernel(),
};

/** The four ABIs by GOARCH, for tests that loop over them. */
export const abis: Record<Extract<GoArch, "amd64" | "arm" | "mips" | "386">, ArchSpec> = {
  amd64: amd64Abi,
  arm: armAbi,
  mips: mipsAbi,
  "386": i386Abi,
};

/** The same ABI with a syscall table, for resolving whole wrappers. */
export function withTable(arch: ArchSpec, syscalls: Record<string, number>): ArchSpec {
  return { ...arch, kernel: kernel(syscalls) };
}
