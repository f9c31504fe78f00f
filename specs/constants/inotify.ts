/**
 * inotify events and flags (include/uapi/linux/inotify.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  inotifyEvents: {
    doc: "inotify watch masks and the event bits read back.",
    values: {
      IN_ACCESS: 0x1,
      IN_MODIFY: 0x2,
      IN_ATTRIB: 0x4,
      IN_CLOSE_WRITE: 0x8,
      IN_CLOSE_NOWRITE: 0x10,
      IN_OPEN: 0x20,
      IN_MOVED_FROM: 0x40,
      IN_MOVED_TO: 0x80,
      IN_CREATE: 0x100,
      IN_DELETE: 0x200,
      IN_DELETE_SELF: 0x400,
      IN_MOVE_SELF: 0x800,
      IN_UNMOUNT: 0x2000,
      IN_Q_OVERFLOW: 0x4000,
      IN_IGNORED: 0x8000,
      IN_CLOSE: 0x18,
      IN_MOVE: 0xc0,
      IN_ONLYDIR: 0x1000000,
      IN_DONT_FOLLOW: 0x2000000,
      IN_EXCL_UNLINK: 0x4000000,
      IN_MASK_CREATE: 0x10000000,
      IN_MASK_ADD: 0x20000000,
      IN_ISDIR: 0x40000000,
      IN_ONESHOT: 0x80000000,
      IN_ALL_EVENTS: 0xfff,
    },
  },
  inotifyInitFlags: {
    doc: "Flags for inotify_init1: the arch's O_CLOEXEC and O_NONBLOCK.",
    values: {
      IN_CLOEXEC: 0x80000,
      IN_NONBLOCK: { all: 0x800, mips: 0x80, mipsle: 0x80, mips64: 0x80, mips64le: 0x80 },
    },
  },
});
