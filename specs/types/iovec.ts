/**
 * One buffer of a vectored read or write: struct iovec (include/uapi/linux/uio.h).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Iovec: {
    c: "struct iovec",
    fields: {
      // void *iov_base. x/sys declares it *byte; the spec language has no pointer field type,
      // so it is a word-sized integer here.
      Base: "ulong",
      Len: "ulong",
    },
  },
});
