/**
 * statx request masks and attribute bits (include/uapi/linux/stat.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  statxMask: {
    doc: "Fields to request from statx and to find in Statx_t.Mask.",
    values: {
      STATX_TYPE: 0x1,
      STATX_MODE: 0x2,
      STATX_NLINK: 0x4,
      STATX_UID: 0x8,
      STATX_GID: 0x10,
      STATX_ATIME: 0x20,
      STATX_MTIME: 0x40,
      STATX_CTIME: 0x80,
      STATX_INO: 0x100,
      STATX_SIZE: 0x200,
      STATX_BLOCKS: 0x400,
      STATX_BASIC_STATS: 0x7ff,
      STATX_BTIME: 0x800,
      STATX_ALL: 0xfff,
      STATX_MNT_ID: 0x1000,
      STATX_DIOALIGN: 0x2000,
      STATX_MNT_ID_UNIQUE: 0x4000,
      STATX_SUBVOL: 0x8000,
      STATX_WRITE_ATOMIC: 0x10000,
      STATX__RESERVED: 0x80000000,
    },
  },
  statxAttributes: {
    doc: "Bits of Statx_t.Attributes and Attributes_mask.",
    values: {
      STATX_ATTR_COMPRESSED: 0x4,
      STATX_ATTR_IMMUTABLE: 0x10,
      STATX_ATTR_APPEND: 0x20,
      STATX_ATTR_NODUMP: 0x40,
      STATX_ATTR_ENCRYPTED: 0x800,
      STATX_ATTR_AUTOMOUNT: 0x1000,
      STATX_ATTR_MOUNT_ROOT: 0x2000,
      STATX_ATTR_VERITY: 0x100000,
      STATX_ATTR_DAX: 0x200000,
      STATX_ATTR_WRITE_ATOMIC: 0x400000,
    },
  },
});
