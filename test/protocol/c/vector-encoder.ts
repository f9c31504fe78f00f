/**
 * An independent encoder of the wire format, written from the format's description rather than
 * from the generator's layout or emitters, so golden frames made with it check them both. It lays
 * a spec out itself: each field at the next multiple of its alignment (an integer's or enum's
 * size, 1 for bool and string, 2 for bytes, an array's element's, a struct's largest member's),
 * structs rounded to their alignment, payloads to a multiple of 8, gaps and tails zero.
 */
import type { ProtocolFieldType, ProtocolSpec } from "../../../generator/protocol/spec/language.js";

/** One golden frame: a message's fields (strings as text, bytes as hex, 64-bit as text) and its bytes. */
export interface Vector {
  message: string;
  seq: number;
  fields: Record<string, unknown>;
  hex: string;
}

/** A field placed in its struct. */
export interface Placed {
  name: string;
  type: ProtocolFieldType;
  offset: number;
  size: number;
}

/** A struct or payload laid out: its fields, size, alignment, and which bytes are padding. */
export interface Laid {
  fields: Placed[];
  size: number;
  align: number;
}

const ints: Record<string, number> = { u8: 1, u16: 2, u32: 4, u64: 8, s8: 1, s16: 2, s32: 4, s64: 8 };
const headerSize = 16;

/** The built-in log message every protocol has: type 0, helper to kernel. */
const logLevels = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

/** Encodes frames of one protocol. */
export class WireEncoder {
  readonly enums: Record<string, { width: number; values: Record<string, number> }>;
  readonly messages: Record<string, { id: number; direction: string; fields: Record<string, ProtocolFieldType> }>;

  constructor(readonly spec: ProtocolSpec) {
    this.enums = { log_level: { width: 1, values: Object.fromEntries(logLevels.map((l, i) => [l, i])) } };
    for (const [name, e] of Object.entries(spec.enums ?? {})) this.enums[name] = { width: ints[e.width ?? "u32"]!, values: e.values };
    this.messages = { log: { id: 0, direction: "to-kernel", fields: { level: "log_level", text: { string: 239 } } }, ...spec.messages };
  }

  /** Size and alignment of a field type. */
  measure(type: ProtocolFieldType): { size: number; align: number } {
    if (typeof type === "object") {
      if ("array" in type) {
        const e = this.measure(type.array);
        return { size: e.size * type.length, align: e.align };
      }
      if ("string" in type) return { size: type.string + 1, align: 1 };
      return { size: 2 + type.bytes, align: 2 };
    }
    if (type === "bool") return { size: 1, align: 1 };
    if (ints[type]) return { size: ints[type]!, align: ints[type]! };
    if (this.enums[type]) return { size: this.enums[type]!.width, align: this.enums[type]!.width };
    const s = this.lay(this.spec.structs![type]!.fields, 1);
    return { size: s.size, align: s.align };
  }

  /** Lays fields out; `minAlign` is 8 for a payload, 1 for a nested struct. */
  lay(fields: Record<string, ProtocolFieldType>, minAlign: number): Laid {
    let offset = 0;
    let align = 1;
    const placed: Placed[] = [];
    for (const [name, type] of Object.entries(fields)) {
      const m = this.measure(type);
      offset = Math.ceil(offset / m.align) * m.align;
      placed.push({ name, type, offset, size: m.size });
      offset += m.size;
      align = Math.max(align, m.align);
    }
    const round = Math.max(align, minAlign);
    return { fields: placed, size: Math.ceil(offset / round) * round, align };
  }

  /** The payload layout of a message. */
  payload(message: string): Laid {
    return this.lay(this.messages[message]!.fields, 8);
  }

  /** The whole frame of a message. */
  encode(message: string, seq: number, values: Record<string, unknown>): Buffer {
    const m = this.messages[message]!;
    const laid = this.payload(message);
    const frame = Buffer.alloc(headerSize + laid.size);
    frame.writeUInt32LE(this.spec.magic, 0);
    frame.writeUInt16LE(this.spec.version, 4);
    frame.writeUInt16LE(m.id, 6);
    frame.writeUInt32LE(laid.size, 8);
    frame.writeUInt32LE(seq, 12);
    this.writeStruct(frame, headerSize, laid, values);
    return frame;
  }

  private writeStruct(buf: Buffer, at: number, laid: Laid, values: Record<string, unknown>): void {
    for (const f of laid.fields) this.write(buf, at + f.offset, f.type, values[f.name]);
  }

  private write(buf: Buffer, at: number, type: ProtocolFieldType, value: unknown): void {
    if (typeof type === "object") {
      if ("array" in type) {
        const step = this.measure(type.array).size;
        (value as unknown[]).forEach((v, i) => this.write(buf, at + i * step, type.array, v));
      } else if ("string" in type) {
        const text = Buffer.from(value as string, "utf8");
        if (text.length > type.string || text.includes(0)) throw new Error(`string too long or with a NUL: ${value}`);
        text.copy(buf, at);
      } else {
        const data = Buffer.from(value as string, "hex");
        if (data.length > type.bytes) throw new Error(`blob over ${type.bytes} bytes`);
        buf.writeUInt16LE(data.length, at);
        data.copy(buf, at + 2);
      }
      return;
    }
    if (type === "bool") return void buf.writeUInt8(value ? 1 : 0, at);
    const e = this.enums[type];
    if (e) return this.writeInt(buf, at, e.width, BigInt(typeof value === "string" ? e.values[value]! : (value as number)));
    if (ints[type]) return this.writeInt(buf, at, ints[type]!, BigInt(value as number | string));
    this.writeStruct(buf, at, this.lay(this.spec.structs![type]!.fields, 1), value as Record<string, unknown>);
  }

  private writeInt(buf: Buffer, at: number, size: number, value: bigint): void {
    const unsigned = BigInt.asUintN(size * 8, value);
    for (let i = 0; i < size; i++) buf[at + i] = Number((unsigned >> BigInt(8 * i)) & 0xffn);
  }
}

/** Offsets in a payload of every padding byte, nested structs and array elements included. */
export function padOffsets(enc: WireEncoder, laid: Laid, base = 0): number[] {
  const covered = new Set<number>();
  const out: number[] = [];
  for (const f of laid.fields) {
    for (let i = 0; i < f.size; i++) covered.add(f.offset + i);
    out.push(...typePads(enc, f.type, base + f.offset));
  }
  for (let i = 0; i < laid.size; i++) if (!covered.has(i)) out.push(base + i);
  return out.sort((a, b) => a - b);
}

function typePads(enc: WireEncoder, type: ProtocolFieldType, at: number): number[] {
  if (typeof type === "object") {
    if (!("array" in type)) return [];
    const step = enc.measure(type.array).size;
    return Array.from({ length: type.length }, (_, i) => typePads(enc, type.array, at + i * step)).flat();
  }
  const s = enc.spec.structs?.[type];
  return s ? padOffsets(enc, enc.lay(s.fields, 1), at) : [];
}
