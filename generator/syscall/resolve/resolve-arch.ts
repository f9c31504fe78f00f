/**
 * The resolve stage: one ArchIR per arch from the validated specs. Problems that only show on a
 * particular arch (a struct Go cannot lay out, a call with too many words) are collected as spec
 * errors at the spec that caused them.
 */
import { DiagnosticSink, compareStrings } from "../../core/diagnostics.js";
import type { ArchSpec } from "../spec/arch.js";
import type { SpecSet } from "../spec/spec-set.js";
import { resolveConstantGroups, resolveKernelConstants } from "./constants.js";
import type { ArchIR, WrapperIR } from "../ir.js";
import { layoutStructs } from "./layout.js";
import { resolveSysnums } from "./sysnums.js";
import { WrapperError, resolveWrapper } from "./wrapper.js";

/** Resolves every arch; throws SpecErrors with every arch-specific problem found. */
export function resolveAll(set: SpecSet, goarches?: string[]): ArchIR[] {
  const sink = new DiagnosticSink();
  const chosen = goarches ? set.arches.filter((a) => goarches.includes(a.goarch)) : set.arches;
  const irs = chosen.map((arch) => resolveArch(set, arch, sink));
  sink.throwIfAny();
  return irs;
}

function resolveArch(set: SpecSet, arch: ArchSpec, sink: DiagnosticSink): ArchIR {
  const { structs, errors } = layoutStructs(set.structs, arch);
  for (const e of errors) sink.error(e.pos, e.message);
  const structsByName = new Map(structs.map((s) => [s.name, s]));
  const wrappers: WrapperIR[] = [];
  const absent: string[] = [];
  // Wrappers may refer to a struct that failed; their errors would only repeat the layout's.
  for (const input of errors.length === 0 ? set.syscalls : []) {
    const wrapper = report(sink, () => resolveWrapper(input, arch, structsByName));
    if (wrapper) wrappers.push(wrapper);
    else absent.push(input.goName);
  }
  return {
    goarch: arch.goarch,
    bits: arch.bits,
    endian: arch.endian,
    kernelVersion: arch.kernel.version,
    sysnums: resolveSysnums(arch),
    structs,
    constants: [...resolveConstantGroups(set.constantGroups, arch), ...resolveKernelConstants(arch)],
    wrappers: wrappers.sort((a, b) => compareStrings(a.goName, b.goName)),
    absent: absent.sort(compareStrings),
  };
}

function report<T>(sink: DiagnosticSink, work: () => T): T | undefined {
  try {
    return work();
  } catch (e) {
    if (e instanceof WrapperError) {
      sink.error(e.pos, e.message);
      return undefined;
    }
    throw e;
  }
}


