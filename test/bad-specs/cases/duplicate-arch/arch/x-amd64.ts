// Bad-spec case duplicate-arch: amd64 is declared twice, here and in amd64.ts.
/**
 * The 64-bit little-endian case: every argument is one register word, so no 64-bit value is ever
 * split or padded. The tables are a hand-picked subset of Linux 6.12.117's, numbers unchanged.
 */
import { defineArch } from "syscallgen/spec";

export default defineArch({
  goarch: "amd64",
  bits: 64,
  endian: "little",
  maxArgWords: 6,
  int64Align: 8,
  kernel: {
    version: "6.12.117",
    table: "arch/x86/entry/syscalls/syscall_64.tbl",
    abis: ["common", "64"],
    numberOffset: 0,
    errnoHeader: "include/uapi/asm-generic/errno.h",
    signalHeader: "arch/x86/include/uapi/asm/signal.h",
    syscalls: {
      read: 0,
      write: 1,
      close: 3,
      lseek: 8,
      mmap: 9,
      rt_sigprocmask: 14,
      pread64: 17,
      getpid: 39,
      socketpair: 53,
      fcntl: 72,
      fadvise64: 221,
      clock_gettime: 228,
      epoll_ctl: 233,
      openat: 257,
      pipe2: 293,
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
