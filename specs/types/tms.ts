/**
 * Process times filled by times: struct tms (include/uapi/linux/times.h), four clock_t (C long).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Tms: {
    c: "struct tms",
    fields: { Utime: "long", Stime: "long", Cutime: "long", Cstime: "long" },
  },
});
