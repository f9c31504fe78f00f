/**
 * Resolves one syscall spec on one arch: which variants (kernel entries) it calls and in what
 * order, the words of each call, the syscall package entry point that fits them, and where each
 * result comes from.
 */
import type { SourcePos } from "../../core/diagnostics.js";
import { isFromSpec, posOf } from "../../core/literal.js";
import type { ArchSpec } from "../spec/arch.js";
import type { ResultSpec, SyscallSpec, SyscallVariant } from "../spec/syscall.js";
import { resolveArgWords, type ArgWords } from "./arg-words.js";
import type { CallIR, EntryIR, PrepareIR, ResultIR, StructIR, WordIR, WrapperIR } from "../ir.js";
import { compareReleases } from "../spec/kernel-release.js";
import { parseParamType } from "../spec/param-type.js";
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

/** Whether the arch can use a variant: its entry is in the table and the arch is not excluded. */
export function variantFits(variant: SyscallVariant, arch: ArchSpec): boolean {
  return (variant.arches?.includes(arch.goarch) ?? true) && Object.hasOwn(arch.kernel.syscalls, variant.kernel);
}

/** The first variant the arch can use without a run-time condition. */
export function chooseVariant(spec: SyscallSpec, arch: ArchSpec): SyscallVariant | undefined {
  return variantsOf(spec).find((v) => v.when === undefined && variantFits(v, arch));
}

/** Whether a variant's entry is newer than the oldest kernel the arch supports. */
export function isNewerThanOldest(variant: SyscallVariant, arch: ArchSpec): boolean {
  return variant.since !== undefined && compareReleases(variant.since, arch.oldestKernel) > 0;
}

/**
 * The variants a wrapper may call on an arch, in the order it tries them: variants with a `when`
 * before the first unconditional one, that one, and, while a variant is newer than the arch's
 * oldest kernel and falls back to the next, the variants after it.
 */
export function callChain(spec: SyscallSpec, arch: ArchSpec): SyscallVariant[] {
  const chain: SyscallVariant[] = [];
  for (const variant of variantsOf(spec).filter((v) => variantFits(v, arch))) {
    chain.push(variant);
    const fallsThrough = variant.when !== undefined || (isNewerThanOldest(variant, arch) && variant.missing === undefined);
    if (!fallsThrough) break;
  }
  return chain;
}

/** Normalises a result declaration to its object form. */
export function resultSpec(declared: string | ResultSpec): ResultSpec {
  return typeof declared === "string" ? { type: declared as ResultSpec["type"] } : declared;
}

/** The wrapper on this arch, or undefined when the arch has no entry for it. */
export function resolveWrapper(input: SyscallInput, arch: ArchSpec, structs: Map<string, StructIR>): WrapperIR | undefined {
  const { spec, goName } = input;
  const chain = callChain(spec, arch);
  if (chain.length === 0) return undefined;
  if (chainGap(chain, arch)) throw new Error(`resolve: ${goName} cannot make a call in every case on ${arch.goarch} (validate should have caught this)`);
  if (chain.filter((v) => v.argBlock).length > 1) {
    throw new WrapperError(variantPos(input, chain[1]!), `${goName}: two variants it may call pass their words in a memory block; only one call of a wrapper can`);
  }
  const params = Object.entries(spec.params ?? {}).map(([name, declared]) => [name, parseParamType(declared)] as const);
  const results = Object.entries(spec.results ?? {}).map(([name, declared]) => [name, resultSpec(declared)] as const);
  const context = {
    arch,
    params: new Map(params),
    results: new Map(results.map(([name, r]) => [name, r.type])),
    structs,
  };
  let prepared: PrepareIR[] = [];
  const resolved = chain.map((variant) => {
    const words = resolveArgWords(variant.args ?? params.map(([name]) => name), { ...context, prepared });
    prepared = words.prepare;
    return { variant, words, call: resolveCall(input, arch, variant, words) };
  });
  checkCallsAgree(input, resolved);
  const memoryResults = resolved[0]!.words.memoryResults;
  return {
    goName,
    exported: /^[A-Z]/.test(goName),
    doc: spec.doc ?? "",
    params: params.map(([name, { goType, direction }]) => (direction ? { name, goType, direction } : { name, goType })),
    results: results.map(([name, r]): ResultIR => {
      if (r.type === "[]byte") return { kind: "mapping", name, lengthParam: r.length ?? "" };
      return memoryResults.has(name) ? { kind: "memory", name, goType: r.type } : { kind: "return", name, goType: r.type };
    }),
    hasError: !spec.noError,
    prepare: prepared,
    calls: resolved.map((r) => r.call),
  };
}

function resolveCall(input: SyscallInput, arch: ArchSpec, variant: SyscallVariant, call: ArgWords): CallIR {
  const count = variant.argBlock ? 1 : call.words.length;
  if (count > arch.maxArgWords) {
    throw new WrapperError(input.pos, `${input.goName} needs ${count} register words for ${variant.kernel} on ${arch.goarch}, but the syscall package passes at most ${arch.maxArgWords}`);
  }
  const entry = chooseEntry(count, input.spec.blocking ?? true);
  const passed: WordIR[] = variant.argBlock ? [{ kind: "address", local: "_block" }] : call.words;
  const guards = Object.entries(variant.when ?? {}).map(([param, value]) => ({ param, value }));
  const newer = isNewerThanOldest(variant, arch)
    ? { since: variant.since!, missing: variant.missing === undefined ? ({ kind: "next" } as const) : ({ kind: "errno", errno: variant.missing } as const) }
    : undefined;
  return {
    kernelName: variant.kernel,
    sysnum: sysnumName(variant.kernel),
    entry,
    words: [...passed, ...Array.from({ length: entry.arity - passed.length }, (): WordIR => ({ kind: "const", value: 0 }))],
    ...(variant.argBlock ? { block: call.words } : {}),
    guards,
    ...(newer ? { newer } : {}),
  };
}

/**
 * Where a variant is written: its own literal, or the `kernel` property of a one-entry spec (the
 * wrapper's name for a spec built in code, as unit tests do).
 */
export function variantPos(input: SyscallInput, variant: SyscallVariant): SourcePos {
  if (!isFromSpec(input.spec)) return input.pos;
  return typeof input.spec.kernel === "string" ? posOf(input.spec, "kernel") : posOf(variant);
}

/**
 * What keeps a chain from serving every call on an arch (validation reports it): its last
 * variant is guarded, or is newer than the oldest kernel with no fallback and no `missing`.
 */
export function chainGap(chain: SyscallVariant[], arch: ArchSpec): "guarded" | "no-fallback" | undefined {
  const last = chain[chain.length - 1];
  if (!last) return undefined;
  if (last.when !== undefined) return "guarded";
  return isNewerThanOldest(last, arch) && last.missing === undefined ? "no-fallback" : undefined;
}

/** Steps whose result is copied back to the caller after the call. */
const copiesBack = (step: PrepareIR) =>
  step.kind === "pair" || step.kind === "resultPair" || step.kind === "statx" || (step.kind === "time64" && step.copyOut);

/**
 * Calls of one wrapper hand their results back the same way: the copy-back after the calls and
 * the result assignments are printed once, so a fallback that passed an output differently
 * would hand back something it never filled.
 */
function checkCallsAgree(input: SyscallInput, resolved: { variant: SyscallVariant; words: ArgWords }[]): void {
  const [first, ...rest] = resolved;
  const outputs = (r: { words: ArgWords }) => JSON.stringify(r.words.prepare.filter((p) => copiesBack(p) && r.words.uses.includes(p.local)).map((p) => p.local));
  const memory = (r: { words: ArgWords }) => JSON.stringify([...r.words.memoryResults].sort());
  for (const other of rest) {
    if (outputs(other) !== outputs(first!) || memory(other) !== memory(first!)) {
      throw new WrapperError(variantPos(input, other.variant), `${input.goName}: \`${first!.variant.kernel}\` and \`${other.variant.kernel}\` hand back outputs in different forms; one wrapper cannot fall back from one to the other`);
    }
  }
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
