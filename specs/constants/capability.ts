/**
 * Versions of the capget and capset header (include/uapi/linux/capability.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  capabilityVersions: {
    doc: "Values for CapUserHeader.Version; the kernel spells them with a leading underscore. Version 1 takes one CapUserData, versions 2 and 3 take two.",
    values: {
      LINUX_CAPABILITY_VERSION_1: 0x19980330,
      LINUX_CAPABILITY_VERSION_2: 0x20071026,
      LINUX_CAPABILITY_VERSION_3: 0x20080522,
    },
  },
});
