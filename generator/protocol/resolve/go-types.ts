/**
 * Go types of wire fields. Strings and blobs become fixed-size value types so a message struct
 * holds all its bytes inline: encoding and decoding copy into it and never allocate.
 */
import type { WireTypeIR } from "../ir.js";
import type { GoProtocolNames } from "./go-names.js";

/** The Go type a field of `type` has in a message struct, spelled with the package's names. */
export function goFieldType(type: WireTypeIR, names: GoProtocolNames): string {
  switch (type.kind) {
    case "int":
      return `${type.signed ? "int" : "uint"}${type.size * 8}`;
    case "bool":
      return "bool";
    case "enum":
      return names.enums.get(type.name)!.type;
    case "struct":
      return names.structs.get(type.name)!.type;
    case "array":
      return `[${type.length}]${goFieldType(type.element, names)}`;
    case "string":
      return names.texts.get(type.max)!;
    case "bytes":
      return names.blobs.get(type.max)!;
  }
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
