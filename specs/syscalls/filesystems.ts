/**
 * Mounting, unmounting and flushing whole filesystems.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  // x/sys's exported Mount takes `data string` and passes NULL when it is empty, which a spec
  // cannot declare; this is the raw form under x/sys's unexported name.
  mount: {
    doc: "mount attaches the filesystem source, of type fstype, at target; data may be nil.",
    kernel: "mount",
    params: { source: "string", target: "string", fstype: "string", flags: "uintptr", data: "in *byte" },
  },
  Unmount: {
    doc: "Unmount detaches the filesystem mounted at target.",
    kernel: "umount2",
    params: { target: "string", flags: "int" },
  },
  PivotRoot: {
    doc: "PivotRoot makes newroot the root mount and moves the old root mount to putold.",
    kernel: "pivot_root",
    params: { newroot: "string", putold: "string" },
  },
  Sync: {
    doc: "Sync writes every filesystem's cached data and metadata to storage.",
    kernel: "sync",
    noError: true,
  },
  Syncfs: {
    doc: "Syncfs writes the cached data and metadata of the filesystem holding fd to storage.",
    kernel: "syncfs",
    params: { fd: "int" },
  },
});
