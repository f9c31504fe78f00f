/**
 * File status, filesystem statistics, permissions and ownership.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Fstat: {
    doc: "Fstat stores the status of the file open as fd in stat.",
    // mips64's kernel struct stat has 32-bit times, unlike x/sys's Stat_t, and loong64 kernels
    // before 6.11 have no fstat: both fill Stat_t from statx (AT_EMPTY_PATH, STATX_BASIC_STATS).
    kernel: [
      { kernel: "statx", arches: ["loong64", "mips64", "mips64le"], args: ["fd", "", 0x1000, 0x7ff, "stat:statx"] },
      { kernel: "fstat64" },
      { kernel: "fstat" },
    ],
    params: { fd: "int", stat: "out *Stat_t" },
  },
  Fstatat: {
    doc: "Fstatat stores the status of path, relative to dirfd, in stat.",
    kernel: [
      { kernel: "statx", arches: ["loong64", "mips64", "mips64le"], args: ["dirfd", "path", "flags", 0x7ff, "stat:statx"] },
      { kernel: "fstatat64" },
      { kernel: "newfstatat" },
    ],
    params: { dirfd: "int", path: "string", stat: "out *Stat_t", flags: "int" },
  },
  Statx: {
    doc: "Statx stores the status fields of path that mask asks for, relative to dirfd, in stat.",
    kernel: "statx",
    params: { dirfd: "int", path: "string", flags: "int", mask: "int", stat: "out *Statx_t" },
  },
  Fstatfs: {
    doc: "Fstatfs stores statistics of the filesystem holding fd in buf.",
    kernel: [
      { kernel: "fstatfs64", arches: ["386", "arm", "mips", "mipsle"], args: ["fd", "buf:size", "buf"] },
      { kernel: "fstatfs" },
    ],
    params: { fd: "int", buf: "out *Statfs_t" },
  },
  Statfs: {
    doc: "Statfs stores statistics of the filesystem holding path in buf.",
    kernel: [
      { kernel: "statfs64", arches: ["386", "arm", "mips", "mipsle"], args: ["path", "buf:size", "buf"] },
      { kernel: "statfs" },
    ],
    params: { path: "string", buf: "out *Statfs_t" },
  },
  Fchmod: {
    doc: "Fchmod changes the mode bits of the file open as fd.",
    kernel: "fchmod",
    params: { fd: "int", mode: "uint32" },
  },
  Fchmodat: {
    doc: "Fchmodat changes the mode bits of path, relative to dirfd; flags may hold AT_SYMLINK_NOFOLLOW.",
    kernel: [
      // fchmodat has no flags argument, so it serves only flags 0, as in x/sys; that keeps the
      // common case working on every kernel.
      { kernel: "fchmodat", args: ["dirfd", "path", "mode"], when: { flags: 0 } },
      // Without fchmodat2 the flags cannot be honoured: x/sys also gives EOPNOTSUPP then.
      { kernel: "fchmodat2", since: "6.6", missing: "EOPNOTSUPP" },
    ],
    params: { dirfd: "int", path: "string", mode: "uint32", flags: "int" },
  },
  Fchown: {
    doc: "Fchown changes the owner and group of the file open as fd.",
    kernel: [{ kernel: "fchown32" }, { kernel: "fchown" }],
    params: { fd: "int", uid: "int", gid: "int" },
  },
  Fchownat: {
    doc: "Fchownat changes the owner and group of path, relative to dirfd.",
    kernel: "fchownat",
    params: { dirfd: "int", path: "string", uid: "int", gid: "int", flags: "int" },
  },
  Faccessat2: {
    doc: "Faccessat2 checks whether the caller may access path, relative to dirfd, as mode says.",
    kernel: "faccessat2",
    params: { dirfd: "int", path: "string", mode: "uint32", flags: "int" },
  },
  Umask: {
    doc: "Umask sets the file mode creation mask and returns the previous one.",
    kernel: "umask",
    params: { mask: "int" },
    results: { oldmask: "int" },
    blocking: false,
    noError: true,
  },
});
