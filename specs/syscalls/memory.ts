/**
 * Memory mappings: creating, protecting, advising, locking and syncing them.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Mmap: {
    doc: "Mmap maps length bytes of fd, from byte offset offset, into memory and returns them as a slice.",
    kernel: [
      { kernel: "mmap2", args: [0, "length", "prot", "flags", "fd", "offset:pages"] },
      // s390x's mmap is the old one-argument form: its six words go in a memory block.
      { kernel: "mmap", arches: ["s390x"], argBlock: true, args: [0, "length", "prot", "flags", "fd", "offset"] },
      { kernel: "mmap", args: [0, "length", "prot", "flags", "fd", "offset"] },
    ],
    params: { fd: "int", offset: "int64", length: "int", prot: "int", flags: "int" },
    results: { data: { type: "[]byte", length: "length" } },
  },
  Munmap: {
    doc: "Munmap removes the mapping b, a slice Mmap returned; a part of one (b[:n] with n < cap(b), or an empty slice) is EINVAL, as in x/sys.",
    kernel: [{ kernel: "munmap", args: ["b:mapping"] }],
    params: { b: "[]byte" },
  },
  Mprotect: {
    doc: "Mprotect sets the access protection of the memory b to prot.",
    kernel: "mprotect",
    params: { b: "[]byte", prot: "int" },
  },
  Madvise: {
    doc: "Madvise tells the kernel how the memory b will be used.",
    kernel: "madvise",
    params: { b: "[]byte", advice: "int" },
  },
  Mlock: {
    doc: "Mlock locks the pages of the memory b into RAM.",
    kernel: "mlock",
    params: { b: "[]byte" },
  },
  Munlock: {
    doc: "Munlock unlocks the pages of the memory b.",
    kernel: "munlock",
    params: { b: "[]byte" },
  },
  Mlockall: {
    doc: "Mlockall locks all current and/or future pages of the process into RAM.",
    kernel: "mlockall",
    params: { flags: "int" },
  },
  Munlockall: {
    doc: "Munlockall unlocks every page of the process.",
    kernel: "munlockall",
  },
  Msync: {
    doc: "Msync writes the changes in the file-backed memory b back to the file.",
    kernel: "msync",
    params: { b: "[]byte", flags: "int" },
  },
});
