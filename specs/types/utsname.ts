/**
 * System identification filled by uname: struct new_utsname (include/uapi/linux/utsname.h),
 * six NUL-terminated char arrays that x/sys declares as bytes on every arch.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  Utsname: {
    c: "struct new_utsname",
    fields: {
      Sysname: "[65]uint8",
      Nodename: "[65]uint8",
      Release: "[65]uint8",
      Version: "[65]uint8",
      Machine: "[65]uint8",
      Domainname: "[65]uint8",
    },
  },
});
