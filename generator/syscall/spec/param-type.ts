/**
 * A parameter's declared type taken apart: the Go type the signature shows, and, for a pointer,
 * which way the memory it points to travels (`"out *Stat_t"` is a `*Stat_t` the kernel writes).
 */
import type { ParamType, PointerDirection } from "./syscall.js";

/** A parameter type as the generator uses it. */
export interface ParsedParamType {
  /** The Go type in the wrapper's signature: `*Timespec`, `int64`, `[]byte`. */
  goType: string;
  /** Set for a pointer that declares its direction. */
  direction?: PointerDirection;
}

/** Splits `"in *Timespec"` into its direction and Go type; other types have no direction. */
export function parseParamType(declared: ParamType): ParsedParamType {
  const space = declared.indexOf(" ");
  if (space < 0) return { goType: declared };
  const direction = declared.slice(0, space) as PointerDirection;
  return { goType: declared.slice(space + 1), direction };
}

/** Whether a Go type passes an address the kernel follows: `*T` or `unsafe.Pointer`. */
export function isPointerType(goType: string): boolean {
  return goType.startsWith("*") || goType === "unsafe.Pointer";
}
