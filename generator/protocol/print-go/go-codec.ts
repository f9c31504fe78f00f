/**
 * The statements of the methods that encode and decode one struct or payload: one statement per
 * field and per pad, chosen here by an exhaustive switch over the field's wire type, and printed
 * by the templates as they are. Offsets and sizes are the IR's; this module only spells them as
 * Go slice bounds. The receiver is `m`, the bytes `b`, and the wire's helpers are sgwire's.
 */
import type { WireStructIR, WireTypeIR } from "../ir.js";
import type { GoProtocolNames, GoStructNames } from "../resolve/go-names.js";
import { goFieldType } from "../resolve/go-types.js";

/** Go statements, one line each; a nested line starts with its extra tabs. */
export type GoLines = string[];

/** Which of the two codec methods a statement belongs to. */
export type CodecWay = "encode" | "decode";

/** Where one field's bytes are in `b`, and the Go expression of the value it reads or writes. */
export interface Place {
  /** Go offset expression of its first byte. */
  at: string;
  size: number;
  value: string;
  /** Array nesting depth: the loop variable of an array at this depth. */
  depth: number;
}

// Loop variables by nesting depth; arrays of arrays are rare, so the short names cover them.
const indexNames = ["i", "j", "k"];

/**
 * The body of `(m *T) encode(b []byte) bool` or `decode` for `s`, whose Go names are `own`, up
 * to its final `return true`: its pads and its fields, in offset order.
 */
export function codecStatements(way: CodecWay, s: WireStructIR, own: GoStructNames, names: GoProtocolNames): GoLines {
  const items = [
    ...s.pads.map((p) => ({ offset: p.offset, lines: padStatement(way, String(p.offset), p.size) })),
    ...s.fields.map((f) => {
      const place = { at: String(f.offset), size: f.size, value: `m.${own.fields.get(f.name)!}`, depth: 0 };
      return { offset: f.offset, lines: fieldStatements(way, f.type, place, names) };
    }),
  ];
  return items.sort((a, b) => a.offset - b.offset).flatMap((item) => item.lines);
}

/** A pad: zeros written, zeros required. */
function padStatement(way: CodecWay, at: string, size: number): GoLines {
  switch (way) {
    case "encode":
      return [`sgwire.Zero(b[${span(at, size)}])`];
    case "decode":
      return failUnless(`sgwire.IsZero(b[${span(at, size)}])`);
  }
}

/** The statements that write or read one field of wire type `type` at `p`. */
export function fieldStatements(way: CodecWay, type: WireTypeIR, p: Place, names: GoProtocolNames): GoLines {
  const bytes = `b[${span(p.at, p.size)}]`;
  switch (type.kind) {
    case "int": {
      const bits = type.size * 8;
      const wire = `sgwire.Uint${bits}(b[${p.at}:])`;
      // A signed value is converted to and from its unsigned wire type; an unsigned one is it.
      if (way === "encode") return [`sgwire.PutUint${bits}(b[${p.at}:], ${type.signed ? `uint${bits}(${p.value})` : p.value})`];
      return [`${p.value} = ${type.signed ? `${goFieldType(type, names)}(${wire})` : wire}`];
    }
    case "enum": {
      const bits = type.size * 8;
      if (way === "encode") return [...failUnless(`${p.value}.Valid()`), `sgwire.PutUint${bits}(b[${p.at}:], uint${bits}(${p.value}))`];
      return failUnless(`${p.value}.Valid()`, `${p.value} = ${goFieldType(type, names)}(sgwire.Uint${bits}(b[${p.at}:]))`);
    }
    case "bool":
      if (way === "encode") return [`b[${p.at}] = sgwire.BoolByte(${p.value})`];
      return failUnless(`sgwire.DecodeBool(&${p.value}, b[${p.at}])`);
    case "struct":
      // The struct's own method, its bytes the call's only argument.
      return failUnless(`${p.value}.${way}(b[${span(p.at, p.size, true)}])`);
    case "string":
      if (way === "encode") return failUnless(`sgwire.EncodeText(${bytes}, ${p.value}[:])`);
      return failUnless(`sgwire.DecodeText(${p.value}[:], ${bytes})`);
    case "bytes":
      if (way === "encode") return failUnless(`sgwire.EncodeBlob(${bytes}, ${p.value}.Len, ${p.value}.Data[:])`);
      return failUnless(`sgwire.DecodeBlob(&${p.value}.Len, ${p.value}.Data[:], ${bytes})`);
    case "array":
      return arrayStatements(way, type, p, names);
  }
}

/** An array: one copy when its bytes are its wire image (u8), else a loop over its elements. */
function arrayStatements(way: CodecWay, type: Extract<WireTypeIR, { kind: "array" }>, p: Place, names: GoProtocolNames): GoLines {
  if (type.element.kind === "int" && type.element.size === 1 && !type.element.signed) {
    return way === "encode" ? [`copy(b[${span(p.at, p.size)}], ${p.value}[:])`] : [`copy(${p.value}[:], b[${span(p.at, p.size)}])`];
  }
  const index = indexNames[p.depth] ?? `i${p.depth}`;
  const step = type.elementSize === 1 ? index : `${index}*${type.elementSize}`;
  const element = { at: p.at === "0" ? step : `${p.at}+${step}`, size: type.elementSize, value: `${p.value}[${index}]`, depth: p.depth + 1 };
  return [`for ${index} := range ${p.value} {`, ...fieldStatements(way, type.element, element, names).map((line) => `\t${line}`), "}"];
}

/** `if !cond { return false }`, or with `init;` before the condition. */
function failUnless(cond: string, init?: string): GoLines {
  return [`if ${init === undefined ? "" : `${init}; `}!${cond} {`, "\treturn false", "}"];
}

/**
 * `lo:hi` as gofmt prints it. gofmt spaces the colon of a slice whose bounds are expressions,
 * except in a call of several arguments; `alone` is for a slice that is a call's only argument.
 */
function span(at: string, size: number, alone = false): string {
  if (/^\d+$/.test(at)) return `${at}:${Number(at) + size}`;
  return alone ? `${at} : ${at}+${size}` : `${at}:${at}+${size}`;
}
