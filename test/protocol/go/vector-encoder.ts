/**
 * An encoder written straight from the wire rules, sharing nothing with the Go emitter but the IR
 * (the contract): golden frames from it check the generated codec byte for byte.
 */
import type { ProtocolIR, WireStructIR, WireTypeIR } from "../../../generator/protocol/ir.js";
import { frameHeader, frameHeaderSize } from "../../../generator/protocol/spec/wire-format.js";

/** A field value as vectors spell it: strings as text, bytes as hex, 64-bit integers maybe as decimal strings. */
export type FieldValue = number | string | boolean | FieldValue[] | { [name: string]: FieldValue };

/** One golden vector: a message's fields and the whole frame they encode to. */
export interface Vector {
  message: string;
  seq: number;
  fields: Record<string, FieldValue>;
  hex: string;
}

/** Encodes `fields` as a whole frame of `message`; throws on a value the wire cannot carry. */
export function encodeFrame(ir: ProtocolIR, message: string, seq: number, fields: Record<string, FieldValue>): Uint8Array {
  const m = ir.messages.find((x) => x.name === message);
  if (!m) throw new Error(`no message ${message}`);
  const frame = new Uint8Array(frameHeaderSize + m.size);
  const view = new DataView(frame.buffer);
  view.setUint32(frameHeader.magic, ir.magic, true);
  view.setUint16(frameHeader.version, ir.version, true);
  view.setUint16(frameHeader.type, m.id, true);
  view.setUint32(frameHeader.length, m.size, true);
  view.setUint32(frameHeader.seq, seq, true);
  writeStruct(ir, view, frameHeaderSize, m, fields);
  return frame;
}

/** The vector of one message: its frame, as hex. */
export function vector(ir: ProtocolIR, message: string, seq: number, fields: Record<string, FieldValue>): Vector {
  return { message, seq, fields, hex: Buffer.from(encodeFrame(ir, message, seq, fields)).toString("hex") };
}

// Pads are never written: the frame starts zeroed.
function writeStruct(ir: ProtocolIR, view: DataView, at: number, s: WireStructIR, fields: Record<string, FieldValue>): void {
  const extra = Object.keys(fields).filter((name) => !s.fields.some((f) => f.name === name));
  if (extra.length > 0) throw new Error(`${s.name} has no field ${extra.join(", ")}`);
  for (const f of s.fields) {
    if (!(f.name in fields)) throw new Error(`${s.name}.${f.name} missing`);
    writeValue(ir, view, at + f.offset, f.type, fields[f.name]!, `${s.name}.${f.name}`);
  }
}

function writeValue(ir: ProtocolIR, view: DataView, at: number, type: WireTypeIR, value: FieldValue, where: string): void {
  const fail = (why: string): never => {
    throw new Error(`${where}: ${why} (${JSON.stringify(value)})`);
  };
  switch (type.kind) {
    case "int":
    case "enum": {
      if (typeof value !== "number" && typeof value !== "string") return fail("not an integer");
      const n = BigInt(value);
      const bits = BigInt(type.size * 8);
      const signed = type.kind === "int" && type.signed;
      const [lo, hi] = signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
      if (n < lo || n > hi) fail(`out of range for ${type.size * 8} bits`);
      if (type.kind === "enum" && !ir.enums.find((e) => e.name === type.name)!.values.some((v) => BigInt(v.value) === n)) fail(`not a ${type.name}`);
      const wire = n < 0n ? n + (1n << bits) : n;
      for (let i = 0; i < type.size; i++) view.setUint8(at + i, Number((wire >> BigInt(8 * i)) & 0xffn));
      return;
    }
    case "bool":
      if (typeof value !== "boolean") fail("not a bool");
      view.setUint8(at, value ? 1 : 0);
      return;
    case "string": {
      if (typeof value !== "string") return fail("not a string");
      const text = Buffer.from(value, "utf8");
      if (text.length > type.max || text.includes(0)) fail(`not a string of at most ${type.max} bytes without NUL`);
      text.forEach((c, i) => view.setUint8(at + i, c));
      return;
    }
    case "bytes": {
      if (typeof value !== "string" || !/^([0-9a-f]{2})*$/.test(value)) return fail("not hex");
      const data = Buffer.from(value, "hex");
      if (data.length > type.max) fail(`longer than ${type.max}`);
      view.setUint16(at, data.length, true);
      data.forEach((c, i) => view.setUint8(at + 2 + i, c));
      return;
    }
    case "array":
      if (!Array.isArray(value) || value.length !== type.length) return fail(`not an array of ${type.length}`);
      value.forEach((v, i) => writeValue(ir, view, at + i * type.elementSize, type.element, v, `${where}[${i}]`));
      return;
    case "struct":
      if (typeof value !== "object" || Array.isArray(value)) return fail("not an object");
      writeStruct(ir, view, at, ir.structs.find((s) => s.name === type.name)!, value);
      return;
  }
}
