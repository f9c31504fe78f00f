/**
 * The demo protocol's wire IR, the input of every Go protocol test. The spec is imported as a
 * module (its `syscallgen/spec` import resolves to the package itself) until generate() loads
 * protocol specs; then this is the one place to switch over.
 */
import demo from "../../../specs/protocols/demo.js";
import type { ProtocolIR } from "../../../generator/protocol/ir.js";
import { layoutProtocol } from "../../../generator/protocol/resolve/layout.js";

/** The demo protocol, laid out. */
export function demoIR(): ProtocolIR {
  return layoutProtocol(demo);
}
