/**
 * Options for wait4 and waitid (include/uapi/linux/wait.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  waitOptions: {
    doc: "Options for wait4 and waitid; the kernel spells the last three __WNOTHREAD, __WALL and __WCLONE.",
    values: {
      WNOHANG: 0x1,
      WUNTRACED: 0x2,
      WSTOPPED: 0x2,
      WEXITED: 0x4,
      WCONTINUED: 0x8,
      WNOWAIT: 0x1000000,
      WNOTHREAD: 0x20000000,
      WALL: 0x40000000,
      WCLONE: 0x80000000,
    },
  },
});
