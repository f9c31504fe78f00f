/**
 * A wrapper named with a Go keyword.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  func: {
    kernel: "getpid",
    results: { pid: "int" },
    blocking: false,
    noError: true,
  },
});
