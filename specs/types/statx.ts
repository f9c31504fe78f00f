/**
 * The result of statx (include/uapi/linux/stat.h of Linux 6.12). Later kernels name some of the
 * spare space at the end (x/sys has Dio_read_offset_align and Atomic_write_unit_max_opt there).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  StatxTimestamp: {
    c: "struct statx_timestamp",
    fields: { Sec: "int64", Nsec: "uint32", _reserved: "int32" },
  },
  Statx_t: {
    c: "struct statx",
    fields: {
      Mask: "uint32",
      Blksize: "uint32",
      Attributes: "uint64",
      Nlink: "uint32",
      Uid: "uint32",
      Gid: "uint32",
      Mode: "uint16",
      _spare0: "[1]uint16",
      Ino: "uint64",
      Size: "uint64",
      Blocks: "uint64",
      Attributes_mask: "uint64",
      Atime: "StatxTimestamp",
      Btime: "StatxTimestamp",
      Ctime: "StatxTimestamp",
      Mtime: "StatxTimestamp",
      Rdev_major: "uint32",
      Rdev_minor: "uint32",
      Dev_major: "uint32",
      Dev_minor: "uint32",
      Mnt_id: "uint64",
      Dio_mem_align: "uint32",
      Dio_offset_align: "uint32",
      Subvol: "uint64",
      Atomic_write_unit_min: "uint32",
      Atomic_write_unit_max: "uint32",
      Atomic_write_segments_max: "uint32",
      _spare1: "[1]uint32",
      _spare3: "[9]uint64",
    },
  },
});
