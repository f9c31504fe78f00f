/**
 * Mount flags reported in Statfs_t.Flags (include/linux/statfs.h).
 */
import { defineConstants } from "syscallgen/spec";

export default defineConstants({
  statfsFlags: {
    doc: "Bits of Statfs_t.Flags.",
    values: {
      ST_RDONLY: 0x1,
      ST_NOSUID: 0x2,
      ST_NODEV: 0x4,
      ST_NOEXEC: 0x8,
      ST_SYNCHRONOUS: 0x10,
      ST_MANDLOCK: 0x40,
      ST_NOATIME: 0x400,
      ST_NODIRATIME: 0x800,
      ST_RELATIME: 0x1000,
    },
  },
});
