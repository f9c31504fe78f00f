/**
 * The view model of the Go protocol package: the IR in, every name and number the templates print
 * out. Names are decided (and checked for clashes) here; layout comes from the IR unchanged.
 */
import { frameHeader, frameHeaderSize, maxFrameSize, type ProtocolIR, type WireStructIR } from "../resolve/protocol-ir.js";
import { logMessage } from "../resolve/protocol-layout.js";
import { codecOps } from "./go-protocol-codec.js";
import { fixedPackageNames, goCamel, GoScope, messageMethodNames, msgFixedFields } from "./go-protocol-names.js";
import { boundsUsed, blobTypeName, goFieldType, textTypeName } from "./go-protocol-types.js";

const directionExpr = { "to-kernel": "ToKernel", "to-helper": "ToHelper", both: "ToKernel | ToHelper" } as const;
const directionText = { "to-kernel": "helper to driver", "to-helper": "driver to helper", both: "either way" } as const;

/** The view of the whole package for the goproto templates. */
export function goProtocolView(ir: ProtocolIR) {
  if (frameHeaderSize + ir.maxPayload > maxFrameSize) {
    throw new Error(`protocol ${ir.name}: a ${ir.maxPayload}-byte payload makes a frame larger than ${maxFrameSize} bytes`);
  }
  const scope = new GoScope(`package ${ir.name}`);
  fixedPackageNames.forEach((name) => scope.declare(name, `the package's own ${name}`));
  const bounds = boundsUsed([...ir.structs, ...ir.messages].flatMap((s) => s.fields.map((f) => f.type)));
  const texts = bounds.texts.map((max) => ({ goName: scope.declare(textTypeName(max), `string{${max}}`), max, size: max + 1 }));
  const blobs = bounds.blobs.map((max) => ({ goName: scope.declare(blobTypeName(max), `bytes{${max}}`), max }));

  const enums = ir.enums.map((e) => {
    const goName = scope.declare(goCamel(e.name), `enum ${e.name}`);
    // The built-in levels read as printk's (LogErr, LogDebug), not LogLevelErr.
    const prefix = e.name === "log_level" ? goCamel(logMessage.name) : goName;
    const values = e.values.map((v) => ({ name: scope.declare(prefix + goCamel(v.name), `${e.name} value ${v.name}`), value: v.value }));
    return { goName, doc: comment(`${goName} is the enum ${e.name}, a uint${e.size * 8} on the wire. ${e.doc}`), wireType: `uint${e.size * 8}`, values, nameWidth: widest(values) };
  });
  const struct = (s: WireStructIR, what: string, methods: string[]) => {
    const goName = scope.declare(goCamel(s.name), `${what} ${s.name}`);
    const fieldScope = new GoScope(`struct ${goName}`);
    methods.forEach((m) => fieldScope.declare(m, `method ${m}`));
    const fields = s.fields.map((f) => ({ name: fieldScope.declare(goCamel(f.name), `field ${f.name}`), goType: goFieldType(f.type) }));
    return { goName, fields, nameWidth: widest(fields), ops: codecOps(s), size: s.size };
  };
  const structs = ir.structs.map((s) => {
    const view = struct(s, "struct", []);
    return { ...view, doc: comment(`${view.goName} is the struct ${s.name}, ${s.size} bytes on the wire. ${s.doc}`) };
  });
  const messages = ir.messages.map((m) => {
    const view = struct(m, "message", messageMethodNames);
    const about = `type ${m.id}, ${directionText[m.direction]}, a ${m.size}-byte payload`;
    return {
      ...view,
      doc: comment(`${view.goName} is the payload of the message ${m.name} (${about}). ${m.doc}`),
      typeConst: scope.declare(`Msg${view.goName}`, `the type of message ${m.name}`),
      sizeConst: scope.declare(`${view.goName}Size`, `the size of message ${m.name}`),
      id: m.id,
      direction: directionExpr[m.direction],
      send: `Send${view.goName}`,
    };
  });
  const msgScope = new GoScope("struct Msg");
  msgFixedFields.forEach((name) => msgScope.declare(name, `Msg's own ${name}`));
  messages.forEach((m) => msgScope.declare(m.goName, `message ${m.goName}`));

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
    log: logView(ir, messages),
  };
}

/** The view's type, for the emitter. */
export type GoProtocolView = ReturnType<typeof goProtocolView>;

/** How Conn.Log fills the built-in log message: its Go names and its text bound, from the IR. */
function logView(ir: ProtocolIR, messages: { goName: string; send: string }[]) {
  const index = ir.messages.findIndex((m) => m.id === logMessage.id);
  const log = ir.messages[index];
  const level = log?.fields.find((f) => f.type.kind === "enum");
  const text = log?.fields.find((f) => f.type.kind === "string");
  if (!log || level?.type.kind !== "enum" || text?.type.kind !== "string") throw new Error(`protocol ${ir.name}: the IR has no log message`);
  const { goName, send } = messages[index]!;
  return { goType: goName, send, level: goCamel(level.name), levelType: goCamel(level.type.name), text: goCamel(text.name), max: text.type.max };
}

function widest(items: { name: string }[]): number {
  return Math.max(0, ...items.map((i) => i.name.length));
}

/** `text` as `//` comment lines of at most about 100 columns. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/)) {
    if (line !== "" && line.length + word.length > 96) {
      lines.push(`// ${line}`);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(`// ${line}`);
  return lines;
}
