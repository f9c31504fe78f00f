/**
 * Flags of the calls that rename, close and create special files (include/uapi/linux/fs.h,
 * close_range.h and memfd.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  renameFlags: {
    doc: "Flags for renameat2.",
    values: {
      RENAME_NOREPLACE: 0x1,
      RENAME_EXCHANGE: 0x2,
      RENAME_WHITEOUT: 0x4,
    },
  },
  closeRangeFlags: {
    doc: "Flags for close_range.",
    values: {
      CLOSE_RANGE_UNSHARE: 0x2,
      CLOSE_RANGE_CLOEXEC: 0x4,
    },
  },
  memfdFlags: {
    doc: "Flags for memfd_create; a MFD_HUGE_* size goes in the bits above MFD_HUGE_SHIFT with MFD_HUGETLB.",
    values: {
      MFD_CLOEXEC: 0x1,
      MFD_ALLOW_SEALING: 0x2,
      MFD_HUGETLB: 0x4,
      MFD_NOEXEC_SEAL: 0x8,
      MFD_EXEC: 0x10,
      MFD_HUGE_SHIFT: 0x1a,
      MFD_HUGE_MASK: 0x3f,
      MFD_HUGE_64KB: 0x40000000,
      MFD_HUGE_512KB: 0x4c000000,
      MFD_HUGE_1MB: 0x50000000,
      MFD_HUGE_2MB: 0x54000000,
      MFD_HUGE_8MB: 0x5c000000,
      MFD_HUGE_16MB: 0x60000000,
      MFD_HUGE_32MB: 0x64000000,
      MFD_HUGE_256MB: 0x70000000,
      MFD_HUGE_512MB: 0x74000000,
      MFD_HUGE_1GB: 0x78000000,
      MFD_HUGE_2GB: 0x7c000000,
      MFD_HUGE_16GB: 0x88000000,
    },
  },
});
