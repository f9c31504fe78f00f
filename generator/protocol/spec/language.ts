/**
 * The protocol spec language: the messages between a kernel driver and the Go helper it embeds,
 * carried over the User Mode Driver pipes. One spec gives a C header and a Go package that agree
 * on every byte.
 */

/** Fixed-width integers and a one-byte boolean (0 or 1 on the wire). */
export const protocolScalars = ["u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "bool"] as const;

/** One of protocolScalars. */
export type ProtocolScalar = (typeof protocolScalars)[number];

/** A fixed-length array of another field type. */
export interface ProtocolArray {
  array: ProtocolFieldType;
  length: number;
}

/**
 * A string of at most `string` bytes. On the wire it takes `string + 1` bytes: the text, a NUL,
 * and zero bytes after it; a frame whose string has no NUL within the bound is malformed.
 */
export interface ProtocolString {
  string: number;
}

/** A byte blob of at most `bytes` bytes: a u16 length, then `bytes` bytes, zero past the length. */
export interface ProtocolBytes {
  bytes: number;
}

/** A field's type: a scalar, the name of a declared enum or struct, or a bounded aggregate. */
export type ProtocolFieldType = ProtocolScalar | ProtocolArray | ProtocolString | ProtocolBytes | (string & {});

/** Named values of a field; a frame with any other value is malformed. */
export interface ProtocolEnum {
  doc?: string;
  /** Width on the wire (default u32). */
  width?: "u8" | "u16" | "u32";
  values: Record<string, number>;
}

/** A struct nested in messages. */
export interface ProtocolStruct {
  doc?: string;
  fields: Record<string, ProtocolFieldType>;
}

/** Which way a message travels: to the helper (kernel writes it), to the kernel, or both. */
export type ProtocolDirection = "to-helper" | "to-kernel" | "both";

/**
 * One message type. A message that is no call's request or reply is a notification: one way, in
 * its direction (`both`: each side may send it).
 */
export interface ProtocolMessage {
  doc?: string;
  /**
   * The type number on the wire: unique, 1 to 0xfeff, never reused for another meaning (0 is the
   * log message, 0xff00 to 0xffff the call runtime's control frames).
   */
  id: number;
  direction: ProtocolDirection;
  fields: Record<string, ProtocolFieldType>;
}

/**
 * A call: the driver sends `request` and waits for the helper's `reply`, matched by the frame's
 * sequence number. The request is sent only as this call's request; a reply may serve several
 * calls. Neither is a notification.
 */
export interface ProtocolCall {
  doc?: string;
  /** A message travelling `to-helper` only, the request of no other call. */
  request: string;
  /** A message travelling `to-kernel` only. */
  reply: string;
  /** How long the driver waits for the reply, 1 to 600000 ms. */
  timeoutMs: number;
}

/**
 * How the driver finds a hung helper: it pings it every `intervalMs` (100 to 60000) and restarts
 * it when a ping stays unanswered for `timeoutMs` (more than `intervalMs`, at most 600000).
 */
export interface ProtocolLiveness {
  intervalMs: number;
  timeoutMs: number;
}

/** A whole protocol. */
export interface ProtocolSpec {
  /** C prefix and Go package name: lower case, e.g. "eprog". */
  name: string;
  doc?: string;
  /** Bumped on any incompatible change; a frame with another version is rejected (-EPROTO). */
  version: number;
  /** 32-bit value that starts every frame. */
  magic: number;
  enums?: Record<string, ProtocolEnum>;
  structs?: Record<string, ProtocolStruct>;
  messages: Record<string, ProtocolMessage>;
  /** The calls the driver makes of the helper, by name (default none). */
  calls?: Record<string, ProtocolCall>;
  /** The heartbeat (default `{ intervalMs: 1000, timeoutMs: 5000 }`). */
  liveness?: ProtocolLiveness;
}

/** Declares a protocol; an identity function that gives the literal its type. */
export function defineProtocol(spec: ProtocolSpec): ProtocolSpec {
  return spec;
}
