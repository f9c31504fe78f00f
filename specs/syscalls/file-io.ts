/**
 * Opening, reading, writing and closing files, and moving data between descriptors.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Read: {
    doc: "Read reads up to len(p) bytes from fd into p.",
    kernel: "read",
    params: { fd: "int", p: "[]byte" },
    results: { n: "int" },
  },
  Write: {
    doc: "Write writes the bytes of p to fd.",
    kernel: "write",
    params: { fd: "int", p: "[]byte" },
    results: { n: "int" },
  },
  Pread: {
    doc: "Pread reads from fd at byte offset offset without moving the file offset.",
    kernel: "pread64",
    params: { fd: "int", p: "[]byte", offset: "int64" },
    results: { n: "int" },
  },
  Pwrite: {
    doc: "Pwrite writes to fd at byte offset offset without moving the file offset.",
    kernel: "pwrite64",
    params: { fd: "int", p: "[]byte", offset: "int64" },
    results: { n: "int" },
  },
  Openat: {
    doc: "Openat opens path relative to the directory dirfd and returns a new descriptor.",
    kernel: [{ kernel: "openat", args: ["dirfd", "path", "flags|O_LARGEFILE", "mode"] }],
    params: { dirfd: "int", path: "string", flags: "int", mode: "uint32" },
    results: { fd: "int" },
  },
  Openat2: {
    doc: "Openat2 opens path relative to dirfd with the extended options in how.",
    kernel: [{ kernel: "openat2", args: ["dirfd", "path", "how", "how:size"] }],
    params: { dirfd: "int", path: "string", how: "in *OpenHow" },
    results: { fd: "int" },
  },
  Close: {
    doc: "Close closes the file descriptor fd.",
    kernel: "close",
    params: { fd: "int" },
  },
  CloseRange: {
    doc: "CloseRange closes, or with flags changes, every descriptor from first to last.",
    kernel: "close_range",
    params: { first: "uint", last: "uint", flags: "uint" },
  },
  Seek: {
    doc: "Seek sets the file offset of fd as whence and offset say and returns the new offset.",
    kernel: [
      {
        kernel: "_llseek",
        arches: ["386", "arm", "mips", "mipsle"],
        args: ["fd", "offset:hi", "offset:lo", "&off", "whence"],
      },
      { kernel: "lseek" },
    ],
    params: { fd: "int", offset: "int64", whence: "int" },
    results: { off: "int64" },
  },
  Fsync: {
    doc: "Fsync flushes the data and metadata of fd to its storage device.",
    kernel: "fsync",
    params: { fd: "int" },
  },
  Fdatasync: {
    doc: "Fdatasync flushes the data of fd, and only the metadata needed to read it back.",
    kernel: "fdatasync",
    params: { fd: "int" },
  },
  Ftruncate: {
    doc: "Ftruncate sets the size of the file open as fd to length bytes.",
    kernel: [{ kernel: "ftruncate64" }, { kernel: "ftruncate" }],
    params: { fd: "int", length: "int64" },
  },
  Fallocate: {
    doc: "Fallocate allocates, or with mode punches or zeroes, a byte range of the file fd.",
    kernel: "fallocate",
    params: { fd: "int", mode: "uint32", off: "int64", length: "int64" },
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
  SyncFileRange: {
    doc: "SyncFileRange starts or waits for writeback of a byte range of fd.",
    kernel: [
      { kernel: "sync_file_range" },
      { kernel: "arm_sync_file_range", args: ["fd", "flags", "off", "n"] },
      { kernel: "sync_file_range2", args: ["fd", "flags", "off", "n"] },
    ],
    params: { fd: "int", off: "int64", n: "int64", flags: "int" },
  },
  Dup: {
    doc: "Dup returns a new descriptor, the lowest free one, for the file open as oldfd.",
    kernel: "dup",
    params: { oldfd: "int" },
    results: { fd: "int" },
    blocking: false,
  },
  Dup3: {
    doc: "Dup3 makes newfd a copy of oldfd, closing newfd first if it was open.",
    kernel: "dup3",
    params: { oldfd: "int", newfd: "int", flags: "int" },
  },
  FcntlInt: {
    doc: "FcntlInt performs the fcntl command cmd, with an integer argument, on fd.",
    kernel: [{ kernel: "fcntl64" }, { kernel: "fcntl" }],
    params: { fd: "uintptr", cmd: "int", arg: "int" },
    results: { val: "int" },
  },
  Flock: {
    doc: "Flock applies or removes an advisory lock on the file open as fd.",
    kernel: "flock",
    params: { fd: "int", how: "int" },
  },
  CopyFileRange: {
    doc: "CopyFileRange copies up to length bytes from rfd to wfd inside the kernel.",
    kernel: "copy_file_range",
    params: { rfd: "int", roff: "inout *int64", wfd: "int", woff: "inout *int64", length: "int", flags: "int" },
    results: { n: "int" },
  },
  Sendfile: {
    doc: "Sendfile copies count bytes from infd to outfd inside the kernel.",
    kernel: [{ kernel: "sendfile64" }, { kernel: "sendfile" }],
    params: { outfd: "int", infd: "int", offset: "inout *int64", count: "int" },
    results: { written: "int" },
  },
  Splice: {
    doc: "Splice moves up to length bytes between two descriptors, one of which is a pipe.",
    kernel: "splice",
    params: { rfd: "int", roff: "inout *int64", wfd: "int", woff: "inout *int64", length: "int", flags: "int" },
    results: { n: "int64" },
  },
  Tee: {
    doc: "Tee duplicates up to length bytes from the pipe rfd to the pipe wfd without consuming them.",
    kernel: "tee",
    params: { rfd: "int", wfd: "int", length: "int", flags: "int" },
    results: { n: "int64" },
  },
  MemfdCreate: {
    doc: "MemfdCreate creates an anonymous memory-backed file and returns its descriptor.",
    kernel: "memfd_create",
    params: { name: "string", flags: "int" },
    results: { fd: "int" },
  },
});
