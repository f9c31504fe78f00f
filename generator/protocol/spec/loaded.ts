/** The protocol domain's specs as loaded: its define function, and its spec files. */
import { specFilesOf, type LoadedSpecs, type SpecFile } from "../../core/load-specs.js";
import type { ProtocolSpec } from "./language.js";

/** The define function of protocol spec files, and the kind it makes. */
export const protocolSpecKinds = { defineProtocol: "protocols" } as const;

/** The protocol spec files among everything loaded. */
export function protocolSpecFiles(loaded: LoadedSpecs): SpecFile<ProtocolSpec>[] {
  return specFilesOf(loaded, protocolSpecKinds.defineProtocol);
}
