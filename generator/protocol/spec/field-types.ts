/** Reading a field type as a spec writes it. */
import { protocolScalars, type ProtocolScalar } from "./language.js";

/** Whether a declared field type names one of the protocol language's scalars. */
export function isProtocolScalar(type: string): type is ProtocolScalar {
  return (protocolScalars as readonly string[]).includes(type);
}
