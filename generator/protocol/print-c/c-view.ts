/**
 * The view model of the C header: the IR with every name, number and statement the templates
 * print worked out, so the templates hold only C syntax. Names come from c-protocol-names.ts, the
 * ones validation checked; sizes and offsets are copied from the IR.
 */
import type { ProtocolIR, WireMessageIR, WireStructIR } from "../ir.js";
import { frameHeader, frameHeaderSize, logLevelEnum, logMessage } from "../spec/wire-format.js";
import { cLeaves } from "./c-leaves.js";
import { cMembers } from "./c-members.js";
import { cProtocolNames, type CProtocolNames, type CStructNames } from "../resolve/c-names.js";

/** Kernel-doc wants one line; a spec doc may span several. */
function oneLine(doc: string, fallback: string): string {
  const text = doc.replace(/\s+/g, " ").trim();
  return text === "" ? fallback : text;
}

/** The view of one struct or message payload, whose names are `own`. */
function structView(names: CProtocolNames, s: WireStructIR, own: CStructNames, what: string) {
  const checks = cLeaves(names, s, own, "check");
  return {
    name: s.name,
    tag: own.tag,
    putFn: own.putFn,
    getFn: own.getFn,
    checkFn: own.checkFn,
    doc: oneLine(s.doc, `${what} ${s.name}.`),
    size: s.size,
    members: cMembers(names, s, own),
    puts: cLeaves(names, s, own, "put").map((l) => ({ ...l, action: "put" })),
    gets: cLeaves(names, s, own, "get").map((l) => ({ ...l, action: "get" })),
    checks: checks.map((l) => ({ ...l, action: "check" })),
    // An empty payload's helpers would otherwise leave their parameters unused (-Wextra).
    empty: s.fields.length === 0,
    noChecks: checks.length === 0,
  };
}

/** The direction bits a message may travel with, as the header's flag macros. */
function directionFlags(names: CProtocolNames, m: WireMessageIR): string {
  const { toKernel, toHelper } = names;
  return m.direction === "both" ? `${toKernel} | ${toHelper}` : m.direction === "to-kernel" ? toKernel : toHelper;
}

/**
 * The whole header's view. Throws when names clash: validation reports those as spec errors, so
 * only a hand-made IR gets here with one.
 */
export function headerView(ir: ProtocolIR) {
  const names = cProtocolNames(ir);
  names.book.throwIfClashes(ir.name);
  const p = names.prefixes;
  const messages = ir.messages.map((m) => {
    const own = names.messages.get(m.name)!;
    return {
      ...structView(names, m, own, "Message"),
      constant: own.constant,
      encodeFn: own.encodeFn,
      sendFn: own.sendFn,
      id: m.id,
      member: own.union,
      frameSize: frameHeaderSize + m.size,
      flags: directionFlags(names, m),
      // The kernel only writes what travels to the helper; user space may play either side.
      kernelSends: m.direction !== "to-kernel",
    };
  });
  const levels = names.enums.get(logLevelEnum)?.values ?? new Map<string, string>();
  const log = ir.messages.find((m) => m.id === logMessage.id);
  const logNames = log && names.messages.get(log.name);
  return {
    lower: p.lower,
    upper: p.upper,
    internal: p.internal,
    guard: names.guard,
    doc: oneLine(ir.doc, `The ${ir.name} protocol.`),
    magic: `0x${ir.magic.toString(16).padStart(8, "0")}`,
    version: ir.version,
    headerSize: frameHeaderSize,
    header: frameHeader,
    maxPayload: ir.maxPayload,
    maxFrame: frameHeaderSize + ir.maxPayload,
    toKernel: names.toKernel,
    toHelper: names.toHelper,
    enums: ir.enums.map((e) => {
      const own = names.enums.get(e.name)!;
      return {
        name: e.name,
        tag: own.tag,
        fn: own.validFn,
        doc: oneLine(e.doc, `Values of ${e.name}.`),
        bits: e.size * 8,
        values: e.values.map((v) => ({ constant: own.values.get(v.name)!, value: v.value })),
      };
    }),
    structs: ir.structs.map((s) => structView(names, s, names.structs.get(s.name)!, "Struct")),
    messages,
    // The built-in log message, for the kernel's printk helpers; absent only from a hand-made IR.
    log: logNames ? { tag: logNames.tag, level: logNames.members.get("level")!.name, text: logNames.members.get("text")!.name } : null,
    logLevels: [...levels].map(([level, constant]) => ({ constant, kern: `KERN_${level.toUpperCase()}` })),
  };
}
