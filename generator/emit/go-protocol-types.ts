/**
 * Go types of wire fields. Strings and blobs become fixed-size value types so a message struct
 * holds all its bytes inline: encoding and decoding copy into it and never allocate.
 */
import type { WireTypeIR } from "../resolve/protocol-ir.js";
import { goCamel } from "./go-protocol-names.js";

/** The Go type a field of `type` has in a message struct. */
export function goFieldType(type: WireTypeIR): string {
  switch (type.kind) {
    case "int":
      return `${type.signed ? "int" : "uint"}${type.size * 8}`;
    case "bool":
      return "bool";
    case "enum":
    case "struct":
      return goCamel(type.name);
    case "array":
      return `[${type.length}]${goFieldType(type.element)}`;
    case "string":
      return textTypeName(type.max);
    case "bytes":
      return blobTypeName(type.max);
  }
}

/** The array type of a string field of at most `max` bytes (max + 1 with its NUL). */
export function textTypeName(max: number): string {
  return `String${max}`;
}

/** The struct type of a bytes field of at most `max` bytes. */
export function blobTypeName(max: number): string {
  return `Bytes${max}`;
}

/** The string and bytes bounds used anywhere in `types` (arrays included), each once, ascending. */
export function boundsUsed(types: WireTypeIR[]): { texts: number[]; blobs: number[] } {
  const texts = new Set<number>();
  const blobs = new Set<number>();
  const visit = (type: WireTypeIR): void => {
    if (type.kind === "string") texts.add(type.max);
    if (type.kind === "bytes") blobs.add(type.max);
    if (type.kind === "array") visit(type.element);
  };
  types.forEach(visit);
  const ascending = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { texts: ascending(texts), blobs: ascending(blobs) };
}
