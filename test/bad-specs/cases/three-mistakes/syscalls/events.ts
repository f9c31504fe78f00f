// Bad-spec case three-mistakes: three independent mistakes in two files.
/**
 * Descriptor pairs, in both directions (a []int passed in, a [2]int returned), and epoll.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Pipe2: {
    doc: "Pipe2 creates a pipe and stores its read and write descriptors in p.",
    kernel: [{ kernel: "pipe2", args: ["p", "flags"] }],
    params: { p: "[]int", flags: "int" },
  },
  Socketpair: {
    doc: "Socketpair creates a pair of connected sockets.",
    kernel: [{ kernel: "socketpair", args: ["domain", "typ", "proto", "&fd"] }],
    params: { domain: "int", typ: "int", proto: "int" },
    results: { fd: "[2]int" },
  },
  EpollCtl: {
    doc: "EpollCtl adds, changes or removes fd in the interest list of epfd.",
    kernel: "epoll_ctl",
    params: { epfd: "int", op: "int", fd: "int", event: "*EpollEvnt" },
  },
});
