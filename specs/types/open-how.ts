/**
 * How openat2 opens a path: struct open_how (include/uapi/linux/openat2.h).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  OpenHow: {
    c: "struct open_how",
    fields: { Flags: "uint64", Mode: "uint64", Resolve: "uint64" },
  },
});
