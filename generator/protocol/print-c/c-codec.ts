/**
 * The bodies of a struct's three codec functions: put (struct to wire), get (wire to struct) and
 * check (every rule of the wire), as C statements. What each kind of field becomes is decided
 * here, one exhaustive switch per action, so the compiler finds a kind that is not handled; the
 * templates only print the lines. Offsets and sizes are the IR's; nothing here lays anything out.
 */
import type { WireStructIR, WireTypeIR } from "../ir.js";
import type { CProtocolNames, CStructNames } from "../resolve/c-names.js";
import { cInts } from "./c-types.js";

/** The three codec functions of a struct. */
export type CodecAction = "put" | "get" | "check";

/** A field with no array around it: what one codec statement reads or writes. */
type Leaf = Exclude<WireTypeIR, { kind: "array" }>;

/** Where a leaf is: its wire address (`p + 8 + i0 * 4`), its member and, for a blob, its length member. */
interface Place {
  at: string;
  lv: string;
  len: string;
}

const reject = "\treturn -EBADMSG;";

/** The statements that write a leaf to the wire (padding is already zero). */
function put(names: CProtocolNames, type: Leaf, { at, lv, len }: Place): string[] {
  switch (type.kind) {
    case "int":
    case "enum":
      return [`${cInts[type.size].put}(${at}, ${lv});`];
    case "bool":
      return [`${cInts[1].put}(${at}, ${lv});`];
    case "struct":
      return [`${names.structs.get(type.name)!.putFn}(${at}, &${lv});`];
    case "string":
      return [`sgwire_put_string(${at}, ${lv}, ${type.max + 1});`];
    case "bytes":
      return [`sgwire_put_bytes(${at}, ${len}, ${lv}, ${type.max});`];
  }
}

/** The statements that read a leaf the check accepted into its member. */
function get(names: CProtocolNames, type: Leaf, { at, lv, len }: Place): string[] {
  switch (type.kind) {
    case "int": {
      const { get, signed } = cInts[type.size];
      return [`${lv} = ${type.signed ? `(${signed})` : ""}${get}(${at});`];
    }
    case "enum":
      return [`${lv} = ${cInts[type.size].get}(${at});`];
    case "bool":
      return [`${lv} = ${cInts[1].get}(${at});`];
    case "struct":
      return [`${names.structs.get(type.name)!.getFn}(${at}, &${lv});`];
    case "string":
      return [`sgwire_get_string(${at}, ${lv}, ${type.max + 1});`];
    case "bytes":
      return [`${len} = sgwire_get_bytes(${at}, ${lv}, ${type.max});`];
  }
}

/** The statements that refuse a leaf breaking a rule of the wire; none where every value is valid. */
function check(names: CProtocolNames, type: Leaf, { at }: Place): string[] {
  switch (type.kind) {
    case "int":
      return [];
    case "enum":
      return [`if (!${names.enums.get(type.name)!.validFn}(${cInts[type.size].get}(${at})))`, reject];
    case "bool":
      return [`if (${cInts[1].get}(${at}) > 1)`, reject];
    case "struct":
      return [`if (${names.structs.get(type.name)!.checkFn}(${at}))`, reject];
    case "string":
      return [`if (!sgwire_valid_string(${at}, ${type.max + 1}))`, reject];
    case "bytes":
      return [`if (!sgwire_valid_bytes(${at}, ${type.max}))`, reject];
  }
}

const actions = { put, get, check } satisfies Record<CodecAction, unknown>;

/** A codec function's body: the loop indexes it declares, and its statements, one line each. */
export interface CodecBody {
  indexes: string[];
  lines: string[];
}

/** A wire address: `p`, then the offset, then each enclosing loop's index times its step. */
function address(offset: number, steps: string[]): string {
  return ["p", ...(offset > 0 ? [String(offset)] : []), ...steps].join(" + ");
}

/** The statements of `action` for `s`, whose C names are `own`, in offset order, pads checked too. */
export function codecBody(names: CProtocolNames, s: WireStructIR, own: CStructNames, action: CodecAction): CodecBody {
  let depth = 0;
  // An array is a loop around its element's statements, with index `i<n>` at nesting depth n;
  // no loop where the element has no statement (an array of integers has nothing to check).
  const walk = (type: WireTypeIR, offset: number, steps: string[], place: Omit<Place, "at">): string[] => {
    if (type.kind !== "array") return actions[action](names, type, { ...place, at: address(offset, steps) });
    const index = `i${steps.length}`;
    const element = `${place.lv}[${index}]`;
    const blob = type.element.kind === "bytes";
    const member = blob ? { lv: `${element}.data`, len: `${element}.len` } : { lv: element, len: "" };
    const inner = walk(type.element, offset, [...steps, `${index} * ${type.elementSize}`], member);
    if (inner.length === 0) return [];
    depth = Math.max(depth, steps.length + 1);
    return [`for (${index} = 0; ${index} < ${type.length}; ${index}++)`, ...inner.map((l) => `\t${l}`)];
  };
  const statements = s.fields.map((f) => {
    const { name, len } = own.members.get(f.name)!;
    return { offset: f.offset, lines: walk(f.type, f.offset, [], { lv: `s->${name}`, len: `s->${len}` }) };
  });
  if (action === "check") {
    for (const pad of s.pads) statements.push({ offset: pad.offset, lines: [`if (!sgwire_zero(${address(pad.offset, [])}, ${pad.size}))`, reject] });
  }
  const lines = statements.sort((a, b) => a.offset - b.offset).flatMap((st) => st.lines);
  return { indexes: Array.from({ length: depth }, (_, i) => `i${i}`), lines };
}
