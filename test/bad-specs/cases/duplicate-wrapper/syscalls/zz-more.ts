/**
 * Declares Pread a second time: file-io.ts already has it.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Pread: {
    doc: "Pread reads from fd at offset.",
    kernel: "pread64",
    params: { fd: "int", p: "[]byte", offset: "int64" },
    results: { n: "int" },
  },
});
