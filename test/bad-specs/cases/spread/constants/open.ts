// Bad-spec case spread: a constant group spreads another object.
/**
 * Constants for openat: O_LARGEFILE and O_DIRECTORY have per-arch values in the kernel headers.
 */
import { defineConstants } from "syscallgen/spec";

const cloexec = { O_CLOEXEC: 0x80000 };

export default defineConstants({
  open: {
    doc: "Flags for Openat.",
    values: {
      ...cloexec,
      O_DIRECTORY: { all: 0x10000, arm: 0x4000 },
      O_LARGEFILE: { all: 0, "386": 0x8000, arm: 0x20000, mips: 0x2000 },
    },
  },
  at: {
    doc: "Special directory descriptors for the *at calls.",
    type: "int",
    radix: "decimal",
    values: {
      AT_FDCWD: -100,
    },
  },
});
