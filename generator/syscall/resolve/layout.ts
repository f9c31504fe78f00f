/**
 * Lays out C structs with an arch's data model and decides the Go padding that makes Go's layout
 * equal to C's. Go aligns 64-bit integers to 4 bytes on 32-bit arches while arm and mips C align
 * them to 8, so explicit `_ [n]byte` fields are inserted wherever the two would differ.
 */
import { compareStrings, type SourcePos } from "../../core/diagnostics.js";
import type { ArchSpec } from "../spec/arch.js";
import type { StructInput } from "../spec/spec-set.js";
import { sizedFieldIntegers, wordFieldIntegers, type FieldSpec, type Fields, type SizedFieldInteger, type StructSpec, type WordFieldInteger } from "../spec/types.js";
import { isOneOf } from "../spec/one-of.js";
import type { FieldIR, StructIR } from "../ir.js";
import { roundUp } from "../../core/round-up.js";

/** A layout problem, reported as a spec error at `pos`. */
export class LayoutError extends Error {
  constructor(readonly pos: SourcePos, message: string) {
    super(message);
  }
}

interface TypeLayout {
  goType: string;
  size: number;
  cAlign: number;
  goAlign: number;
}

/** The size in bytes of each sized integer field type. */
const sizedBytes: Record<SizedFieldInteger, 1 | 2 | 4 | 8> = { int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8 };

/** The Go integer type, without its width, of each word-sized field type. */
const wordGoTypes: Record<WordFieldInteger, "int" | "uint"> = { long: "int", ulong: "uint" };

/** The fields a struct has on an arch: its variant for the arch, else its default fields. */
export function fieldsFor(spec: StructSpec, arch: ArchSpec): Fields | undefined {
  return spec.variants?.find((v) => v.arches.includes(arch.goarch))?.fields ?? spec.fields;
}

/** The structs laid out on one arch, and the problems of those that could not be. */
export interface LayoutResult {
  structs: StructIR[];
  errors: LayoutError[];
}

/** Lays out every struct for one arch, nested structs first; returns them in name order. */
export function layoutStructs(inputs: StructInput[], arch: ArchSpec): LayoutResult {
  const byName = new Map(inputs.map((s) => [s.name, s]));
  const done = new Map<string, LaidOut>();
  const inProgress = new Set<string>();

  const typeLayout = (type: string, pos: SourcePos): TypeLayout => {
    const array = /^\[(\d+)\](.+)$/.exec(type);
    if (array) {
      const element = typeLayout(array[2]!, pos);
      return { ...element, goType: `[${array[1]}]${element.goType}`, size: element.size * Number(array[1]) };
    }
    if (isOneOf(sizedFieldIntegers, type)) {
      const fixed = sizedBytes[type];
      const isWide = fixed === 8;
      return { goType: type, size: fixed, cAlign: isWide ? arch.int64Align : fixed, goAlign: isWide ? arch.bits / 8 : fixed };
    }
    if (type.startsWith("*")) {
      // A pointer member: word-sized in C and in Go; Go spells a pointer to uint8 *byte.
      const word = arch.bits / 8;
      const target = type.slice(1);
      return { goType: `*${target === "uint8" ? "byte" : target}`, size: word, cAlign: word, goAlign: word };
    }
    if (isOneOf(wordFieldIntegers, type)) {
      const word = arch.bits / 8;
      const goType = `${wordGoTypes[type]}${arch.bits}`;
      return { goType, size: word, cAlign: word, goAlign: word };
    }
    const nested = byName.get(type);
    if (!nested) throw new LayoutError(pos, `unknown field type \`${type}\``);
    const { ir, goAlign } = layoutOne(nested);
    return { goType: ir.name, size: ir.size, cAlign: ir.align, goAlign };
  };

  const layoutOne = (input: StructInput): LaidOut => {
    const existing = done.get(input.name);
    if (existing) return existing;
    if (inProgress.has(input.name)) throw new LayoutError(input.pos, `struct ${input.name} contains itself`);
    inProgress.add(input.name);
    const laidOut = layoutFields(input, arch, typeLayout);
    inProgress.delete(input.name);
    done.set(input.name, laidOut);
    return laidOut;
  };

  const errors: LayoutError[] = [];
  for (const input of inputs) {
    if (!fieldsFor(input.spec, arch)) continue;
    try {
      layoutOne(input);
    } catch (e) {
      if (!(e instanceof LayoutError)) throw e;
      errors.push(e);
      inProgress.clear();
    }
  }
  const structs = [...done.values()].map((l) => l.ir).sort((a, b) => compareStrings(a.name, b.name));
  return { structs, errors };
}

interface LaidOut {
  ir: StructIR;
  /** Go's alignment of the struct: that of its most aligned field under Go's rules. */
  goAlign: number;
}

function layoutFields(input: StructInput, arch: ArchSpec, typeLayout: (t: string, p: SourcePos) => TypeLayout): LaidOut {
  const packed = input.spec.packed?.includes(arch.goarch) ?? false;
  const fields: FieldIR[] = [];
  let cOffset = 0;
  let goOffset = 0;
  let structAlign = 1;
  let goAlign = 1;
  const pad = (bytes: number) => {
    if (bytes > 0) fields.push({ name: "_", goType: `[${bytes}]byte`, offset: goOffset, size: bytes });
    goOffset += bytes;
  };
  for (const [name, declared] of Object.entries(fieldsFor(input.spec, arch) ?? {})) {
    const spec: FieldSpec = typeof declared === "string" ? { type: declared } : declared;
    const layout = typeLayout(spec.type, input.pos);
    const cAlign = packed ? 1 : spec.alignAs ? typeLayout(spec.alignAs, input.pos).cAlign : layout.cAlign;
    cOffset = roundUp(cOffset, cAlign);
    const goNatural = roundUp(goOffset, layout.goAlign);
    if (goNatural > cOffset) {
      throw new LayoutError(input.pos, `${input.name}.${name} is at offset ${cOffset} in C on ${arch.goarch}, but Go aligns ${layout.goType} to ${layout.goAlign}: split the field into smaller ones`);
    }
    pad(cOffset - goOffset);
    fields.push({ name: name.startsWith("_") ? "_" : name, goType: layout.goType, offset: cOffset, size: layout.size });
    cOffset += layout.size;
    goOffset = cOffset;
    structAlign = Math.max(structAlign, cAlign);
    goAlign = Math.max(goAlign, layout.goAlign);
  }
  const size = roundUp(cOffset, structAlign);
  pad(size - goOffset);
  const ir: StructIR = { name: input.name, cName: input.spec.c, size, align: structAlign, fields };
  const goSize = roundUp(size, goAlign);
  if (goSize !== size) {
    throw new LayoutError(input.pos, `${input.name} is ${size} bytes in C on ${arch.goarch} but Go would round it to ${goSize}`);
  }
  return { ir, goAlign };
}
