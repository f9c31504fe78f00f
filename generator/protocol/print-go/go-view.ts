/**
 * The view model of the Go protocol package: the IR in, every name and number the templates print
 * out. Names come from go-protocol-names.ts, the ones validation checked; layout comes from the
 * IR unchanged.
 */
import { wrapComment } from "../../core/comment.js";
import type { ProtocolIR } from "../ir.js";
import { frameHeader, frameHeaderSize, logMessage, maxFrameSize } from "../spec/wire-format.js";
import { codecOps } from "./go-codec.js";
import { goProtocolNames, type GoProtocolNames, type GoStructNames } from "../resolve/go-names.js";
import { goFieldType } from "../resolve/go-types.js";

const directionExpr = { "to-kernel": "ToKernel", "to-helper": "ToHelper", both: "ToKernel | ToHelper" } as const;
const directionText = { "to-kernel": "helper to driver", "to-helper": "driver to helper", both: "either way" } as const;

/**
 * The view of the whole package for the goproto templates. Throws when names clash: validation
 * reports those as spec errors, so only a hand-made IR gets here with one.
 */
export function goProtocolView(ir: ProtocolIR) {
  if (frameHeaderSize + ir.maxPayload > maxFrameSize) {
    throw new Error(`protocol ${ir.name}: a ${ir.maxPayload}-byte payload makes a frame larger than ${maxFrameSize} bytes`);
  }
  const names = goProtocolNames(ir);
  names.book.throwIfClashes(ir.name);
  const texts = [...names.texts].map(([max, goName]) => ({ goName, max, size: max + 1 }));
  const blobs = [...names.blobs].map(([max, goName]) => ({ goName, max }));

  const enums = ir.enums.map((e) => {
    const own = names.enums.get(e.name)!;
    const goName = own.type;
    const values = e.values.map((v) => ({ name: own.values.get(v.name)!, value: v.value }));
    return { goName, doc: comment(`${goName} is the enum ${e.name}, a uint${e.size * 8} on the wire. ${e.doc}`), wireType: `uint${e.size * 8}`, values, nameWidth: widest(values) };
  });
  const struct = (s: (typeof ir.structs)[number], own: GoStructNames) => {
    const fields = s.fields.map((f) => ({ name: own.fields.get(f.name)!, goType: goFieldType(f.type, names) }));
    return { goName: own.type, fields, nameWidth: widest(fields), ops: codecOps(s, own, names), size: s.size };
  };
  const structs = ir.structs.map((s) => {
    const view = struct(s, names.structs.get(s.name)!);
    return { ...view, doc: comment(`${view.goName} is the struct ${s.name}, ${s.size} bytes on the wire. ${s.doc}`) };
  });
  const messages = ir.messages.map((m) => {
    const own = names.messages.get(m.name)!;
    const view = struct(m, own);
    const about = `type ${m.id}, ${directionText[m.direction]}, a ${m.size}-byte payload`;
    return {
      ...view,
      doc: comment(`${view.goName} is the payload of the message ${m.name} (${about}). ${m.doc}`),
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
    headerSize: frameHeaderSize,
    maxPayload: ir.maxPayload,
    // The largest frame of this protocol, as the C header's <PROTO>_MAX_FRAME: the Conn's buffers.
    maxFrame: frameHeaderSize + ir.maxPayload,
    header: frameHeader,
    enums,
    texts,
    blobs,
    structs,
    messages,
    typeWidth: widest(messages.map((m) => ({ name: m.typeConst }))),
    sizeWidth: widest(messages.map((m) => ({ name: m.sizeConst }))),
    msgWidth: widest(["Seq", ...messages.map((m) => m.goName)].map((name) => ({ name }))),
    log: logView(ir, names),
  };
}

/** The view's type, for the emitter. */
export type GoProtocolView = ReturnType<typeof goProtocolView>;

/** How Conn.Log fills the built-in log message: its Go names and its text bound, from the IR. */
function logView(ir: ProtocolIR, names: GoProtocolNames) {
  const log = ir.messages.find((m) => m.id === logMessage.id);
  const own = log && names.messages.get(log.name);
  const level = log?.fields.find((f) => f.type.kind === "enum");
  const text = log?.fields.find((f) => f.type.kind === "string");
  if (!log || !own || level?.type.kind !== "enum" || text?.type.kind !== "string") throw new Error(`protocol ${ir.name}: the IR has no log message`);
  return { goType: own.type, send: own.send, level: own.fields.get(level.name)!, levelType: names.enums.get(level.type.name)!.type, text: own.fields.get(text.name)!, max: text.type.max };
}

function widest(items: { name: string }[]): number {
  return Math.max(0, ...items.map((i) => i.name.length));
}

/** `text` as `//` comment lines of at most 100 columns. */
function comment(text: string): string[] {
  return wrapComment(text.trim(), "// ");
}
