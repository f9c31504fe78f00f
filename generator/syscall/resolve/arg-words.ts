/**
 * Turns a variant's kernel arguments into register words for one arch. This is where a 64-bit
 * argument is split on a 32-bit arch (halves ordered by the arch's pairOrder, an even slot
 * enforced by a zero padding word where pairAlign says so), and where slices, paths and
 * conversions get the preparation steps they need.
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
   * same kind, parameter and details) is reused instead of repeating the work.
   */
  prepared?: PrepareIR[];
}

/** The words of one call and the preparation steps they rely on. */
export interface ArgWords {
  words: WordIR[];
  /** Every step of the wrapper so far: `ctx.prepared` and the ones this call added. */
  prepare: PrepareIR[];
  /** The steps this call uses, as indexes into `prepare`, in order. */
  uses: number[];
  /** Results the kernel writes through memory (`&name`). */
  memoryResults: Set<string>;
}

/** Decides the register words of one call on one arch, in kernel argument order. */
export function resolveArgWords(args: KernelArg[], ctx: ArgContext): ArgWords {
  const out: ArgWords = { words: [], prepare: [...(ctx.prepared ?? [])], uses: [], memoryResults: new Set() };
  /** The word a step passes: the step's index, added to `prepare` unless an equal step is there. */
  const prepare = (step: PrepareIR): WordIR => {
    const key = JSON.stringify(step);
    let index = out.prepare.findIndex((p) => JSON.stringify(p) === key);
    if (index < 0) index = out.prepare.push(step) - 1;
    out.uses.push(index);
    return { kind: "prepared", step: index };
  };
  for (const arg of args.map(parseKernelArg)) {
    if (arg.kind === "const") {
      out.words.push({ kind: "const", value: arg.value });
    } else if (arg.kind === "emptyPath") {
      out.words.push({ kind: "emptyPath" });
    } else if (arg.kind === "result") {
      out.memoryResults.add(arg.name);
      const isPair = ctx.results.get(arg.name) === "[2]int";
      out.words.push(isPair ? prepare({ kind: "resultPair", result: arg.name }) : { kind: "resultAddress", result: arg.name });
    } else if (arg.orConstant) {
      out.words.push({ kind: "value", param: arg.name, orConstant: arg.orConstant });
    } else {
      out.words.push(...paramWords(arg.name, arg.form, ctx, out.words.length, prepare));
    }
  }
  return out;
}

function paramWords(name: string, form: ArgForm | undefined, ctx: ArgContext, slot: number, prepare: (step: PrepareIR) => WordIR): WordIR[] {
  const { goType: type, direction } = ctx.params.get(name)!;
  switch (form) {
    case "hi":
      return [{ kind: "high", param: name }];
    case "lo":
      return [{ kind: "low", param: name }];
    case "ptr":
      return [prepare({ kind: "slice", param: name })];
    case "len":
      return [{ kind: "length", param: name }];
    case "pages":
      return [prepare({ kind: "pages", param: name, pageSize: 4096 })];
    case "pair":
      return [prepare({ kind: "pair", param: name })];
    case "mapping":
      return [prepare({ kind: "mapping", param: name }), { kind: "length", param: name }];
    case "size":
      return [{ kind: "const", value: pointee(type, ctx).size }];
    case "time64": {
      const timespec = pointee(type, ctx);
      const fieldType = (field: string) => timespec.fields.find((f) => f.name === field)?.goType ?? "int64";
      // Validation requires a direction; a pointer without one is treated as read and written.
      const copyIn = direction !== "out";
      const copyOut = direction !== "in";
      return [prepare({ kind: "time64", param: name, secType: fieldType("Sec"), nsecType: fieldType("Nsec"), copyIn, copyOut })];
    }
    case "statx": {
      const stat = pointee(type, ctx);
      const timespec = ctx.structs.get("Timespec");
      const typeOf = (s: StructIR | undefined, field: string) => s?.fields.find((f) => f.name === field)?.goType ?? "";
      const fieldTypes = Object.fromEntries(stat.fields.filter((f) => f.name !== "_").map((f) => [f.name, f.goType]));
      return [prepare({ kind: "statx", param: name, fieldTypes, secType: typeOf(timespec, "Sec"), nsecType: typeOf(timespec, "Nsec") })];
    }
    case undefined:
      return wholeParamWords(name, type, ctx.arch, slot, prepare);
  }
}

function wholeParamWords(name: string, type: string, arch: ArchSpec, slot: number, prepare: (step: PrepareIR) => WordIR): WordIR[] {
  if (type === "string") return [prepare({ kind: "path", param: name })];
  if (type.startsWith("[]")) return [prepare({ kind: "slice", param: name }), { kind: "length", param: name }];
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
