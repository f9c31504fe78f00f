/**
 * Flags for mount and umount2 (include/uapi/linux/mount.h; the umount flags are in
 * include/linux/fs.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  mountFlags: {
    doc: "Flags for mount. MS_NOUSER is bit 31, written (1<<31) in C.",
    values: {
      MS_RDONLY: 0x1,
      MS_NOSUID: 0x2,
      MS_NODEV: 0x4,
      MS_NOEXEC: 0x8,
      MS_SYNCHRONOUS: 0x10,
      MS_REMOUNT: 0x20,
      MS_MANDLOCK: 0x40,
      MS_DIRSYNC: 0x80,
      MS_NOSYMFOLLOW: 0x100,
      MS_NOATIME: 0x400,
      MS_NODIRATIME: 0x800,
      MS_BIND: 0x1000,
      MS_MOVE: 0x2000,
      MS_REC: 0x4000,
      MS_VERBOSE: 0x8000,
      MS_SILENT: 0x8000,
      MS_POSIXACL: 0x10000,
      MS_UNBINDABLE: 0x20000,
      MS_PRIVATE: 0x40000,
      MS_SLAVE: 0x80000,
      MS_SHARED: 0x100000,
      MS_RELATIME: 0x200000,
      MS_KERNMOUNT: 0x400000,
      MS_I_VERSION: 0x800000,
      MS_STRICTATIME: 0x1000000,
      MS_LAZYTIME: 0x2000000,
      MS_SUBMOUNT: 0x4000000,
      MS_NOREMOTELOCK: 0x8000000,
      MS_NOSEC: 0x10000000,
      MS_BORN: 0x20000000,
      MS_ACTIVE: 0x40000000,
      MS_NOUSER: 0x80000000,
      MS_RMT_MASK: 0x2800051,
      MS_MGC_VAL: 0xc0ed0000,
      MS_MGC_MSK: 0xffff0000,
    },
  },
  umountFlags: {
    doc: "Flags for umount2.",
    values: {
      MNT_FORCE: 0x1,
      MNT_DETACH: 0x2,
      MNT_EXPIRE: 0x4,
      UMOUNT_NOFOLLOW: 0x8,
    },
  },
});
