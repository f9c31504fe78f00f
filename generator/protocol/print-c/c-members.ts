/**
 * A struct's C members: one per field (a byte blob as a length and an array), a `__padN` byte
 * array per pad, at the IR's offsets, each with the kernel-doc line that describes it.
 */
import type { WireStructIR, WireTypeIR } from "../ir.js";
import type { CProtocolNames, CStructNames } from "../resolve/c-names.js";
import { cInts } from "./c-types.js";

/** A member of a C struct: its declaration and the text kernel-doc prints for it. */
export interface CMember {
  name: string;
  decl: string;
  doc: string;
  offset: number;
}

const bits = (size: number) => size * 8;

/** The C type of a field (without the array dimensions) and its dimensions. */
function cType(names: CProtocolNames, type: WireTypeIR): { base: string; dims: string } {
  switch (type.kind) {
    case "int":
      return { base: cInts[type.size][type.signed ? "signed" : "unsigned"], dims: "" };
    case "bool":
      return { base: cInts[1].unsigned, dims: "" };
    case "enum":
      return { base: cInts[type.size].unsigned, dims: "" };
    case "struct":
      return { base: `struct ${names.structs.get(type.name)!.tag}`, dims: "" };
    case "string":
      return { base: "char", dims: `[${type.max + 1}]` };
    case "bytes":
      // Only an array element gets here. Its max is even (validation sees to it), so the element
      // is exactly the IR's 2 + max bytes with no attribute: C adds no padding to it (and the
      // static_asserts would say so of a hand-made IR with an odd one).
      return { base: `struct { __u16 len; __u8 data[${type.max}]; }`, dims: "" };
    case "array": {
      const element = cType(names, type.element);
      return { base: element.base, dims: `[${type.length}]${element.dims}` };
    }
  }
}

/** What kernel-doc says about a field: its wire type, since the spec gives fields no prose. */
function describe(names: CProtocolNames, type: WireTypeIR): string {
  switch (type.kind) {
    case "int":
      return `${type.signed ? "signed" : "unsigned"} ${bits(type.size)}-bit integer`;
    case "bool":
      return "boolean, 0 or 1";
    case "enum":
      return `one of enum ${names.enums.get(type.name)!.tag}`;
    case "struct":
      return `a struct ${names.structs.get(type.name)!.tag}`;
    case "string":
      return `NUL-terminated text of at most ${type.max} bytes, zeros after the NUL`;
    case "bytes":
      return `at most ${type.max} bytes, zeros past the length`;
    case "array":
      return `${type.length} of: ${describe(names, type.element)}`;
  }
}

/** The members of `s`, named `own`, in offset order: its fields, and a `__padN` array for each pad. */
export function cMembers(names: CProtocolNames, s: WireStructIR, own: CStructNames): CMember[] {
  // A one-byte pad is a plain byte: a one-element array at a struct's end reads as a fake flexible array.
  const padDecl = (i: number, size: number) => (size === 1 ? `__u8 __pad${i};` : `__u8 __pad${i}[${size}];`);
  const members: CMember[] = s.pads.map((pad, i) => ({ name: `__pad${i}`, decl: padDecl(i, pad.size), doc: "zero", offset: pad.offset }));
  for (const f of s.fields) {
    const { name, len } = own.members.get(f.name)!;
    if (f.type.kind === "bytes") {
      members.push({ name: len, decl: `__u16 ${len};`, doc: `length of @${name}, at most ${f.type.max}`, offset: f.offset });
      members.push({ name, decl: `__u8 ${name}[${f.type.max}];`, doc: describe(names, f.type), offset: f.offset + 2 });
      continue;
    }
    const { base, dims } = cType(names, f.type);
    members.push({ name, decl: `${base} ${name}${dims};`, doc: describe(names, f.type), offset: f.offset });
  }
  return members.sort((a, b) => a.offset - b.offset);
}
