/**
 * The intermediate representation: one fully decided description of the bindings per arch. Every
 * ABI decision (syscall number, entry point, how each argument becomes register words, padding,
 * struct layout) is made when building it, so the emitters only print.
 */
import type { ArchSpec, GoArch } from "./spec/arch.js";
import type { PointerDirection } from "./spec/syscall.js";
import type { Radix } from "./spec/types.js";

/** A syscall number constant: `SYS_<NAME> = number` (offset already added). */
export interface SysnumIR {
  goName: string;
  kernelName: string;
  number: number;
}

/** One field of a laid-out struct; `name` is `_` for padding the generator inserted or C reserved. */
export interface FieldIR {
  name: string;
  goType: string;
  offset: number;
  size: number;
}

/** A struct laid out for one arch, with explicit padding so Go's layout equals C's. */
export interface StructIR {
  name: string;
  cName: string;
  size: number;
  align: number;
  fields: FieldIR[];
}

/** One constant with its value on this arch. */
export interface ConstantIR {
  name: string;
  value: bigint;
}

/** A block of related constants. */
export interface ConstantGroupIR {
  doc: string;
  goType?: string;
  radix: Radix;
  constants: ConstantIR[];
}

/** A Go parameter or result. */
export interface GoVarIR {
  name: string;
  goType: string;
}

/** A Go parameter; a pointer says which way the memory it points to travels. */
export interface ParamIR extends GoVarIR {
  direction?: PointerDirection;
}

/**
 * How one register word is computed. `param` names a Go parameter, `result` a Go result, and
 * `step` a preparation step by its index in the wrapper's `prepare`. The IR names no Go local of
 * its own: the printer decides what each step's variables are called.
 */
export type WordIR =
  | { kind: "value"; param: string; orConstant?: string } // an integer parameter (OR-ed with a constant)
  | { kind: "high"; param: string } // bits 32..63 of a 64-bit parameter
  | { kind: "low"; param: string } // bits 0..31 of a 64-bit parameter
  | { kind: "const"; value: number } // a constant word (padding is 0)
  | { kind: "pointer"; param: string } // a pointer parameter's address
  | { kind: "length"; param: string } // the length of a slice parameter
  | { kind: "prepared"; step: number } // what a preparation step made for the kernel (see PrepareIR)
  | { kind: "resultAddress"; result: string } // the address of a result the kernel writes
  | { kind: "emptyPath" } // the address of a NUL byte: the empty path of an AT_EMPTY_PATH call
  | { kind: "block" }; // the address of the memory block holding the call's words (CallIR.block)

/**
 * A step before the calls, which may return early with an error, and what its `prepared` word
 * passes: an address (of the data, or of the copy the step fills) or a count.
 */
export type PrepareIR =
  | { kind: "slice"; param: string } // address of p[0], or of a zero byte when empty
  | { kind: "path"; param: string } // address of a NUL-terminated copy, on the stack when short
  | { kind: "pages"; param: string; pageSize: number } // the offset in pages, EINVAL if unaligned
  | { kind: "pair"; param: string } // address of an int32[2] copy of a []int of length 2
  | { kind: "mapping"; param: string } // address of a whole mapping, EINVAL unless len == cap > 0
  // Address of a 64-bit-time copy of a *Timespec (nil when it is nil): filled from it when the
  // kernel reads it (copyIn), copied back when the kernel writes it (copyOut), so an input is
  // never written.
  | { kind: "time64"; param: string; secType: string; nsecType: string; copyIn: boolean; copyOut: boolean }
  | { kind: "resultPair"; result: string } // address of an int32[2] the kernel fills for a [2]int result
  | { kind: "statx"; param: string; fieldTypes: Record<string, string>; secType: string; nsecType: string }; // address of a Statx_t, copied into a Stat_t

/** How a Go result gets its value. */
export type ResultIR =
  | { kind: "return"; name: string; goType: string } // from the syscall's return value
  | { kind: "mapping"; name: string; lengthParam: string } // []byte over the returned address
  | { kind: "memory"; name: string; goType: string }; // written by the kernel through "&name"

/** A syscall package function and how many words it takes. */
export interface EntryIR {
  func: "Syscall" | "Syscall6" | "Syscall9" | "RawSyscall" | "RawSyscall6";
  arity: 3 | 6 | 9;
}

/** A run-time condition on a call: the integer parameter `param` equals `value`. */
export interface GuardIR {
  param: string;
  value: number;
}

/**
 * What a wrapper does when a call's entry, newer than the arch's oldest supported kernel, fails
 * with ENOSYS: return another errno (a rawsys constant name), or make the next call.
 */
export type MissingIR = { kind: "errno"; errno: string } | { kind: "next" };

/** One system call a wrapper can make on an arch. */
export interface CallIR {
  kernelName: string;
  sysnum: string;
  entry: EntryIR;
  /** The words passed, exactly `entry.arity` of them (zero-filled): with a block, its address first. */
  words: WordIR[];
  /** When the words travel in a memory block: the words stored in it. */
  block?: WordIR[];
  /** Made only when every guard holds; otherwise the wrapper goes on to the next call. */
  guards: GuardIR[];
  /** Set when the entry is newer than the arch's oldest supported kernel. */
  newer?: { since: string; missing: MissingIR };
}

/** One Go wrapper as it is made on one arch. */
export interface WrapperIR {
  goName: string;
  exported: boolean;
  doc: string;
  params: ParamIR[];
  results: ResultIR[];
  hasError: boolean;
  /** Steps before the calls; a step two calls need is made once. */
  prepare: PrepareIR[];
  /**
   * The calls in the order the wrapper tries them: the first whose guards hold is made, and a
   * newer call's ENOSYS may pass on to the next (see `newer`). Most wrappers have one.
   */
  calls: CallIR[];
}

/** Everything generated for one arch. */
export interface ArchIR {
  goarch: GoArch;
  bits: 32 | 64;
  endian: ArchSpec["endian"];
  kernelVersion: string;
  sysnums: SysnumIR[];
  structs: StructIR[];
  constants: ConstantGroupIR[];
  wrappers: WrapperIR[];
  /** Wrappers declared in the specs that this arch has no kernel entry for, sorted. */
  absent: string[];
}
