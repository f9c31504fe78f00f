// Bad-spec case not-a-define-call: the default export is a bare object, not a defineStructs call.
/**
 * Structs chosen for their layouts: Flock_t has 64-bit members after 16-bit ones (C pads them to 8
 * on amd64, arm and mips, to 4 on 386), EpollEvent is packed on amd64 only, and Sigset_t differs
 * in size per arch (mips has 128 signals).
 */
import { defineStructs } from "syscallgen/spec";

export default {
  Timespec: {
    c: "struct timespec",
    fields: { Sec: "long", Nsec: "long" },
  },
  Flock_t: {
    c: "struct flock64",
    fields: { Type: "int16", Whence: "int16", Start: "int64", Len: "int64", Pid: "int32" },
  },
  EpollEvent: {
    c: "struct epoll_event",
    // The kernel's `__u64 data` written as two words, so that Go can lay it out at offset 4.
    fields: { Events: "uint32", Data: { type: "[2]uint32", alignAs: "uint64" } },
    packed: ["amd64"],
  },
  Sigset_t: {
    c: "sigset_t",
    fields: { Val: "[2]ulong" },
    variants: [
      { arches: ["amd64"], fields: { Val: "[1]ulong" } },
      { arches: ["mips"], fields: { Val: "[4]ulong" } },
    ],
  },
};
