/**
 * Flags for fallocate, posix_fadvise and sync_file_range (include/uapi/linux/falloc.h, fadvise.h
 * and fs.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  fallocateFlags: {
    doc: "Modes for fallocate.",
    values: {
      FALLOC_FL_ALLOCATE_RANGE: 0x0,
      FALLOC_FL_KEEP_SIZE: 0x1,
      FALLOC_FL_PUNCH_HOLE: 0x2,
      FALLOC_FL_NO_HIDE_STALE: 0x4,
      FALLOC_FL_COLLAPSE_RANGE: 0x8,
      FALLOC_FL_ZERO_RANGE: 0x10,
      FALLOC_FL_INSERT_RANGE: 0x20,
      FALLOC_FL_UNSHARE_RANGE: 0x40,
    },
  },
  fadviseAdvice: {
    doc: "Advice for fadvise64; the kernel names them POSIX_FADV_*. DONTNEED and NOREUSE are 6 and 7 on s390x.",
    radix: "decimal",
    values: {
      FADV_NORMAL: 0,
      FADV_RANDOM: 1,
      FADV_SEQUENTIAL: 2,
      FADV_WILLNEED: 3,
      FADV_DONTNEED: { all: 4, s390x: 6 },
      FADV_NOREUSE: { all: 5, s390x: 7 },
    },
  },
  syncFileRangeFlags: {
    doc: "Flags for sync_file_range.",
    values: {
      SYNC_FILE_RANGE_WAIT_BEFORE: 0x1,
      SYNC_FILE_RANGE_WRITE: 0x2,
      SYNC_FILE_RANGE_WAIT_AFTER: 0x4,
      SYNC_FILE_RANGE_WRITE_AND_WAIT: 0x7,
    },
  },
});
