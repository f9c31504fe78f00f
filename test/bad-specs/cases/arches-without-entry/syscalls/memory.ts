// Bad-spec case arches-without-entry: OldMmap is limited to arm too, whose table has no mmap.
/**
 * Mappings: mmap2's page-count offset, and i386's old mmap, whose arguments travel in a block.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Mmap: {
    doc: "Mmap maps length bytes of fd at offset into memory.",
    kernel: [
      { kernel: "mmap2", args: ["addr", "length", "prot", "flags", "fd", "offset:pages"] },
      { kernel: "mmap" },
    ],
    params: { addr: "uintptr", length: "int", prot: "int", flags: "int", fd: "int", offset: "int64" },
    results: { data: { type: "[]byte", length: "length" } },
  },
  OldMmap: {
    doc: "OldMmap maps memory through i386's old mmap, which reads its arguments from memory.",
    kernel: [
      {
        kernel: "mmap",
        arches: ["386", "arm"],
        argBlock: true,
        args: ["addr", "length", "prot", "flags", "fd", "offset"],
      },
    ],
    params: { addr: "uintptr", length: "int", prot: "int", flags: "int", fd: "int", offset: "uintptr" },
    results: { data: { type: "[]byte", length: "length" } },
  },
});
