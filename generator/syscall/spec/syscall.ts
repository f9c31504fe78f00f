/**
 * The syscall spec language. A spec declares a Go wrapper's signature once; the resolve stage
 * decides per arch which kernel entry it calls and how each argument becomes register words.
 */
import type { GoArch } from "./arch.js";

/** Go integer types a parameter or result can have. */
export const goIntegers = ["int", "uint", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "uintptr"] as const;

/** One of goIntegers. */
export type GoInteger = (typeof goIntegers)[number];

/**
 * Which way the memory a pointer parameter points to travels: the kernel reads it (`in`), writes
 * it (`out`), or both. The wrapper converts an `in` value for the kernel and copies back only
 * what the kernel wrote, so it never writes into a caller's input.
 */
export const pointerDirections = ["in", "out", "inout"] as const;

/** One of pointerDirections. */
export type PointerDirection = (typeof pointerDirections)[number];

/**
 * A Go parameter type, which also says how it travels:
 * - an integer is one word (int64 and uint64 take two words on a 32-bit arch);
 * - `string` is a NUL-terminated path passed by address;
 * - `[]byte` and `[]T` pass the address of the first element and the length, as two words;
 * - a pointer passes an address and says its direction first: `"in *Timespec"`,
 *   `"out *Stat_t"`, `"inout *int64"`, `"in unsafe.Pointer"`; T is a struct, an integer type or
 *   a named type. A pointer without a direction (`"*Timespec"`) is reported by validation;
 * - `syscall.Signal` is one word.
 */
export type ParamType =
  | GoInteger
  | "string"
  | "[]byte"
  | "[]int"
  | "syscall.Signal"
  | `${PointerDirection} *${string}`
  | `${PointerDirection} unsafe.Pointer`
  | `*${string}`
  | "unsafe.Pointer"
  | `[]${string}`;

/**
 * A Go result type. `[]byte` is a mapping built from the returned address (see `length`);
 * `[2]int` is filled from an int32[2] the kernel writes (pass it as `"&name"`, socketpair).
 */
export type ResultType = GoInteger | "[]byte" | "[2]int";

/** A result that needs more than a type. */
export interface ResultSpec {
  type: ResultType;
  /** For a `[]byte` result: the parameter that holds its length. */
  length?: string;
}

/**
 * One kernel argument of a variant, in the kernel's order:
 * - `"name"`: the parameter, in as many words as its type takes on the arch;
 * - `"name:hi"` / `"name:lo"`: the high or low 32 bits of a 64-bit parameter as one word;
 * - `"name:ptr"` / `"name:len"`: only the address or only the length of a slice;
 * - `"name:pages"`: a 64-bit byte offset passed as a count of 4096-byte pages (mmap2);
 *   EINVAL when it is not a multiple of 4096;
 * - `"name:time64"`: a `*Timespec` passed as a 64-bit-time copy (the `*_time64` calls);
 * - `"name:pair"`: a `[]int` of length 2 passed as an int32[2] (pipe2); EINVAL for another length;
 * - `"name|CONST"`: an integer parameter OR-ed with a declared constant, whose value may differ per
 *   arch (Openat adds O_LARGEFILE, which 32-bit arches need for files past 2 GiB);
 * - `"name:size"`: the size in bytes, on the arch, of the struct a `*T` parameter points to (statfs64);
 * - `"name:statx"`: a `*Stat_t` filled from a statx result (arches whose kernel `struct stat`
 *   is not golang.org/x/sys/unix's Stat_t, or whose older kernels lack fstat);
 * - `"name:mapping"`: a `[]byte` that must be a whole mapping Mmap returned (not empty, length
 *   equal to capacity), passed as address and length; EINVAL otherwise, as x/sys's Munmap;
 * - `""`: an empty path, for the AT_EMPTY_PATH form of a path call;
 * - `"&name"`: the address of a result, for calls that return it through memory (_llseek);
 * - a number: that constant word.
 */
export type KernelArg = string | number;

/** One way to make a call: the kernel entry and, when they differ from the params, its arguments. */
export interface SyscallVariant {
  /** The entry's name in the syscall table. */
  kernel: string;
  /** Limit the variant to these arches; by default it is used wherever the table has `kernel`. */
  arches?: GoArch[];
  /** The kernel's arguments in order, when they are not the Go parameters in order. */
  args?: KernelArg[];
  /**
   * The words go in a memory block whose address is the only argument (s390x's old mmap).
   */
  argBlock?: boolean;
  /**
   * The Linux release that added this entry, e.g. "6.6". Where it is newer than an arch's
   * `oldestKernel`, the wrapper is made for kernels without it too: when the call fails with
   * ENOSYS it returns `missing`, or else tries the next variant the arch has.
   */
  since?: string;
  /**
   * Use this variant only when each named integer parameter has the given value, checked at run
   * time (fchmodat when flags is 0, where fchmodat2 is needed only for flags). Otherwise the
   * wrapper goes on to the next variant.
   */
  when?: Record<string, number>;
  /**
   * The errno name (e.g. "EOPNOTSUPP") the wrapper returns, instead of ENOSYS, on a kernel that
   * lacks a `since` entry. `"ENOSYS"` says the wrapper needs that kernel and has no fallback.
   */
  missing?: string;
}

/** A Go wrapper for one system call. */
export interface SyscallSpec {
  /** What the wrapper does, for its Go doc comment. */
  doc?: string;
  /**
   * The kernel entry to call, or the forms to try in order: on each arch the first variant whose
   * entry is in the arch's table (and whose `arches`, if given, include the arch) is used.
   * Variants with `when`, and a `since` variant's fallbacks, make the choice at run time.
   */
  kernel: string | SyscallVariant[];
  /** Go parameters in order, name to type. */
  params?: Record<string, ParamType>;
  /** Go results besides err, in order, name to type. The first one defaults to the return value. */
  results?: Record<string, ResultType | ResultSpec>;
  /** False for calls that never block (getpid, clock_gettime): they use RawSyscall. Default true. */
  blocking?: boolean;
  /** The call cannot fail (getpid, exit_group): no err result. */
  noError?: boolean;
}

/** Declares a file of syscall specs, Go wrapper name to spec. */
export function defineSyscalls(specs: Record<string, SyscallSpec>): Record<string, SyscallSpec> {
  return specs;
}
