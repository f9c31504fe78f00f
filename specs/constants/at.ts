/**
 * The dirfd and flag arguments of the *at calls (include/uapi/linux/fcntl.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  atFlags: {
    doc: "AT_FDCWD, the dirfd that means the working directory, and the flags of the *at calls and statx.",
    values: {
      AT_FDCWD: -0x64,
      AT_SYMLINK_NOFOLLOW: 0x100,
      AT_EACCESS: 0x200,
      AT_REMOVEDIR: 0x200,
      AT_SYMLINK_FOLLOW: 0x400,
      AT_NO_AUTOMOUNT: 0x800,
      AT_EMPTY_PATH: 0x1000,
      AT_STATX_SYNC_AS_STAT: 0x0,
      AT_STATX_FORCE_SYNC: 0x2000,
      AT_STATX_DONT_SYNC: 0x4000,
      AT_RECURSIVE: 0x8000,
    },
  },
});
