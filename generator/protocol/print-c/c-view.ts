/**
 * The view model of the C header: the IR with every name, number and statement the templates
 * print worked out, so the templates hold only C syntax and choose nothing. Names come from
 * c-names.ts, the ones validation checked; sizes and offsets are copied from the IR.
 */
import type { ProtocolIR, WireMessageIR, WireStructIR } from "../ir.js";
import { frameHeaderSize, logMessage, maxKernelStackFrame } from "../spec/wire-format.js";
import { codecBody, type CodecAction } from "./c-codec.js";
import { cMembers } from "./c-members.js";
import { cInts } from "./c-types.js";
import { cProtocolNames, type CProtocolNames, type CStructNames } from "../resolve/c-names.js";
import { cRuntime } from "../runtime/c-runtime.js";
import { wrapCall, wrapItems } from "./c-wrap.js";
import { helperView } from "./c-helper-view.js";

export { maxColumns, wrapCall } from "./c-wrap.js";

/** `#define NAME VALUE` lines, their values aligned on one tab stop. */
function defines(pairs: [string, string | number][]): string[] {
  const stop = Math.ceil((Math.max(...pairs.map(([name]) => `#define ${name}`.length)) + 1) / 8) * 8;
  return pairs.map(([name, value]) => {
    const head = `#define ${name}`;
    return `${head}${"\t".repeat(Math.ceil((stop - head.length) / 8))}${value}`;
  });
}

/** Kernel-doc wants one line; a spec doc may span several. */
function oneLine(doc: string, fallback: string): string {
  const text = doc.replace(/\s+/g, " ").trim();
  return text === "" ? fallback : text;
}

/** The parameters each codec function takes, which an empty body must still use (-Wextra). */
const codecParams: Record<CodecAction, string[]> = { put: ["p", "s"], get: ["p", "s"], check: ["p"] };

/**
 * A codec function's body as the template prints it, one tab in: its loop indexes declared first,
 * then its statements (or, for a payload with none, its parameters marked used), then the check's
 * `return 0;`.
 */
function functionBody(names: CProtocolNames, s: WireStructIR, own: CStructNames, action: CodecAction): string[] {
  const { indexes, lines } = codecBody(names, s, own, action);
  const declared = indexes.length > 0 ? [`unsigned int ${indexes.join(", ")};`, ""] : [];
  const statements = lines.length > 0 ? lines : codecParams[action].map((p) => `(void)${p};`);
  const tail = action === "check" ? ["return 0;"] : [];
  return [...declared, ...statements, ...tail].map((l) => (l === "" ? "" : `\t${l}`));
}

/** The view of one struct or message payload, whose names are `own`. */
function structView(names: CProtocolNames, s: WireStructIR, own: CStructNames, what: string) {
  return {
    name: s.name,
    tag: own.tag,
    putFn: own.putFn,
    getFn: own.getFn,
    checkFn: own.checkFn,
    doc: oneLine(s.doc, `${what} ${s.name}.`),
    size: s.size,
    members: cMembers(names, s, own),
    put: functionBody(names, s, own, "put"),
    get: functionBody(names, s, own, "get"),
    check: functionBody(names, s, own, "check"),
  };
}

/** The direction bits a message may travel with, as the header's flag macros. */
function directionFlags(names: CProtocolNames, m: WireMessageIR): string {
  const { toKernel, toHelper } = names;
  switch (m.direction) {
    case "both":
      return `${toKernel} | ${toHelper}`;
    case "to-kernel":
      return toKernel;
    case "to-helper":
      return toHelper;
  }
}

/** The view of one message: its payload's, and its frame's. */
function messageView(names: CProtocolNames, m: WireMessageIR) {
  const own = names.messages.get(m.name)!;
  const frameSize = frameHeaderSize + m.size;
  return {
    ...structView(names, m, own, "Message"),
    id: m.id,
    constant: own.constant,
    encodeFn: own.encodeFn,
    sendFn: own.sendFn,
    member: own.union,
    frameSize,
    maxFrame: `${names.prefixes.upper}_MAX_FRAME`,
    // Its entry in the protocol's table of types.
    typeEntry: wrapItems("\t\t{ ", [`.type = ${own.constant}`, `.dirs = ${directionFlags(names, m)}`, `.size = ${m.size}`], " },"),
    // The same at file scope, in <proto>_helper.c.
    fileTypeEntry: wrapItems("\t{ ", [`.type = ${own.constant}`, `.dirs = ${directionFlags(names, m)}`, `.size = ${m.size}`], " },"),
    putHeader: wrapCall("\tsgwire_put_header", ["frame", `${names.protocolFn}()`, own.constant, String(m.size), "seq"], ");"),
  };
}

/**
 * The whole header's view. Throws when names clash: validation reports those as spec errors, so
 * only a hand-made IR gets here with one.
 */
export function headerView(ir: ProtocolIR) {
  const names = cProtocolNames(ir);
  names.book.throwIfClashes(ir.name);
  const p = names.prefixes;
  const messages = ir.messages.map((m) => messageView(names, m));
  // The kernel only writes what travels to the helper, and builds the frame on its stack only when
  // it is small; user space may play either side, and has stack to spare.
  const kernelSends = messages.filter((m, i) => ir.messages[i]!.direction !== "to-kernel" && m.frameSize <= maxKernelStackFrame);
  const log = ir.messages.find((m) => m.id === logMessage.id);
  const logNames = log && names.messages.get(log.name);
  const read = (pipe: string, accept: string) =>
    wrapCall(`\tint len = sgwire_read_frame`, [pipe, `${names.protocolFn}()`, accept, "r->buf", "sizeof(r->buf)"], ");");
  return {
    lower: p.lower,
    upper: p.upper,
    guard: names.guard,
    runtime: cRuntime.header,
    doc: oneLine(ir.doc, `The ${ir.name} protocol.`),
    defines: defines([
      [`${p.upper}_MAGIC`, `0x${ir.magic.toString(16).padStart(8, "0")}`],
      [`${p.upper}_VERSION`, ir.version],
      [`${p.upper}_HEADER_SIZE`, "SGWIRE_HEADER_SIZE"],
      [`${p.upper}_MAX_PAYLOAD`, ir.maxPayload],
      [`${p.upper}_MAX_FRAME`, frameHeaderSize + ir.maxPayload],
    ]),
    directions: defines([
      [names.toKernel, "SGWIRE_TO_KERNEL"],
      [names.toHelper, "SGWIRE_TO_HELPER"],
    ]),
    toKernel: names.toKernel,
    toHelper: names.toHelper,
    protocolFn: names.protocolFn,
    typeCount: ir.messages.length,
    enums: ir.enums.map((e) => {
      const own = names.enums.get(e.name)!;
      return {
        tag: own.tag,
        fn: own.validFn,
        doc: oneLine(e.doc, `Values of ${e.name}.`),
        type: cInts[e.size].unsigned,
        // Past INT_MAX a decimal constant is unsigned only with its suffix (C90 makes it so silently).
        values: e.values.map((v) => ({ constant: own.values.get(v.name)!, value: v.value, literal: v.value > 0x7fffffff ? `${v.value}U` : `${v.value}` })),
      };
    }),
    structs: ir.structs.map((s) => structView(names, s, names.structs.get(s.name)!, "Struct")),
    messages,
    kernelSends,
    userSends: messages.filter((m) => !kernelSends.includes(m)),
    kernelRead: read("from_umh", names.toKernel),
    userRead: read("fd", "accept"),
    // The built-in log message, for the kernel's printk helper; absent only from a hand-made IR.
    log: logNames ? { tag: logNames.tag, level: logNames.members.get("level")!.name, text: logNames.members.get("text")!.name } : null,
    helper: helperView(ir, names),
  };
}

/** The view the templates print. */
export type HeaderView = ReturnType<typeof headerView>;
