// Bad-spec case parameter-not-passed: Seek's _llseek variant leaves out whence.
/**
 * File calls covering 64-bit arguments: whole (Pread), split by hand (Seek's _llseek), reordered
 * (Fadvise on arm), plus a path with an OR-ed constant (Openat) and a struct pointer (FcntlFlock).
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Pread: {
    doc: "Pread reads from fd at byte offset offset without moving the file offset.",
    kernel: "pread64",
    params: { fd: "int", p: "[]byte", offset: "int64" },
    results: { n: "int" },
  },
  Seek: {
    doc: "Seek sets the file offset of fd and returns the new offset.",
    kernel: [
      { kernel: "_llseek", args: ["fd", "offset:hi", "offset:lo", "&off"] },
      { kernel: "lseek" },
    ],
    params: { fd: "int", offset: "int64", whence: "int" },
    results: { off: "int64" },
  },
  Openat: {
    doc: "Openat opens path relative to the directory dirfd.",
    kernel: [{ kernel: "openat", args: ["dirfd", "path", "flags|O_LARGEFILE", "mode"] }],
    params: { dirfd: "int", path: "string", flags: "int", mode: "uint32" },
    results: { fd: "int" },
  },
  Fadvise: {
    doc: "Fadvise declares how a byte range of fd will be accessed.",
    kernel: [
      { kernel: "fadvise64_64" },
      { kernel: "arm_fadvise64_64", args: ["fd", "advice", "offset", "length"] },
      { kernel: "fadvise64" },
    ],
    params: { fd: "int", offset: "int64", length: "int64", advice: "int" },
  },
  FcntlFlock: {
    doc: "FcntlFlock performs a record-locking fcntl command on fd.",
    kernel: [{ kernel: "fcntl64" }, { kernel: "fcntl" }],
    params: { fd: "int", cmd: "int", lk: "*Flock_t" },
  },
});
