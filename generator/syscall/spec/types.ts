/**
 * The struct and constant spec language. Struct fields are declared with C-sized types; the
 * resolve stage lays them out with each arch's data model and adds the padding Go needs to match.
 */
import type { GoArch } from "./arch.js";

/** The sized integer field types: as many bytes on every arch. */
export const sizedFieldIntegers = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"] as const;

/** One of sizedFieldIntegers. */
export type SizedFieldInteger = (typeof sizedFieldIntegers)[number];

/** C's long and unsigned long as field types: a word on every arch. */
export const wordFieldIntegers = ["long", "ulong"] as const;

/** One of wordFieldIntegers. */
export type WordFieldInteger = (typeof wordFieldIntegers)[number];

/**
 * A field type: a sized integer, a C long (word-sized), a pointer (`*uint8` is a `*byte`),
 * another declared struct, or an array of one.
 */
export type FieldType = SizedFieldInteger | WordFieldInteger | `[${number}]${string}` | (string & {});

/** A field that needs more than a type. */
export interface FieldSpec {
  type: FieldType;
  /** Align the field as this type would be (for a member of a C union with a wider member). */
  alignAs?: FieldType;
}

/** A struct's fields in order. A name starting with "_" is reserved space, emitted as `_`. */
export type Fields = Record<string, FieldType | FieldSpec>;

/** Fields of a struct on a group of arches whose C definition differs from the others. */
export interface StructVariant {
  arches: GoArch[];
  fields: Fields;
}

/** A C struct the wrappers take, named as golang.org/x/sys/unix names it. */
export interface StructSpec {
  /** The C type, for the doc comment: "struct stat". */
  c: string;
  /** Fields where no variant applies. */
  fields?: Fields;
  /** Per-arch field lists, for structs the kernel defines differently per arch. */
  variants?: StructVariant[];
  /** Arches where the C struct is __attribute__((packed)). */
  packed?: GoArch[];
}

/** Declares a file of struct specs, Go type name to spec. */
export function defineStructs(specs: Record<string, StructSpec>): Record<string, StructSpec> {
  return specs;
}

/** A constant's value on every arch, or a default with per-arch exceptions. */
export type ConstantValue = number | bigint | ({ all: number | bigint } & Partial<Record<GoArch, number | bigint>>);

/** How a constant group's values are written in Go: hex like golang.org/x/sys/unix, or decimal. */
export type Radix = "hex" | "decimal";

/** A block of related constants. */
export interface ConstantGroup {
  /** What the group is, for the comment above the Go const block. */
  doc: string;
  /** Go type of the constants; untyped when absent. */
  type?: string;
  /** How values are written in Go. Default "hex". */
  radix?: Radix;
  values: Record<string, ConstantValue>;
}

/** Declares a file of constant groups. */
export function defineConstants(groups: Record<string, ConstantGroup>): Record<string, ConstantGroup> {
  return groups;
}
