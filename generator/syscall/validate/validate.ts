/**
 * The syscall domain's validate stage: every check over its spec files, each problem reported to
 * the sink so the run can throw them all together.
 */
import type { DiagnosticSink } from "../../core/diagnostics.js";
import { supportTypes } from "../runtime/support.js";
import { toSpecSet, type SpecSet, type SyscallSpecFiles } from "../spec/spec-set.js";
import { validateArches } from "./validate-arches.js";
import { validateSyscalls } from "./validate-syscalls.js";
import { validateConstants, validateStructs } from "./validate-types.js";

/** Validates the syscall specs, reporting to `sink`; returns them flattened for the resolver. */
export function validateSyscallSpecs(files: SyscallSpecFiles, sink: DiagnosticSink): SpecSet {
  const set = toSpecSet(files);
  validateArches(files.arches, sink);
  validateStructs(set.structs, sink);
  validateConstants(set.constantGroups, sink);
  const structs = new Set(set.structs.map((s) => s.name));
  const constants = new Set(set.constantGroups.flatMap((g) => Object.keys(g.values)));
  validateSyscalls(set.syscalls, set.arches, new Set([...structs, ...supportTypes()]), structs, constants, sink);
  return set;
}
