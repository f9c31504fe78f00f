/**
 * Flags for open, openat and openat2 (include/uapi/asm-generic/fcntl.h and the arm, arm64, mips and
 * powerpc overrides in arch/<arch>/include/uapi/asm/fcntl.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  openFlags: {
    doc: "Flags for open, openat and openat2: the access mode in O_ACCMODE, then creation and status flags.",
    values: {
      O_RDONLY: 0x0,
      O_WRONLY: 0x1,
      O_RDWR: 0x2,
      O_ACCMODE: 0x3,
      O_CREAT: { all: 0x40, mips: 0x100, mipsle: 0x100, mips64: 0x100, mips64le: 0x100 },
      O_EXCL: { all: 0x80, mips: 0x400, mipsle: 0x400, mips64: 0x400, mips64le: 0x400 },
      O_NOCTTY: { all: 0x100, mips: 0x800, mipsle: 0x800, mips64: 0x800, mips64le: 0x800 },
      O_TRUNC: 0x200,
      O_APPEND: { all: 0x400, mips: 0x8, mipsle: 0x8, mips64: 0x8, mips64le: 0x8 },
      O_NONBLOCK: { all: 0x800, mips: 0x80, mipsle: 0x80, mips64: 0x80, mips64le: 0x80 },
      O_NDELAY: { all: 0x800, mips: 0x80, mipsle: 0x80, mips64: 0x80, mips64le: 0x80 },
      O_DSYNC: { all: 0x1000, mips: 0x10, mipsle: 0x10, mips64: 0x10, mips64le: 0x10 },
      // The kernel calls it FASYNC.
      O_ASYNC: { all: 0x2000, mips: 0x1000, mipsle: 0x1000, mips64: 0x1000, mips64le: 0x1000 },
      O_DIRECT: {
        all: 0x4000,
        arm: 0x10000,
        arm64: 0x10000,
        mips: 0x8000,
        mipsle: 0x8000,
        mips64: 0x8000,
        mips64le: 0x8000,
        ppc64: 0x20000,
        ppc64le: 0x20000,
      },
      // 0 on 64-bit arches, where the kernel sets it on every open (force_o_largefile) and x/sys,
      // like libc, defines it as 0.
      O_LARGEFILE: { all: 0x0, "386": 0x8000, arm: 0x20000, mips: 0x2000, mipsle: 0x2000 },
      O_DIRECTORY: { all: 0x10000, arm: 0x4000, arm64: 0x4000, ppc64: 0x4000, ppc64le: 0x4000 },
      O_NOFOLLOW: { all: 0x20000, arm: 0x8000, arm64: 0x8000, ppc64: 0x8000, ppc64le: 0x8000 },
      O_NOATIME: 0x40000,
      O_CLOEXEC: 0x80000,
      O_SYNC: { all: 0x101000, mips: 0x4010, mipsle: 0x4010, mips64: 0x4010, mips64le: 0x4010 },
      O_PATH: 0x200000,
      O_TMPFILE: { all: 0x410000, arm: 0x404000, arm64: 0x404000, ppc64: 0x404000, ppc64le: 0x404000 },
    },
  },
});
