/**
 * A struct's codec statements flattened to leaves: a scalar, string, byte blob or nested struct at
 * a byte offset, inside zero or more loops over array indexes, so the templates print each leaf
 * with one small partial. Offsets and sizes are the IR's; nothing here lays anything out.
 */
import type { WireStructIR, WireTypeIR } from "../ir.js";
import type { CProtocolNames, CStructNames } from "../resolve/c-names.js";

/** One codec statement: `kind` picks the partial, the rest is what that partial prints. */
export interface CLeaf {
  kind: string;
  loops: { tabs: string; index: string; length: number }[];
  tabs: string;
  at: string;
  lv: string;
  fn: string;
  cast: string;
  /** The wire read of an enum check: its value is looked up among the enum's. */
  read: string;
  size: number;
  lenLv: string;
}

const bits = (size: number) => size * 8;

/** The codec leaves of `s`, named `own`, for one action, pads included for `check`, in offset order. */
export function cLeaves(names: CProtocolNames, s: WireStructIR, own: CStructNames, action: "put" | "get" | "check"): CLeaf[] {
  const out: { offset: number; leaf: CLeaf }[] = [];
  const wire = names.wire;
  type Loop = { index: string; length: number; step: number };
  const walk = (type: WireTypeIR, offset: number, loops: Loop[], lv: string, lenLv: string, top: number): void => {
    const at = ["p", ...(offset > 0 ? [String(offset)] : []), ...loops.map((l) => `${l.index} * ${l.step}`)].join(" + ");
    const leaf = (kind: string, f: string, size = 0, cast = "", read = ""): void => {
      if (action === "check" && kind === "scalar") return; // every integer value is valid
      const printed = loops.map((l, i) => ({ tabs: "\t".repeat(i + 1), index: l.index, length: l.length }));
      out.push({ offset: top, leaf: { kind, loops: printed, tabs: "\t".repeat(loops.length + 1), at, lv, fn: f, cast, read, size, lenLv } });
    };
    const rw = action === "put" ? "put" : "get";
    switch (type.kind) {
      case "int":
        return leaf("scalar", wire(`${rw}_u${bits(type.size)}`), 0, type.signed ? `(__s${bits(type.size)})` : "");
      case "bool":
        return leaf(action === "check" ? "bool" : "scalar", wire(`${rw}_u8`));
      case "enum":
        if (action === "check") return leaf("enum", names.enums.get(type.name)!.validFn, 0, "", wire(`get_u${bits(type.size)}`));
        return leaf("scalar", wire(`${rw}_u${bits(type.size)}`));
      case "struct": {
        const nested = names.structs.get(type.name)!;
        return leaf("struct", { put: nested.putFn, get: nested.getFn, check: nested.checkFn }[action]);
      }
      case "string":
        return leaf("string", wire(`${action === "check" ? "valid" : action}_string`), type.max + 1);
      case "bytes":
        return leaf("bytes", wire(`${action === "check" ? "valid" : action}_bytes`), type.max);
      case "array": {
        const index = `i${loops.length}`;
        const element = `${lv}[${index}]`;
        const bytes = type.element.kind === "bytes";
        const inner = [...loops, { index, length: type.length, step: type.elementSize }];
        return walk(type.element, offset, inner, bytes ? `${element}.data` : element, bytes ? `${element}.len` : "", top);
      }
    }
  };
  for (const f of s.fields) {
    const { name, len } = own.members.get(f.name)!;
    walk(f.type, f.offset, [], `s->${name}`, f.type.kind === "bytes" ? `s->${len}` : "", f.offset);
  }
  if (action === "check") {
    for (const pad of s.pads) {
      const at = pad.offset > 0 ? `p + ${pad.offset}` : "p";
      out.push({ offset: pad.offset, leaf: { kind: "pad", loops: [], tabs: "\t", at, lv: "", fn: wire("zero"), cast: "", read: "", size: pad.size, lenLv: "" } });
    }
  }
  return out.sort((a, b) => a.offset - b.offset).map((o) => o.leaf);
}
