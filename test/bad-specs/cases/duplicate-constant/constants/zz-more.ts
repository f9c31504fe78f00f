/**
 * Declares O_CLOEXEC a second time, in another group: open.ts already has it.
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  fd: {
    doc: "Descriptor flags.",
    values: {
      FD_CLOEXEC: 1,
      O_CLOEXEC: 0x80000,
    },
  },
});
