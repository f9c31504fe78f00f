/**
 * Directory entries and names: creating, linking, removing and reading them, and the working
 * and root directories.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Mkdirat: {
    doc: "Mkdirat creates the directory path, relative to dirfd.",
    kernel: "mkdirat",
    params: { dirfd: "int", path: "string", mode: "uint32" },
  },
  Mknodat: {
    doc: "Mknodat creates the file, device or special file path, relative to dirfd.",
    kernel: "mknodat",
    params: { dirfd: "int", path: "string", mode: "uint32", dev: "int" },
  },
  Unlinkat: {
    doc: "Unlinkat removes the name path, relative to dirfd; AT_REMOVEDIR removes a directory.",
    kernel: "unlinkat",
    params: { dirfd: "int", path: "string", flags: "int" },
  },
  Renameat2: {
    doc: "Renameat2 renames oldpath to newpath, each relative to its directory descriptor.",
    kernel: "renameat2",
    params: { olddirfd: "int", oldpath: "string", newdirfd: "int", newpath: "string", flags: "uint" },
  },
  Linkat: {
    doc: "Linkat creates newpath as a hard link to oldpath, each relative to its directory descriptor.",
    kernel: "linkat",
    params: { olddirfd: "int", oldpath: "string", newdirfd: "int", newpath: "string", flags: "int" },
  },
  Symlinkat: {
    doc: "Symlinkat creates newpath, relative to newdirfd, as a symbolic link holding oldpath.",
    kernel: "symlinkat",
    params: { oldpath: "string", newdirfd: "int", newpath: "string" },
  },
  Readlinkat: {
    doc: "Readlinkat reads the target of the symbolic link path, relative to dirfd, into buf.",
    kernel: "readlinkat",
    params: { dirfd: "int", path: "string", buf: "[]byte" },
    results: { n: "int" },
  },
  Getdents: {
    doc: "Getdents reads linux_dirent64 entries of the directory open as fd into buf.",
    kernel: "getdents64",
    params: { fd: "int", buf: "[]byte" },
    results: { n: "int" },
  },
  Getcwd: {
    doc: "Getcwd writes the NUL-terminated path of the working directory into buf.",
    kernel: "getcwd",
    params: { buf: "[]byte" },
    results: { n: "int" },
  },
  Chdir: {
    doc: "Chdir changes the working directory to path.",
    kernel: "chdir",
    params: { path: "string" },
  },
  Fchdir: {
    doc: "Fchdir changes the working directory to the directory open as fd.",
    kernel: "fchdir",
    params: { fd: "int" },
  },
  Chroot: {
    doc: "Chroot changes the root directory of the calling process to path.",
    kernel: "chroot",
    params: { path: "string" },
  },
});
