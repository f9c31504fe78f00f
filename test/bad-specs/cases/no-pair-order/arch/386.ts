// Bad-spec case no-pair-order: 386 is 32-bit but says nothing about pairOrder.
/**
 * The i386 case: 32-bit little-endian, a 64-bit argument goes low word first from any register,
 * and C aligns 64-bit struct members to 4 only. The tables are a hand-picked subset of Linux
 * 6.12.117's, numbers unchanged.
 */
import { defineArch } from "syscallgen/spec";

export default defineArch({
  goarch: "386",
  bits: 32,
  endian: "little",
  pairAlign: "any",
  maxArgWords: 6,
  int64Align: 4,
  kernel: {
    version: "6.12.117",
    table: "arch/x86/entry/syscalls/syscall_32.tbl",
    abis: ["i386"],
    numberOffset: 0,
    errnoHeader: "include/uapi/asm-generic/errno.h",
    signalHeader: "arch/x86/include/uapi/asm/signal.h",
    syscalls: {
      read: 3,
      write: 4,
      close: 6,
      lseek: 19,
      getpid: 20,
      fcntl: 55,
      mmap: 90,
      _llseek: 140,
      rt_sigprocmask: 175,
      pread64: 180,
      mmap2: 192,
      fcntl64: 221,
      fadvise64: 250,
      epoll_ctl: 255,
      clock_gettime: 265,
      fadvise64_64: 272,
      openat: 295,
      pipe2: 331,
      socketpair: 360,
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
