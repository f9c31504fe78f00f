/**
 * The header and data of capget and capset (include/uapi/linux/capability.h). With
 * LINUX_CAPABILITY_VERSION_3 the data is an array of two CapUserData.
 */
import { defineStructs } from "syscallgen/spec";

export default defineStructs({
  CapUserHeader: {
    c: "struct __user_cap_header_struct",
    fields: { Version: "uint32", Pid: "int32" },
  },
  CapUserData: {
    c: "struct __user_cap_data_struct",
    fields: { Effective: "uint32", Permitted: "uint32", Inheritable: "uint32" },
  },
});
