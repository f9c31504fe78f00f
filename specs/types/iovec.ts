/**
 * One buffer of a vectored read or write: struct iovec (include/uapi/linux/uio.h).
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Iovec: {
    c: "struct iovec",
    fields: {
      // void *iov_base, a *byte as in x/sys, so `iov.Base = &buf[0]` works.
      Base: "*uint8",
      Len: "ulong",
    },
  },
});
