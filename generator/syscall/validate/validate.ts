/**
 * The validate stage: every check over the loaded specs, all errors collected and thrown together.
 */
import { DiagnosticSink } from "../../core/diagnostics.js";
import type { LoadedSpecs } from "../../core/load-specs.js";
import { goSupportTypes } from "../print/go-support.js";
import { toSpecSet, type SpecSet } from "../resolve/resolve-arch.js";
import type { ProtocolSpec } from "../../protocol/spec.js";
import { validateArches } from "./validate-arches.js";
import { validateProtocols } from "../../protocol/validate/validate-protocol.js";
import { validateSyscalls } from "./validate-syscalls.js";
import { validateConstants, validateStructs } from "./validate-types.js";

/** The validated specs: the syscall side as a SpecSet, and the protocols. */
export interface ValidatedSpecs extends SpecSet {
  protocols: ProtocolSpec[];
}

/** Validates loaded specs; throws SpecErrors listing every problem. */
export function validateSpecs(loaded: LoadedSpecs): ValidatedSpecs {
  const sink = new DiagnosticSink();
  const set = toSpecSet(loaded);
  validateArches(loaded.arches, sink);
  validateStructs(set.structs, sink);
  validateConstants(set.constantGroups, sink);
  const structs = new Set(set.structs.map((s) => s.name));
  const constants = new Set(set.constantGroups.flatMap((g) => Object.keys(g.values)));
  validateSyscalls(set.syscalls, set.arches, new Set([...structs, ...goSupportTypes]), structs, constants, sink);
  validateProtocols(loaded.protocols, sink);
  sink.throwIfAny();
  return { ...set, protocols: loaded.protocols.map((f) => f.data) };
}
