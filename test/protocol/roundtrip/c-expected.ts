/**
 * Prints the C peer's half of the conversation as an include file: the frames as struct demo_msg
 * initializers, a field-by-field comparison per struct and message (so a mismatch is reported by
 * field path), and the send and size dispatch over message types. The spelling of the header's
 * names is the header's documented API: `struct <p>_<name>`, `<P>_MSG_<NAME>`, `<p>_send_<name>`,
 * a byte blob member `x` flattened to `x_len` and `x`.
 */
import type { ProtocolIR, WireFieldIR, WireStructIR, WireTypeIR } from "../../../generator/protocol/ir.js";
import type { FieldValue } from "../go/vector-encoder.js";
import { messagesIn, type Conversation, type Frame } from "./conversation.js";

/** A C string literal of exactly these bytes; octal escapes are three digits, so never greedy. */
function cString(text: string): string {
  const safe = (c: number) => c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c && c !== 0x3f;
  return `"${[...Buffer.from(text, "utf8")].map((c) => (safe(c) ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, "0")}`)).join("")}"`;
}

function cBytes(hex: string): string {
  const data = [...Buffer.from(hex, "hex")];
  return data.length === 0 ? "{}" : `{ ${data.map((b) => `0x${b.toString(16).padStart(2, "0")}`).join(", ")} }`;
}

function cInt(type: { size: number; signed: boolean }, v: FieldValue): string {
  const n = BigInt(v as number | string);
  if (!type.signed) return `${n}ULL`;
  // -2^63 has no literal: 9223372036854775808LL does not fit, so it is spelled as a sum.
  return n === -(1n << BigInt(type.size * 8 - 1)) ? `(${n + 1n}LL - 1)` : `${n}LL`;
}

function cValue(ir: ProtocolIR, type: WireTypeIR, v: FieldValue): string {
  switch (type.kind) {
    case "int":
      return cInt(type, v);
    case "enum":
      return `${BigInt(v as number | string)}U`;
    case "bool":
      return v ? "1" : "0";
    case "string":
      return cString(v as string);
    case "bytes":
      // Only an array element gets here: the header's { len, data } struct.
      return `{ .len = ${Buffer.from(v as string, "hex").length}, .data = ${cBytes(v as string)} }`;
    case "array":
      return `{ ${(v as FieldValue[]).map((e) => cValue(ir, type.element, e)).join(", ")} }`;
    case "struct":
      return cStruct(ir, structNamed(ir, type.name), v as Record<string, FieldValue>);
  }
}

function cStruct(ir: ProtocolIR, s: WireStructIR, v: Record<string, FieldValue>): string {
  const parts = s.fields.map((f) => {
    const value = v[f.name];
    if (value === undefined) throw new Error(`${s.name}.${f.name} has no value`);
    if (f.type.kind === "bytes") return `.${f.name}_len = ${Buffer.from(value as string, "hex").length}, .${f.name} = ${cBytes(value as string)}`;
    return `.${f.name} = ${cValue(ir, f.type, value)}`;
  });
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

function structNamed(ir: ProtocolIR, name: string): WireStructIR {
  const s = ir.structs.find((x) => x.name === name);
  if (!s) throw new Error(`no struct ${name}`);
  return s;
}

/** Statements comparing one field (or array element) at any depth; `fmt` builds its path. */
function compareLeaf(type: WireTypeIR, got: string, want: string, fmt: string, idx: string[], indent: string): string[] {
  if (type.kind === "array") {
    const i = `i${idx.length}`;
    return [
      `${indent}for (unsigned int ${i} = 0; ${i} < ${type.length}; ${i}++) {`,
      ...compareLeaf(type.element, `${got}[${i}]`, `${want}[${i}]`, `${fmt}[%u]`, [...idx, i], `${indent}\t`),
      `${indent}}`,
    ];
  }
  const path = `${indent}at(sub, "${fmt}", path${idx.map((i) => `, ${i}`).join("")});`;
  switch (type.kind) {
    case "int":
      return [path, type.signed ? `${indent}check_int(sub, ${got}, ${want});` : `${indent}check_uint(sub, ${got}, ${want});`];
    case "enum":
    case "bool":
      return [path, `${indent}check_uint(sub, ${got}, ${want});`];
    case "string":
      return [path, `${indent}check_text(sub, ${got}, ${want}, ${type.max + 1});`];
    case "bytes":
      return [path, `${indent}check_blob(sub, ${got}.len, ${got}.data, ${want}.len, ${want}.data, ${type.max});`];
    case "struct":
      return [path, `${indent}compare_struct_${type.name}(sub, &${got}, &${want});`];
  }
}

function compareFunction(prefix: string, kind: "struct" | "message", s: WireStructIR): string[] {
  const body = s.fields.flatMap((f: WireFieldIR) => {
    if (f.type.kind === "bytes") {
      return [
        `\tat(sub, "%s.${f.name}", path);`,
        `\tcheck_blob(sub, got->${f.name}_len, got->${f.name}, want->${f.name}_len, want->${f.name}, ${f.type.max});`,
      ];
    }
    return compareLeaf(f.type, `got->${f.name}`, `want->${f.name}`, `%s.${f.name}`, [], "\t");
  });
  return [
    `static inline void compare_${kind}_${s.name}(const char *path, const struct ${prefix}_${s.name} *got, const struct ${prefix}_${s.name} *want)`,
    "{",
    ...(body.length > 0 ? ["\tchar sub[PATH_SIZE];", "", ...body] : ["\t(void)path;", "\t(void)got;", "\t(void)want;"]),
    "}",
    "",
  ];
}

function frameInit(ir: ProtocolIR, f: Frame): string {
  const P = ir.name.toUpperCase();
  const payload = cStruct(ir, f.message, f.vector.fields);
  return `\t{ ${cString(f.name)}, { .type = ${P}_MSG_${f.message.name.toUpperCase()}, .seq = 0x${f.seq.toString(16)}U, .u.${f.message.name} = ${payload} } },`;
}

/** The include file peer.c builds with; it needs peer.c's struct frame and check_*() first. */
export function cExpected(conv: Conversation): string {
  const { ir } = conv;
  const p = ir.name;
  const P = p.toUpperCase();
  const cases = (body: (name: string) => string[]) => ir.messages.flatMap((m) => [`\tcase ${P}_MSG_${m.name.toUpperCase()}:`, ...body(m.name)]);
  return [
    "/* Generated by test/protocol/roundtrip/c-expected.ts from the golden vectors. */",
    "",
    `static const struct frame to_helper[] = {`,
    ...conv.toHelper.map((f) => frameInit(ir, f)),
    "};",
    "",
    `static const struct frame to_kernel[] = {`,
    ...conv.toKernel.map((f) => frameInit(ir, f)),
    "};",
    "",
    ...ir.structs.flatMap((s) => compareFunction(p, "struct", s)),
    ...ir.messages.flatMap((m) => compareFunction(p, "message", m)),
    "/* Compares the payloads of two messages of want's type, field by field. */",
    `static void compare_payload(const struct ${p}_msg *got, const struct ${p}_msg *want)`,
    "{",
    "\tswitch (want->type) {",
    ...cases((name) => [`\t\tcompare_message_${name}(${cString(name)}, &got->u.${name}, &want->u.${name});`, "\t\tbreak;"]),
    "\t}",
    "}",
    "",
    "/* A message type's name in the spec, or NULL. */",
    "static const char *message_name(int type)",
    "{",
    "\tswitch (type) {",
    ...cases((name) => [`\t\treturn ${cString(name)};`]),
    "\t}",
    "\treturn NULL;",
    "}",
    "",
    "/* The size of a type's payload struct: how much of the union memcmp() may compare. */",
    "static size_t payload_size(unsigned int type)",
    "{",
    "\tswitch (type) {",
    ...cases((name) => [`\t\treturn sizeof(struct ${p}_${name});`]),
    "\t}",
    "\treturn 0;",
    "}",
    "",
    `static int send_frame(int fd, const struct ${p}_msg *m)`,
    "{",
    "\tswitch (m->type) {",
    ...messagesIn(ir, conv.toHelper).flatMap((m) => [
      `\tcase ${P}_MSG_${m.name.toUpperCase()}:`,
      `\t\treturn ${p}_send_${m.name}(fd, m->seq, &m->u.${m.name});`,
    ]),
    "\t}",
    "\treturn -ENOSYS;",
    "}",
    "",
  ].join("\n");
}
