/**
 * The Go variables a printed wrapper declares besides the spec's parameters and results (which
 * validation keeps from starting with `_`, so they cannot meet these), and the support file's
 * zero word. The IR names none of them: they are decided here, and only here.
 */

/** Fixed names: the syscall's results, a call's memory block, and support.go's `var _zero uintptr`. */
export const goLocals = {
  /** The syscall's first return value, shared by a wrapper's calls. */
  r0: "_r0",
  /** The syscall's errno, shared by a wrapper's calls. */
  e1: "_e1",
  /** The words of a call that passes them in memory. */
  block: "_block",
  /** The address an empty slice or an empty path passes: the kernel reads no byte, or a NUL. */
  zero: "_zero",
} as const;

/**
 * The variables preparation step `index` declares: `value`, what it passes the kernel (or whose
 * address it passes), and the path buffer or 64-bit-time copy behind it for the steps that need one.
 */
export function stepLocals(index: number): { value: string; pathBuf: string; time64: string } {
  const value = `_p${index}`;
  return { value, pathBuf: `${value}buf`, time64: `${value}t` };
}
