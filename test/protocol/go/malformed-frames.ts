/**
 * Frames that break one wire rule each, made by changing one thing in a valid frame at offsets
 * from the IR: every header rule for every message, and every payload rule at every place it
 * applies (pads, enums, bools, strings, blobs, nested structs, first and last array elements).
 */
import type { ProtocolIR, WireMessageIR, WireStructIR, WireTypeIR } from "../../../generator/protocol/ir.js";
import { frameHeader, frameHeaderSize } from "../../../generator/protocol/spec/wire-format.js";
import type { Vector } from "./vector-encoder.js";

/** A malformed frame and how DecodeFrame must reject it when accepting `accept`. */
export interface MalformedFrame {
  name: string;
  hex: string;
  /** Directions accepted, as Go expressions' names joined by `|`. */
  accept: string;
  errno: "EBADMSG" | "EPROTO";
}

const masks = { "to-kernel": "ToKernel", "to-helper": "ToHelper", both: "ToKernel|ToHelper" } as const;

/** The directions a message is accepted for, as MalformedFrame.accept spells them. */
export function acceptOf(m: WireMessageIR): string {
  return masks[m.direction];
}

/** Every malformed variant of the first vector of each message. */
export function malformedFrames(ir: ProtocolIR, vectors: Vector[]): MalformedFrame[] {
  const out: MalformedFrame[] = [];
  const unusedType = [...Array(65536).keys()].find((id) => !ir.messages.some((m) => m.id === id))!;
  for (const m of ir.messages) {
    const base = Buffer.from(vectors.find((v) => v.message === m.name)!.hex, "hex");
    const accept = acceptOf(m);
    const add = (rule: string, change: (b: Buffer) => unknown, errno: MalformedFrame["errno"] = "EBADMSG", mask = accept) => {
      const copy = Buffer.from(base);
      // A change returns the frame when it cuts or extends it; Buffer writes return offsets.
      const result = change(copy);
      const frame = Buffer.isBuffer(result) ? result : copy;
      out.push({ name: `${m.name}/${rule}`, hex: frame.toString("hex"), accept: mask, errno });
    };
    add("magic", flipMagic);
    add("version", (b) => b.writeUInt16LE(ir.version + 1, frameHeader.version), "EPROTO");
    add("magic-before-version", (b) => {
      flipMagic(b);
      b.writeUInt16LE(ir.version + 1, frameHeader.version);
    });
    add("unknown-type", (b) => b.writeUInt16LE(unusedType, frameHeader.type));
    if (m.direction !== "both") add("direction", () => {}, "EBADMSG", m.direction === "to-kernel" ? "ToHelper" : "ToKernel");
    add("length-short", (b) => b.writeUInt32LE(m.size - 1 >>> 0, frameHeader.length));
    add("length-long", (b) => b.writeUInt32LE(m.size + 1, frameHeader.length));
    add("truncated-header", (b) => b.subarray(0, frameHeaderSize - 1));
    if (m.size > 0) add("truncated", (b) => b.subarray(0, b.length - 1));
    add("over-long", (b) => Buffer.concat([b, Buffer.alloc(1)]));
    for (const [where, change] of payloadBreaks(ir, m, frameHeaderSize, base)) add(where, change);
  }
  return out;
}

function flipMagic(b: Buffer): void {
  b.writeUInt8(b.readUInt8(frameHeader.magic) ^ 0xff, frameHeader.magic);
}

type Break = [string, (b: Buffer) => void];

function payloadBreaks(ir: ProtocolIR, s: WireStructIR, at: number, base: Buffer, path = ""): Break[] {
  const breaks: Break[] = s.pads.map((p) => [`${path}pad@${p.offset}`, (b) => void (b[at + p.offset + p.size - 1] = 1)]);
  for (const f of s.fields) breaks.push(...typeBreaks(ir, f.type, at + f.offset, base, `${path}${f.name}`));
  return breaks;
}

function typeBreaks(ir: ProtocolIR, type: WireTypeIR, at: number, base: Buffer, path: string): Break[] {
  switch (type.kind) {
    case "int":
      return [];
    case "bool":
      return [[`${path}/bool-2`, (b) => void (b[at] = 2)]];
    case "enum": {
      const values = new Set(ir.enums.find((e) => e.name === type.name)!.values.map((v) => v.value));
      const bad = [...Array(values.size + 1).keys()].find((n) => !values.has(n))!;
      return [[`${path}/enum-${bad}`, (b) => void b.writeUIntLE(bad, at, type.size)]];
    }
    case "string":
      const breaks: Break[] = [[`${path}/no-nul`, (b) => void b.fill(0x61, at, at + type.max + 1)]];
      // A NUL first and a byte in the last place: text ended, yet not all zero after it.
      if (type.max > 0) breaks.push([`${path}/after-nul`, (b) => void ((b[at] = 0), (b[at + type.max] = 0x61))]);
      return breaks;
    case "bytes": {
      const length = base.readUInt16LE(at);
      const breaks: Break[] = [[`${path}/length-over`, (b) => b.writeUInt16LE(type.max + 1, at)]];
      if (length < type.max) breaks.push([`${path}/past-length`, (b) => void (b[at + 2 + type.max - 1] = 1)]);
      return breaks;
    }
    case "struct":
      return payloadBreaks(ir, ir.structs.find((s) => s.name === type.name)!, at, base, `${path}.`);
    case "array": {
      const last = type.length - 1;
      const first = typeBreaks(ir, type.element, at, base, `${path}[0]`);
      return last === 0 ? first : [...first, ...typeBreaks(ir, type.element, at + last * type.elementSize, base, `${path}[${last}]`)];
    }
  }
}
