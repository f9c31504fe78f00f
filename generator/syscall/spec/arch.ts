/**
 * The arch spec language: the facts about one Go Linux architecture that decide how a
 * system call is made there. One file per GOARCH in specs/arch/; the `kernel` tables in it
 * are written by `syscallgen import`, never by hand.
 */

/** Every Go Linux architecture syscallgen knows how to describe. */
export type GoArch =
  | "386"
  | "amd64"
  | "arm"
  | "arm64"
  | "loong64"
  | "mips"
  | "mipsle"
  | "mips64"
  | "mips64le"
  | "ppc64"
  | "ppc64le"
  | "riscv64"
  | "s390x";

/** Where an arch's syscall numbers come from in a kernel tree, and what the import found there. */
export interface KernelTables {
  /** Kernel release the tables were imported from, e.g. "6.12.57". Written by import. */
  version: string;
  /** Syscall table, relative to the kernel tree, e.g. "arch/x86/entry/syscalls/syscall_64.tbl". */
  table: string;
  /** ABI column values selected from the table, as the kernel's own header generation does. */
  abis: string[];
  /**
   * A Makefile.syscalls whose `syscall_abis_<bits> +=` lines add ABIs (the asm-generic arches
   * select extras such as `renameat` or `rlimit` this way).
   */
  abiMakefile?: string;
  /** Added to every table number (4000 for mips o32, 5000 for mips n64). */
  numberOffset: number;
  /** uapi header with this arch's errno values; the import follows its asm-generic includes. */
  errnoHeader: string;
  /** uapi header with this arch's signal numbers; the import follows its asm-generic includes. */
  signalHeader: string;
  /** Syscall name to table number (without numberOffset). Written by import. */
  syscalls: Record<string, number>;
  /** errno name to value. Written by import. */
  errno: Record<string, number>;
  /** Signal name to number. Written by import. */
  signals: Record<string, number>;
}

/** One architecture: data model, calling quirks and the imported kernel tables. */
export interface ArchSpec {
  goarch: GoArch;
  /** Width of a register, a pointer and a C long. */
  bits: 32 | 64;
  endian: "little" | "big";
  /**
   * On a 32-bit arch, which half of a 64-bit argument takes the first of its two register
   * slots: the low word on little-endian ABIs, the high word on big-endian ones.
   */
  pairOrder?: "low-first" | "high-first";
  /** On a 32-bit arch, whether a 64-bit argument must start at an even slot (arm EABI, mips o32). */
  pairAlign?: "even" | "any";
  /** Register words the syscall package can pass: 6, or 9 where it exports Syscall9 (mips o32). */
  maxArgWords: 6 | 9;
  /** C alignment of a 64-bit integer inside a struct (4 on i386, 8 elsewhere). */
  int64Align: 4 | 8;
  /**
   * The oldest Linux release the generated wrappers must work on here, e.g. "5.10". A kernel
   * entry added later needs a fallback or a declared errno (see SyscallVariant.since).
   */
  oldestKernel: string;
  kernel: KernelTables;
}

/** Declares an arch spec; an identity function that gives the literal its type. */
export function defineArch(spec: ArchSpec): ArchSpec {
  return spec;
}
