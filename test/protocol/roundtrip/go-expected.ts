/**
 * Prints the Go helper's half of the conversation as a file of package main: the frames as demo.Msg
 * literals, a field-by-field comparison per struct and message (so a mismatch is reported by field
 * path, the spec's names as in the C peer's reports), and the send dispatch over message types.
 * Go names come from the generator's naming functions: they are the generated package's API.
 */
import { goCamel, goProtocolNames, type GoProtocolNames, type GoStructNames } from "../../../generator/protocol/resolve/go-names.js";
import type { ProtocolIR, WireMessageIR, WireStructIR, WireTypeIR } from "../../../generator/protocol/ir.js";
import type { FieldValue } from "../go/vector-encoder.js";
import { messagesIn, type Conversation, type Frame } from "./conversation.js";

const named = new WeakMap<ProtocolIR, GoProtocolNames>();

/** The generated package's names for `ir`, decided once per IR. */
function naming(ir: ProtocolIR): GoProtocolNames {
  if (!named.has(ir)) named.set(ir, goProtocolNames(ir));
  return named.get(ir)!;
}

/** The Go names of a struct or message. */
function own(ir: ProtocolIR, s: WireStructIR | WireMessageIR): GoStructNames {
  return ("id" in s ? naming(ir).messages : naming(ir).structs).get(s.name)!;
}

function goType(ir: ProtocolIR, type: WireTypeIR): string {
  const pkg = ir.name;
  switch (type.kind) {
    case "int":
      return `${type.signed ? "int" : "uint"}${type.size * 8}`;
    case "bool":
      return "bool";
    case "enum":
      return `${pkg}.${naming(ir).enums.get(type.name)!.type}`;
    case "struct":
      return `${pkg}.${naming(ir).structs.get(type.name)!.type}`;
    case "string":
      return `${pkg}.${naming(ir).texts.get(type.max)!}`;
    case "bytes":
      return `${pkg}.${naming(ir).blobs.get(type.max)!}`;
    case "array":
      return `[${type.length}]${goType(ir, type.element)}`;
  }
}

const goBytes = (data: Buffer) => [...data].map((b) => `0x${b.toString(16).padStart(2, "0")}`).join(", ");

function goValue(ir: ProtocolIR, type: WireTypeIR, v: FieldValue): string {
  switch (type.kind) {
    case "int":
    case "enum":
      // An untyped constant takes the field's type, so -1<<63 and 1<<64-1 need no conversion.
      return BigInt(v as number | string).toString();
    case "bool":
      return v ? "true" : "false";
    case "string":
      return `${goType(ir, type)}{${goBytes(Buffer.from(v as string, "utf8"))}}`;
    case "bytes": {
      const data = Buffer.from(v as string, "hex");
      return `${goType(ir, type)}{Len: ${data.length}, Data: [${type.max}]byte{${goBytes(data)}}}`;
    }
    case "array":
      return `${goType(ir, type)}{${(v as FieldValue[]).map((e) => goValue(ir, type.element, e)).join(", ")}}`;
    case "struct":
      return goStruct(ir, structNamed(ir, type.name), v as Record<string, FieldValue>);
  }
}

function goStruct(ir: ProtocolIR, s: WireStructIR, v: Record<string, FieldValue>): string {
  const parts = s.fields.map((f) => {
    const value = v[f.name];
    if (value === undefined) throw new Error(`${s.name}.${f.name} has no value`);
    return `${own(ir, s).fields.get(f.name)!}: ${goValue(ir, f.type, value)}`;
  });
  return `${ir.name}.${own(ir, s).type}{${parts.join(", ")}}`;
}

function structNamed(ir: ProtocolIR, name: string): WireStructIR {
  const s = ir.structs.find((x) => x.name === name);
  if (!s) throw new Error(`no struct ${name}`);
  return s;
}

/** Statements comparing one field (or array element) at any depth. */
function compareLeaf(type: WireTypeIR, got: string, want: string, path: string, depth: number, indent: string): string[] {
  switch (type.kind) {
    case "array": {
      const i = `i${depth}`;
      return [
        `${indent}for ${i} := range ${got} {`,
        ...compareLeaf(type.element, `${got}[${i}]`, `${want}[${i}]`, `${path}+"["+itoa(int64(${i}))+"]"`, depth + 1, `${indent}\t`),
        `${indent}}`,
      ];
    }
    case "int":
      return type.signed ? [`${indent}k.int(${path}, int64(${got}), int64(${want}))`] : [`${indent}k.uint(${path}, uint64(${got}), uint64(${want}))`];
    case "enum":
      return [`${indent}k.uint(${path}, uint64(${got}), uint64(${want}))`];
    case "bool":
      return [`${indent}k.bool(${path}, ${got}, ${want})`];
    case "string":
      return [`${indent}k.text(${path}, ${got}[:], ${want}[:])`];
    case "bytes":
      return [`${indent}k.blob(${path}, ${got}.Len, ${want}.Len, ${got}.Data[:], ${want}.Data[:])`];
    case "struct":
      return [`${indent}compareStruct${goCamel(type.name)}(k, ${path}, &${got}, &${want})`];
  }
}

function compareFunction(ir: ProtocolIR, kind: "Struct" | "Message", s: WireStructIR): string[] {
  const names = own(ir, s);
  const t = `${ir.name}.${names.type}`;
  const body = s.fields.flatMap((f) => compareLeaf(f.type, `got.${names.fields.get(f.name)!}`, `want.${names.fields.get(f.name)!}`, `path+".${f.name}"`, 0, "\t"));
  return [`func compare${kind}${goCamel(s.name)}(k *checker, path string, got, want *${t}) {`, ...body, "}", ""];
}

function frameLiteral(ir: ProtocolIR, f: Frame): string {
  const m = naming(ir).messages.get(f.message.name)!;
  const payload = goStruct(ir, f.message, f.vector.fields);
  return `\t{name: ${JSON.stringify(f.name)}, typ: ${ir.name}.${m.typeConst}, seq: 0x${f.seq.toString(16)}, msg: ${ir.name}.Msg{${m.type}: ${payload}}},`;
}

/** The Go file the helper builds with; it needs main.go's frame, checker and itoa. */
export function goExpected(conv: Conversation): string {
  const { ir } = conv;
  const pkg = ir.name;
  const structs = ir.structs.flatMap((s) => compareFunction(ir, "Struct", s));
  const messages = ir.messages.flatMap((s) => compareFunction(ir, "Message", s));
  return [
    "// Code generated by test/protocol/roundtrip/go-expected.ts from the golden vectors; DO NOT EDIT.",
    "",
    "package main",
    "",
    `import "syscallgen.local/go/${pkg}"`,
    "",
    "var toHelper = [...]frame{",
    ...conv.toHelper.map((f) => frameLiteral(ir, f)),
    "}",
    "",
    "var toKernel = [...]frame{",
    ...conv.toKernel.map((f) => frameLiteral(ir, f)),
    "}",
    "",
    ...structs,
    ...messages,
    "// comparePayload compares the payloads of type t in got and want, field by field; whole-struct",
    "// equality backs it up, in case a field has no comparison.",
    `func comparePayload(k *checker, t ${pkg}.MsgType, got, want *${pkg}.Msg) {`,
    "\tswitch t {",
    ...ir.messages.flatMap((m) => {
      const { type: M, typeConst } = naming(ir).messages.get(m.name)!;
      return [
        `\tcase ${pkg}.${typeConst}:`,
        `\t\tcompareMessage${goCamel(m.name)}(k, ${JSON.stringify(m.name)}, &got.${M}, &want.${M})`,
        `\t\tk.whole(${JSON.stringify(m.name)}, got.${M} == want.${M})`,
      ];
    }),
    "\tdefault:",
    '\t\tk.differ("type", itoa(int64(t)), "a known type")',
    "\t}",
    "}",
    "",
    `func send(c *${pkg}.Conn, f *frame) error {`,
    "\tswitch f.typ {",
    ...messagesIn(ir, conv.toKernel).flatMap((m) => {
      const { type: M, typeConst, send } = naming(ir).messages.get(m.name)!;
      return [`\tcase ${pkg}.${typeConst}:`, `\t\treturn c.${send}(f.seq, &f.msg.${M})`];
    }),
    "\t}",
    "\treturn errNoSender",
    "}",
    "",
  ].join("\n");
}
