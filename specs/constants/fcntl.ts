/**
 * fcntl commands and their arguments, and flock operations (include/uapi/asm-generic/fcntl.h,
 * include/uapi/linux/fcntl.h and the mips override).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  fcntlCommands: {
    doc: "fcntl commands. On 32-bit arches F_GETLK, F_SETLK and F_SETLKW are the kernel's F_GETLK64, F_SETLK64 and F_SETLKW64, because Flock_t is struct flock64 there.",
    values: {
      F_DUPFD: 0x0,
      F_GETFD: 0x1,
      F_SETFD: 0x2,
      F_GETFL: 0x3,
      F_SETFL: 0x4,
      F_GETLK: { all: 0x5, "386": 0xc, arm: 0xc, mips: 0x21, mipsle: 0x21, mips64: 0xe, mips64le: 0xe },
      F_SETLK: { all: 0x6, "386": 0xd, arm: 0xd, mips: 0x22, mipsle: 0x22 },
      F_SETLKW: { all: 0x7, "386": 0xe, arm: 0xe, mips: 0x23, mipsle: 0x23 },
      F_SETOWN: { all: 0x8, mips: 0x18, mipsle: 0x18, mips64: 0x18, mips64le: 0x18 },
      F_GETOWN: { all: 0x9, mips: 0x17, mipsle: 0x17, mips64: 0x17, mips64le: 0x17 },
      F_SETSIG: 0xa,
      F_GETSIG: 0xb,
      F_SETOWN_EX: 0xf,
      F_GETOWN_EX: 0x10,
      F_OFD_GETLK: 0x24,
      F_OFD_SETLK: 0x25,
      F_OFD_SETLKW: 0x26,
      F_SETLEASE: 0x400,
      F_GETLEASE: 0x401,
      F_NOTIFY: 0x402,
      F_DUPFD_QUERY: 0x403,
      F_CREATED_QUERY: 0x404,
      F_DUPFD_CLOEXEC: 0x406,
      F_SETPIPE_SZ: 0x407,
      F_GETPIPE_SZ: 0x408,
      F_ADD_SEALS: 0x409,
      F_GET_SEALS: 0x40a,
      F_GET_RW_HINT: 0x40b,
      F_SET_RW_HINT: 0x40c,
      F_GET_FILE_RW_HINT: 0x40d,
      F_SET_FILE_RW_HINT: 0x40e,
    },
  },
  fdFlags: {
    doc: "Descriptor flags for F_GETFD and F_SETFD.",
    values: {
      FD_CLOEXEC: 0x1,
    },
  },
  lockTypes: {
    doc: "Lock types in Flock_t.Type.",
    radix: "decimal",
    values: {
      F_RDLCK: 0,
      F_WRLCK: 1,
      F_UNLCK: 2,
      F_EXLCK: 4,
      F_SHLCK: 8,
    },
  },
  fileSeals: {
    doc: "Seals for F_ADD_SEALS and F_GET_SEALS.",
    values: {
      F_SEAL_SEAL: 0x1,
      F_SEAL_SHRINK: 0x2,
      F_SEAL_GROW: 0x4,
      F_SEAL_WRITE: 0x8,
      F_SEAL_FUTURE_WRITE: 0x10,
      F_SEAL_EXEC: 0x20,
    },
  },
  flockOps: {
    doc: "Operations for flock.",
    values: {
      LOCK_SH: 0x1,
      LOCK_EX: 0x2,
      LOCK_NB: 0x4,
      LOCK_UN: 0x8,
    },
  },
});
