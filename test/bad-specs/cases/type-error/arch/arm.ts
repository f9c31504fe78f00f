// Bad-spec case type-error: bits is 48, which TypeScript rejects.
/**
 * The arm EABI case: 32-bit little-endian, a 64-bit argument goes low word first and must start at
 * an even register, and C aligns 64-bit struct members to 8. The tables are a hand-picked subset
 * of Linux 6.12.117's, numbers unchanged.
 */
import { defineArch } from "syscallgen/spec";

export default defineArch({
  goarch: "arm",
  bits: 48,
  endian: "little",
  pairOrder: "low-first",
  pairAlign: "even",
  maxArgWords: 6,
  int64Align: 8,
  kernel: {
    version: "6.12.117",
    table: "arch/arm/tools/syscall.tbl",
    abis: ["common"],
    numberOffset: 0,
    errnoHeader: "include/uapi/asm-generic/errno.h",
    signalHeader: "arch/arm/include/uapi/asm/signal.h",
    syscalls: {
      read: 3,
      write: 4,
      close: 6,
      lseek: 19,
      getpid: 20,
      fcntl: 55,
      _llseek: 140,
      rt_sigprocmask: 175,
      pread64: 180,
      mmap2: 192,
      fcntl64: 221,
      epoll_ctl: 251,
      clock_gettime: 263,
      arm_fadvise64_64: 270,
      socketpair: 288,
      openat: 322,
      pipe2: 359,
      clock_gettime64: 403,
    },
    errno: {
      EPERM: 1,
      ENOENT: 2,
      EINTR: 4,
      EAGAIN: 11,
      EINVAL: 22,
      ENOSYS: 38,
    },
    signals: {
      SIGINT: 2,
      SIGKILL: 9,
      SIGUSR1: 10,
      SIGCHLD: 17,
    },
  },
});
