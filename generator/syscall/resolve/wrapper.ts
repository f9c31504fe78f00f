/**
 * Resolves one syscall spec on one arch: which variants (kernel entries) it calls and in what
 * order, the words of each call, the syscall package entry point that fits them, and where each
 * result comes from.
 */
import type { SourcePos } from "../../core/diagnostics.js";
import type { ArchSpec } from "../spec/arch.js";
import { parseParamType } from "../spec/param-type.js";
import type { SyscallInput } from "../spec/spec-set.js";
import type { SyscallVariant } from "../spec/syscall.js";
import { callChain, chainGap, isNewerThanOldest, resultSpec, variantPos } from "../spec/variants.js";
import type { CallIR, EntryIR, PrepareIR, ResultIR, StructIR, WordIR, WrapperIR } from "../ir.js";
import { resolveArgWords, type ArgWords } from "./arg-words.js";
import { sysnumName } from "./sysnums.js";

/** A problem only visible on one arch (too many words), reported at the spec. */
export class WrapperError extends Error {
  constructor(readonly pos: SourcePos, message: string) {
    super(message);
  }
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
  const passed: WordIR[] = variant.argBlock ? [{ kind: "block" }] : call.words;
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

/** Whether a step's result is copied back to the caller after the call. */
function copiesBack(step: PrepareIR): boolean {
  switch (step.kind) {
    case "pair":
    case "resultPair":
    case "statx":
      return true;
    case "time64":
      return step.copyOut;
    case "slice":
    case "path":
    case "pages":
    case "mapping":
      return false;
  }
}

/**
 * Calls of one wrapper hand their results back the same way: the copy-back after the calls and
 * the result assignments are printed once, so a fallback that passed an output differently
 * would hand back something it never filled.
 */
function checkCallsAgree(input: SyscallInput, resolved: { variant: SyscallVariant; words: ArgWords }[]): void {
  const [first, ...rest] = resolved;
  const outputs = (r: { words: ArgWords }) => JSON.stringify(r.words.prepare.flatMap((p, i) => (copiesBack(p) && r.words.uses.includes(i) ? [i] : [])));
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
