/**
 * Flags for eventfd2 and signalfd4 (include/uapi/linux/eventfd.h and signalfd.h), which follow the
 * arch's O_CLOEXEC and O_NONBLOCK.
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  eventfdFlags: {
    doc: "Flags for eventfd2.",
    values: {
      EFD_SEMAPHORE: 0x1,
      EFD_CLOEXEC: 0x80000,
      EFD_NONBLOCK: { all: 0x800, mips: 0x80, mipsle: 0x80, mips64: 0x80, mips64le: 0x80 },
    },
  },
  signalfdFlags: {
    doc: "Flags for signalfd4.",
    values: {
      SFD_CLOEXEC: 0x80000,
      SFD_NONBLOCK: { all: 0x800, mips: 0x80, mipsle: 0x80, mips64: 0x80, mips64le: 0x80 },
    },
  },
});
