/**
 * The wire IR of a protocol: every byte of every frame decided once, so the C and Go emitters
 * print the same layout and neither makes a layout decision of its own.
 *
 * Wire format: a 16-byte frame header, then the payload. Every integer is little-endian on every
 * arch. A frame is at most PIPE_BUF (4096) bytes, so one write of it is atomic on a pipe.
 */
import type { ProtocolDirection } from "./spec/language.js";

/** Size of the frame header. */
export const frameHeaderSize = 16;

/** Largest frame: one pipe write of at most PIPE_BUF bytes is atomic. */
export const maxFrameSize = 4096;

/** Offsets of the frame header's fields: magic u32, version u16, type u16, length u32, seq u32. */
export const frameHeader = { magic: 0, version: 4, type: 6, length: 8, seq: 12 } as const;

/** How a field's bytes are read and written. */
export type WireTypeIR =
  | { kind: "int"; size: 1 | 2 | 4 | 8; signed: boolean }
  | { kind: "bool" } // one byte, 0 or 1
  | { kind: "enum"; name: string; size: 1 | 2 | 4 } // unsigned, one of the enum's values
  | { kind: "struct"; name: string }
  | { kind: "array"; element: WireTypeIR; length: number; elementSize: number }
  | { kind: "string"; max: number } // max bytes of text, then NUL; max + 1 bytes on the wire
  | { kind: "bytes"; max: number }; // u16 length at +0, then max bytes from +2

/** A named field at a fixed offset of its struct or payload. */
export interface WireFieldIR {
  name: string;
  type: WireTypeIR;
  offset: number;
  size: number;
}

/** Bytes of a struct or payload that belong to no field: always zero on the wire. */
export interface WirePadIR {
  offset: number;
  size: number;
}

/** A struct or message payload laid out on the wire. */
export interface WireStructIR {
  name: string;
  doc: string;
  size: number;
  align: number;
  fields: WireFieldIR[];
  pads: WirePadIR[];
}

/** A message: its payload layout, its type number and its direction. */
export interface WireMessageIR extends WireStructIR {
  id: number;
  direction: ProtocolDirection;
}

/** An enum and its values, in declaration order. */
export interface WireEnumIR {
  name: string;
  doc: string;
  size: 1 | 2 | 4;
  values: { name: string; value: number }[];
}

/** A protocol, fully laid out. */
export interface ProtocolIR {
  name: string;
  doc: string;
  version: number;
  magic: number;
  enums: WireEnumIR[];
  /** Nested structs, each after the structs it contains. */
  structs: WireStructIR[];
  /** Messages by type number; the log message (type 0) is added to every protocol. */
  messages: WireMessageIR[];
  /** The largest payload of any message. */
  maxPayload: number;
}
