// Bad-spec case empty-syscall-table: mips has an empty syscall table.
/**
 * The mips o32 case: 32-bit big-endian, a 64-bit argument goes high word first from an even
 * register, and up to nine words can be passed (Syscall9). The tables are a hand-picked subset of
 * Linux 6.12.117's, numbers unchanged (numberOffset adds 4000).
 */
import { defineArch } from "syscallgen/spec";

export default defineArch({
  goarch: "mips",
  bits: 32,
  endian: "big",
  pairOrder: "high-first",
  pairAlign: "even",
  maxArgWords: 9,
  int64Align: 8,
  kernel: {
    version: "6.12.117",
    table: "arch/mips/kernel/syscalls/syscall_o32.tbl",
    abis: ["o32"],
    numberOffset: 4000,
    errnoHeader: "arch/mips/include/uapi/asm/errno.h",
    signalHeader: "arch/mips/include/uapi/asm/signal.h",
    syscalls: {},
    errno: {
      EPERM: 1,
      ENOENT: 2,
      EINTR: 4,
      EAGAIN: 11,
      EINVAL: 22,
      ENOSYS: 89,
    },
    signals: {
      SIGINT: 2,
      SIGKILL: 9,
      SIGUSR1: 16,
      SIGCHLD: 18,
    },
  },
});
