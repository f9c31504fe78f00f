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

/** One message type. */
export interface ProtocolMessage {
  doc?: string;
  /** The type number on the wire: unique, 1 to 65535, never reused for another meaning. */
  id: number;
  direction: ProtocolDirection;
  fields: Record<string, ProtocolFieldType>;
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
}

/** Declares a protocol; an identity function that gives the literal its type. */
export function defineProtocol(spec: ProtocolSpec): ProtocolSpec {
  return spec;
}
