/**
 * Whence values for lseek and _llseek (include/uapi/linux/fs.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  seekWhence: {
    doc: "Whence values for lseek.",
    radix: "decimal",
    values: {
      SEEK_SET: 0,
      SEEK_CUR: 1,
      SEEK_END: 2,
      SEEK_DATA: 3,
      SEEK_HOLE: 4,
      SEEK_MAX: 4,
    },
  },
});
