/**
 * The wire IR of a protocol: every byte of every frame decided once, so the C and Go emitters
 * print the same layout and neither makes a layout decision of its own. The frame header and
 * size limits are in spec/wire-format.ts.
 */
import type { ProtocolDirection } from "./spec/language.js";

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

/**
 * A call the driver makes of the helper: its request (a message travelling to the helper only)
 * and its reply (one travelling to the kernel only), by message name, and its timeout.
 */
export interface CallIR {
  name: string;
  doc: string;
  request: string;
  reply: string;
  timeoutMs: number;
}

/**
 * The notifications of a protocol, by message name in type order: the messages that are no
 * call's request or reply, the log message aside (the runtime prints it). A message sent both
 * ways is in both lists.
 */
export interface NotificationsIR {
  /** Sent by the helper: the driver's ops handle them. */
  toKernel: string[];
  /** Sent by the driver: the helper's Handlers handle them. */
  toHelper: string[];
}

/** The heartbeat: the driver pings every intervalMs and restarts a helper silent for timeoutMs. */
export interface LivenessIR {
  intervalMs: number;
  timeoutMs: number;
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
  /** Calls in declaration order. */
  calls: CallIR[];
  notifications: NotificationsIR;
  liveness: LivenessIR;
}
