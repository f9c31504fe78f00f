/**
 * Namespace flags of clone, unshare and setns (include/uapi/linux/sched.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  cloneNamespaces: {
    doc: "Namespace flags for clone, clone3, unshare and setns.",
    values: {
      CLONE_NEWTIME: 0x80,
      CLONE_NEWNS: 0x20000,
      CLONE_NEWCGROUP: 0x2000000,
      CLONE_NEWUTS: 0x4000000,
      CLONE_NEWIPC: 0x8000000,
      CLONE_NEWUSER: 0x10000000,
      CLONE_NEWPID: 0x20000000,
      CLONE_NEWNET: 0x40000000,
    },
  },
});
