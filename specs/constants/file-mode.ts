/**
 * File type and permission bits of a mode (include/uapi/linux/stat.h) and the access checks of
 * access and faccessat.
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  fileMode: {
    doc: "File type (S_IFMT) and permission bits of st_mode, stx_mode and the mode argument of open, mkdir, mknod and chmod.",
    values: {
      S_IFMT: 0xf000,
      S_IFSOCK: 0xc000,
      S_IFLNK: 0xa000,
      S_IFREG: 0x8000,
      S_IFBLK: 0x6000,
      S_IFDIR: 0x4000,
      S_IFCHR: 0x2000,
      S_IFIFO: 0x1000,
      S_ISUID: 0x800,
      S_ISGID: 0x400,
      S_ISVTX: 0x200,
      S_IRWXU: 0x1c0,
      S_IRUSR: 0x100,
      S_IWUSR: 0x80,
      S_IXUSR: 0x40,
      S_IRWXG: 0x38,
      S_IRGRP: 0x20,
      S_IWGRP: 0x10,
      S_IXGRP: 0x8,
      S_IRWXO: 0x7,
      S_IROTH: 0x4,
      S_IWOTH: 0x2,
      S_IXOTH: 0x1,
    },
  },
  accessMode: {
    doc: "Checks for access and faccessat: existence, or any of read, write and execute permission. The kernel tests them as MAY_READ, MAY_WRITE and MAY_EXEC (include/linux/fs.h), which have these values; no uapi header names them.",
    values: {
      F_OK: 0x0,
      X_OK: 0x1,
      W_OK: 0x2,
      R_OK: 0x4,
    },
  },
});
