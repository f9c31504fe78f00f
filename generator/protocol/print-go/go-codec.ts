/**
 * The statements that encode and decode one struct or payload, as data for the templates: one op
 * per field and per pad, each with the Go expressions it prints. Offsets and sizes are the IR's;
 * this module only spells them as Go slice bounds.
 */
import type { WireStructIR, WireTypeIR } from "../ir.js";
import type { GoProtocolNames, GoStructNames } from "../resolve/go-names.js";
import { goFieldType } from "../resolve/go-types.js";

/**
 * One step of a codec function. `at` is the Go offset expression of its first byte in `b`, `span`
 * the `lo:hi` of its bytes (`alone` the same, as the only argument of a call), `value` the Go
 * expression of the struct field it reads or writes.
 */
export interface CodecOp {
  kind: "int" | "bool" | "enum" | "struct" | "string" | "bytes" | "raw" | "array" | "pad";
  at: string;
  span: string;
  alone: string;
  value: string;
  /** int, enum: width in bits, Go type of the value, and the unsigned type on the wire. */
  bits: number;
  goType: string;
  wireType: string;
  /** int: whether the value needs converting to and from its unsigned wire type. */
  signed: boolean;
  /** array: the loop's index variable and the op for one element. */
  index: string;
  inner: CodecOp | null;
}

// Loop variables by nesting depth; arrays of arrays are rare, so the short names cover them.
const indexNames = ["i", "j", "k"];

/**
 * The ops of `s`, whose Go names are `own`: its pads and its fields, in offset order. The
 * receiver is `m`, the bytes `b`.
 */
export function codecOps(s: WireStructIR, own: GoStructNames, names: GoProtocolNames): CodecOp[] {
  const items = [
    ...s.pads.map((p) => ({ offset: p.offset, op: padOp(p.offset, p.size) })),
    ...s.fields.map((f) => ({ offset: f.offset, op: fieldOp(names, f.type, String(f.offset), f.size, `m.${own.fields.get(f.name)!}`, 0) })),
  ];
  return items.sort((a, b) => a.offset - b.offset).map((item) => item.op);
}

function padOp(offset: number, size: number): CodecOp {
  return { ...blank(), kind: "pad", at: String(offset), span: span(String(offset), size), alone: span(String(offset), size) };
}

function fieldOp(names: GoProtocolNames, type: WireTypeIR, at: string, size: number, value: string, depth: number): CodecOp {
  const base = { ...blank(), at, span: span(at, size), alone: span(at, size, true), value };
  switch (type.kind) {
    case "int": {
      const bits = type.size * 8;
      return { ...base, kind: "int", bits, goType: goFieldType(type, names), wireType: `uint${bits}`, signed: type.signed };
    }
    case "enum":
      return { ...base, kind: "enum", bits: type.size * 8, goType: goFieldType(type, names), wireType: `uint${type.size * 8}` };
    case "bool":
    case "string":
    case "bytes":
    case "struct":
      return { ...base, kind: type.kind };
    case "array": {
      // A byte array is its own wire image: one copy instead of a loop.
      if (type.element.kind === "int" && type.element.size === 1 && !type.element.signed) return { ...base, kind: "raw" };
      const index = indexNames[depth] ?? `i${depth}`;
      const step = type.elementSize === 1 ? index : `${index}*${type.elementSize}`;
      const elementAt = at === "0" ? step : `${at}+${step}`;
      return { ...base, kind: "array", index, inner: fieldOp(names, type.element, elementAt, type.elementSize, `${value}[${index}]`, depth + 1) };
    }
  }
}

/**
 * `lo:hi` as gofmt prints it. gofmt spaces the colon of a slice whose bounds are expressions,
 * except in a call of several arguments; `alone` is for a slice that is a call's only argument.
 */
function span(at: string, size: number, alone = false): string {
  if (/^\d+$/.test(at)) return `${at}:${Number(at) + size}`;
  return alone ? `${at} : ${at}+${size}` : `${at}:${at}+${size}`;
}

// Strict templates reject missing fields, so every op carries every field.
function blank(): CodecOp {
  return { kind: "pad", at: "", span: "", alone: "", value: "", bits: 0, goType: "", wireType: "", signed: false, index: "", inner: null };
}
