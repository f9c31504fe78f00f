/**
 * Special nanosecond values for utimensat (include/linux/stat.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  utimeSpecial: {
    doc: "Values of Timespec.Nsec for utimensat: set the time to now, or leave it unchanged.",
    values: {
      UTIME_NOW: 0x3fffffff,
      UTIME_OMIT: 0x3ffffffe,
    },
  },
});
