/**
 * How rt_sigprocmask changes the signal mask (include/uapi/asm-generic/signal-defs.h and the mips
 * override).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  sigprocmaskHow: {
    doc: "The how argument of rt_sigprocmask: mips numbers them from 1.",
    radix: "decimal",
    values: {
      SIG_BLOCK: { all: 0, mips: 1, mipsle: 1, mips64: 1, mips64le: 1 },
      SIG_UNBLOCK: { all: 1, mips: 2, mipsle: 2, mips64: 2, mips64le: 2 },
      SIG_SETMASK: { all: 2, mips: 3, mipsle: 3, mips64: 3, mips64le: 3 },
    },
  },
});
