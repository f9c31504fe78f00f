/**
 * Turns a variant's kernel arguments into register words for one arch. This is where a 64-bit
 * argument is split on a 32-bit arch (halves ordered by the arch's pairOrder, an even slot
 * enforced by a zero padding word where pairAlign says so), and where slices, paths and
 * conversions get the locals they need.
 */
import type { ArchSpec } from "../spec/arch.js";
import { parseKernelArg, type ArgForm } from "../spec/kernel-arg.js";
import type { KernelArg } from "../spec/syscall.js";
import type { PrepareIR, StructIR, WordIR } from "../ir.js";
import type { ParsedParamType } from "../spec/param-type.js";

/** What the words of a call need from the wrapper around it. */
export interface ArgContext {
  arch: ArchSpec;
  params: Map<string, ParsedParamType>;
  /** Results with a type, for `&name` arguments. */
  results: Map<string, string>;
  structs: Map<string, StructIR>;
  /**
   * Steps already prepared for another call of the same wrapper: a step asked for again (the
   * same kind, parameter and details) reuses its local instead of repeating the work.
   */
  prepared?: PrepareIR[];
}

/** The words of one call and the preparation steps they rely on. */
export interface ArgWords {
  words: WordIR[];
  /** Every step of the wrapper so far: `ctx.prepared` and the ones this call added. */
  prepare: PrepareIR[];
  /** The locals this call uses, in order. */
  uses: string[];
  /** Results the kernel writes through memory (`&name`). */
  memoryResults: Set<string>;
}

/** Decides the register words of one call on one arch, in kernel argument order. */
export function resolveArgWords(args: KernelArg[], ctx: ArgContext): ArgWords {
  const out: ArgWords = { words: [], prepare: [...(ctx.prepared ?? [])], uses: [], memoryResults: new Set() };
  const prepare = (step: PrepareIR) => {
    const key = stepKey(step);
    const existing = out.prepare.find((p) => stepKey(p) === key);
    const local = existing?.local ?? step.local;
    if (!existing) out.prepare.push(step);
    out.uses.push(local);
    return local;
  };
  const local = () => `_p${out.prepare.length}`;
  for (const arg of args.map(parseKernelArg)) {
    if (arg.kind === "const") {
      out.words.push({ kind: "const", value: arg.value });
    } else if (arg.kind === "emptyPath") {
      out.words.push({ kind: "address", local: "_zero" });
    } else if (arg.kind === "result") {
      out.memoryResults.add(arg.name);
      const isPair = ctx.results.get(arg.name) === "[2]int";
      const target = isPair ? prepare({ kind: "resultPair", result: arg.name, local: local() }) : arg.name;
      out.words.push({ kind: "address", local: target });
    } else if (arg.orConstant) {
      out.words.push({ kind: "value", param: arg.name, orConstant: arg.orConstant });
    } else {
      out.words.push(...paramWords(arg.name, arg.form, ctx, out.words.length, (kind) => prepare({ ...kind, local: local() } as PrepareIR)));
    }
  }
  return out;
}

type PrepareStep = PrepareIR extends infer P ? (P extends PrepareIR ? Omit<P, "local"> : never) : never;

/** A step's identity without its local's name: two calls asking for the same step share it. */
function stepKey(step: PrepareIR): string {
  const { local: _local, ...rest } = step;
  return JSON.stringify(rest);
}

function paramWords(name: string, form: ArgForm | undefined, ctx: ArgContext, slot: number, prepare: (step: PrepareStep) => string): WordIR[] {
  const { goType: type, direction } = ctx.params.get(name)!;
  switch (form) {
    case "hi":
      return [{ kind: "high", param: name }];
    case "lo":
      return [{ kind: "low", param: name }];
    case "ptr":
      return [{ kind: "local", local: prepare({ kind: "slice", param: name }) }];
    case "len":
      return [{ kind: "length", param: name }];
    case "pages":
      return [{ kind: "local", local: prepare({ kind: "pages", param: name, pageSize: 4096 }) }];
    case "pair":
      return [{ kind: "address", local: prepare({ kind: "pair", param: name }) }];
    case "mapping":
      return [{ kind: "local", local: prepare({ kind: "mapping", param: name }) }, { kind: "length", param: name }];
    case "size":
      return [{ kind: "const", value: pointee(type, ctx).size }];
    case "time64": {
      const timespec = pointee(type, ctx);
      const fieldType = (field: string) => timespec.fields.find((f) => f.name === field)?.goType ?? "int64";
      // Validation requires a direction; a pointer without one is treated as read and written.
      const copyIn = direction !== "out";
      const copyOut = direction !== "in";
      return [{ kind: "local", local: prepare({ kind: "time64", param: name, secType: fieldType("Sec"), nsecType: fieldType("Nsec"), copyIn, copyOut }) }];
    }
    case "statx": {
      const stat = pointee(type, ctx);
      const timespec = ctx.structs.get("Timespec");
      const typeOf = (s: StructIR | undefined, field: string) => s?.fields.find((f) => f.name === field)?.goType ?? "";
      const fieldTypes = Object.fromEntries(stat.fields.filter((f) => f.name !== "_").map((f) => [f.name, f.goType]));
      return [{ kind: "address", local: prepare({ kind: "statx", param: name, fieldTypes, secType: typeOf(timespec, "Sec"), nsecType: typeOf(timespec, "Nsec") }) }];
    }
    case undefined:
      return wholeParamWords(name, type, ctx.arch, slot, prepare);
  }
}

function wholeParamWords(name: string, type: string, arch: ArchSpec, slot: number, prepare: (step: PrepareStep) => string): WordIR[] {
  if (type === "string") return [{ kind: "local", local: prepare({ kind: "path", param: name }) }];
  if (type.startsWith("[]")) return [{ kind: "local", local: prepare({ kind: "slice", param: name }) }, { kind: "length", param: name }];
  if (type.startsWith("*") || type === "unsafe.Pointer") return [{ kind: "pointer", param: name }];
  if ((type === "int64" || type === "uint64") && arch.bits === 32) return splitWide(name, arch, slot);
  return [{ kind: "value", param: name }];
}

/** A 64-bit value on a 32-bit arch: two words in the arch's order, from an even slot if it must. */
function splitWide(name: string, arch: ArchSpec, slot: number): WordIR[] {
  const halves: WordIR[] =
    arch.pairOrder === "high-first"
      ? [{ kind: "high", param: name }, { kind: "low", param: name }]
      : [{ kind: "low", param: name }, { kind: "high", param: name }];
  return arch.pairAlign === "even" && slot % 2 === 1 ? [{ kind: "const", value: 0 }, ...halves] : halves;
}

function pointee(type: string, ctx: ArgContext): StructIR {
  const struct = ctx.structs.get(type.replace(/^\*/, ""));
  if (!struct) throw new Error(`resolve: ${type} does not point to a known struct (validate should have caught this)`);
  return struct;
}
