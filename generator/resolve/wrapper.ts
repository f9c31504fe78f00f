/**
 * Resolves one syscall spec on one arch: which variant (kernel entry) is used, the words, the
 * syscall package entry point that fits them, and where each result comes from.
 */
import type { SourcePos } from "../load/diagnostics.js";
import type { ArchSpec } from "../spec/arch.js";
import type { ParamType, ResultSpec, SyscallSpec, SyscallVariant } from "../spec/syscall.js";
import { resolveArgWords } from "./arg-words.js";
import type { EntryIR, ResultIR, StructIR, WordIR, WrapperIR } from "./ir.js";
import { sysnumName } from "./sysnums.js";

/** A syscall spec with its Go name and where it was declared. */
export interface SyscallInput {
  goName: string;
  spec: SyscallSpec;
  pos: SourcePos;
}

/** A problem only visible on one arch (too many words), reported at the spec. */
export class WrapperError extends Error {
  constructor(readonly pos: SourcePos, message: string) {
    super(message);
  }
}

/** The variants of a spec in the order they are tried. */
export function variantsOf(spec: SyscallSpec): SyscallVariant[] {
  return typeof spec.kernel === "string" ? [{ kernel: spec.kernel }] : spec.kernel;
}

/** The first variant the arch can use: its entry is in the table and the arch is not excluded. */
export function chooseVariant(spec: SyscallSpec, arch: ArchSpec): SyscallVariant | undefined {
  return variantsOf(spec).find((v) => (v.arches?.includes(arch.goarch) ?? true) && Object.hasOwn(arch.kernel.syscalls, v.kernel));
}

/** Normalises a result declaration to its object form. */
export function resultSpec(declared: string | ResultSpec): ResultSpec {
  return typeof declared === "string" ? { type: declared as ResultSpec["type"] } : declared;
}

/** The wrapper on this arch, or undefined when the arch has no entry for it. */
export function resolveWrapper(input: SyscallInput, arch: ArchSpec, structs: Map<string, StructIR>): WrapperIR | undefined {
  const { spec, goName } = input;
  const variant = chooseVariant(spec, arch);
  if (!variant) return undefined;
  const params = Object.entries(spec.params ?? {}) as [string, ParamType][];
  const results = Object.entries(spec.results ?? {}).map(([name, declared]) => [name, resultSpec(declared)] as const);
  const call = resolveArgWords(variant.args ?? params.map(([name]) => name), {
    arch,
    params: new Map(params),
    results: new Map(results.map(([name, r]) => [name, r.type])),
    structs,
  });
  const blocking = spec.blocking ?? true;
  const count = variant.argBlock ? 1 : call.words.length;
  if (count > arch.maxArgWords) {
    throw new WrapperError(input.pos, `${goName} needs ${count} register words for ${variant.kernel} on ${arch.goarch}, but the syscall package passes at most ${arch.maxArgWords}`);
  }
  const entry = chooseEntry(count, blocking);
  const passed: WordIR[] = variant.argBlock ? [{ kind: "address", local: "_block" }] : call.words;
  return {
    goName,
    exported: /^[A-Z]/.test(goName),
    doc: spec.doc ?? "",
    params: params.map(([name, goType]) => ({ name, goType })),
    results: results.map(([name, r]): ResultIR => {
      if (r.type === "[]byte") return { kind: "mapping", name, lengthParam: r.length ?? "" };
      return call.memoryResults.has(name) ? { kind: "memory", name, goType: r.type } : { kind: "return", name, goType: r.type };
    }),
    hasError: !spec.noError,
    kernelName: variant.kernel,
    sysnum: sysnumName(variant.kernel),
    entry,
    prepare: call.prepare,
    words: [...passed, ...Array.from({ length: entry.arity - passed.length }, (): WordIR => ({ kind: "const", value: 0 }))],
    ...(variant.argBlock ? { block: call.words } : {}),
  };
}

/**
 * The smallest syscall entry point that takes `count` words. Calls that never block use the
 * Raw forms so the scheduler is not told about them; past six words only Syscall9 exists.
 */
function chooseEntry(count: number, blocking: boolean): EntryIR {
  if (count <= 3) return { func: blocking ? "Syscall" : "RawSyscall", arity: 3 };
  if (count <= 6) return { func: blocking ? "Syscall6" : "RawSyscall6", arity: 6 };
  return { func: "Syscall9", arity: 9 };
}
