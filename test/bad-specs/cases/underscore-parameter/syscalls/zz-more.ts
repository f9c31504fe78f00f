/**
 * A parameter name the generated code reserves for its own locals.
 */
import { defineSyscalls } from "syscallgen/spec";

export default defineSyscalls({
  Close: {
    doc: "Close closes the descriptor.",
    kernel: "close",
    params: { _fd: "int" },
  },
});
