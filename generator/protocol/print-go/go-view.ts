/**
 * The view model of the Go protocol package: the IR and its Go names in, every name, number and
 * statement the templates print out. Every choice that depends on a kind is made here or in
 * go-codec.ts, so the templates only print. Names come from resolve/go-names.ts, the ones
 * resolve checked; layout comes from the IR unchanged.
 */
import { wrapComment } from "../../core/comment.js";
import type { ProtocolDirection } from "../spec/language.js";
import type { ProtocolIR, WireEnumIR, WireStructIR } from "../ir.js";
import { frameHeaderSize, logMessage, maxFrameSize } from "../spec/wire-format.js";
import { codecStatements, type GoLines } from "./go-codec.js";
import { goProtocolNames, type GoProtocolNames, type GoStructNames } from "../resolve/go-names.js";
import { goFieldType } from "../resolve/go-types.js";

const directionExpr: Record<ProtocolDirection, string> = { "to-kernel": "ToKernel", "to-helper": "ToHelper", both: "ToKernel | ToHelper" };
const directionText: Record<ProtocolDirection, string> = { "to-kernel": "helper to driver", "to-helper": "driver to helper", both: "either way" };

/**
 * The view of the whole package for the templates. `names` are the IR's Go names (resolve's,
 * by default). Throws when names clash: resolve reports those as spec errors, so only a
 * hand-made IR gets here with one.
 */
export function goProtocolView(ir: ProtocolIR, names: GoProtocolNames = goProtocolNames(ir)) {
  if (frameHeaderSize + ir.maxPayload > maxFrameSize) {
    throw new Error(`protocol ${ir.name}: a ${ir.maxPayload}-byte payload makes a frame larger than ${maxFrameSize} bytes`);
  }
  names.book.throwIfClashes(ir.name);
  const messages = ir.messages.map((m) => {
    const own = names.messages.get(m.name)!;
    const about = `type ${m.id}, ${directionText[m.direction]}, a ${m.size}-byte payload`;
    return {
      ...structView(m, own, names, `${own.type} is the payload of the message ${m.name} (${about}). ${m.doc}`),
      typeConst: own.typeConst,
      sizeConst: own.sizeConst,
      id: m.id,
      direction: directionExpr[m.direction],
      send: own.send,
    };
  });
  return {
    package: ir.name,
    doc: comment(`Package ${ir.name} is the Go side of the ${ir.name} protocol, version ${ir.version}. ${ir.doc}`),
    magic: `0x${ir.magic.toString(16).padStart(8, "0")}`,
    version: ir.version,
    maxPayload: ir.maxPayload,
    enums: ir.enums.map((e) => enumView(e, names)),
    texts: [...names.texts].map(([max, goName]) => ({ goName, max, size: max + 1 })),
    blobs: [...names.blobs].map(([max, goName]) => ({ goName, max })),
    structs: ir.structs.map((s) => {
      const own = names.structs.get(s.name)!;
      return structView(s, own, names, `${own.type} is the struct ${s.name}, ${s.size} bytes on the wire. ${s.doc}`);
    }),
    messages,
    typeWidth: widest(messages.map((m) => m.typeConst)),
    sizeWidth: widest(messages.map((m) => m.sizeConst)),
    msgWidth: widest(["Seq", ...messages.map((m) => m.goName)]),
    log: logView(ir, names),
    serve: serveView(ir, names),
  };
}

/** Handlers' methods and the dispatcher's cases: a call's request and reply, a notification's message. */
function serveView(ir: ProtocolIR, names: GoProtocolNames) {
  const message = (name: string) => names.messages.get(name)!;
  const oneLine = (doc: string) => doc.replace(/\s+/g, " ").trim();
  const calls = ir.calls.map((c) => {
    const method = names.handlers.calls.get(c.name)!;
    const req = message(c.request);
    const reply = message(c.reply);
    return {
      method,
      doc: indented(`${method} answers the call ${c.name}: it fills reply, which is sent when it returns. ${oneLine(c.doc)}`),
      request: req.type,
      requestConst: req.typeConst,
      reply: reply.type,
      replyConst: reply.typeConst,
      replySize: reply.sizeConst,
    };
  });
  const notifications = ir.notifications.toHelper.map((m) => {
    const method = names.handlers.notifications.get(m)!;
    const own = message(m);
    return { method, doc: indented(`${method} handles each ${m} message the driver sends.`), type: own.type, typeConst: own.typeConst };
  });
  return { calls, notifications, livenessTimeoutMs: ir.liveness.timeoutMs };
}

/** The view's type, for the emitter. */
export type GoProtocolView = ReturnType<typeof goProtocolView>;

/** An enum: its type, its values, and the case of Valid that lists them (none for no values). */
export function enumView(e: WireEnumIR, names: GoProtocolNames) {
  const own = names.enums.get(e.name)!;
  const goName = own.type;
  const values = e.values.map((v) => ({ name: own.values.get(v.name)!, value: v.value }));
  const nameWidth = widest(values.map((v) => v.name));
  return {
    goName,
    doc: comment(`${goName} is the enum ${e.name}, a uint${e.size * 8} on the wire. ${e.doc}`),
    wireType: `uint${e.size * 8}`,
    values: values.map((v) => `${v.name.padEnd(nameWidth)} ${goName} = ${v.value}`),
    validCase: values.length === 0 ? [] : [`case ${values.map((v) => v.name).join(", ")}:`, "\treturn true"],
  };
}

/** A struct or payload: its type declaration and the bodies of its codec methods. */
export function structView(s: WireStructIR, own: GoStructNames, names: GoProtocolNames, doc: string) {
  const fields = s.fields.map((f) => ({ name: own.fields.get(f.name)!, goType: goFieldType(f.type, names) }));
  const nameWidth = widest(fields.map((f) => f.name));
  const declaration: GoLines =
    fields.length === 0 ? [`type ${own.type} struct{}`] : [`type ${own.type} struct {`, ...fields.map((f) => `\t${f.name.padEnd(nameWidth)} ${f.goType}`), "}"];
  return {
    goName: own.type,
    doc: comment(doc),
    declaration,
    size: s.size,
    encode: codecStatements("encode", s, own, names),
    decode: codecStatements("decode", s, own, names),
  };
}

/** How Conn.Log fills the built-in log message: its Go names and its text bound, from the IR. */
function logView(ir: ProtocolIR, names: GoProtocolNames) {
  const log = ir.messages.find((m) => m.id === logMessage.id);
  const own = log && names.messages.get(log.name);
  const level = log?.fields.find((f) => f.type.kind === "enum");
  const text = log?.fields.find((f) => f.type.kind === "string");
  if (!log || !own || level?.type.kind !== "enum" || text?.type.kind !== "string") throw new Error(`protocol ${ir.name}: the IR has no log message`);
  return { goType: own.type, send: own.send, level: own.fields.get(level.name)!, levelType: names.enums.get(level.type.name)!.type, text: own.fields.get(text.name)!, max: text.type.max };
}

function widest(names: string[]): number {
  return Math.max(0, ...names.map((n) => n.length));
}

/** `text` as `//` comment lines of at most 100 columns. */
function comment(text: string): string[] {
  return wrapComment(text.trim(), "// ");
}

/** `text` as `//` comment lines one tab in, at most 100 columns with the tab as 4. */
function indented(text: string): string[] {
  return wrapComment(text.trim(), "// ", { width: 96 }).map((l) => `\t${l}`);
}
