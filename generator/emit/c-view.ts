/**
 * The view model of the C header: the IR with every name, number and statement the templates
 * print worked out, so the templates hold only C syntax. Sizes and offsets are copied from the IR.
 */
import { frameHeader, frameHeaderSize, type ProtocolIR, type WireMessageIR, type WireStructIR } from "../resolve/protocol-ir.js";
import { logMessage } from "../resolve/protocol-layout.js";
import { cLeaves } from "./c-leaves.js";
import { cMembers } from "./c-members.js";
import { cConstant, cMemberName, cNames, type CNames } from "./c-names.js";

/** The enum of log levels every protocol has; its value names are the printk level names. */
const logLevelEnum = "log_level";

/** The message every protocol has, whose `level` and `text` the kernel prints. */
const logMessageName = logMessage.name;

/** Kernel-doc wants one line; a spec doc may span several. */
function oneLine(doc: string, fallback: string): string {
  const text = doc.replace(/\s+/g, " ").trim();
  return text === "" ? fallback : text;
}

/** The view of one struct or message payload. */
function structView(names: CNames, s: WireStructIR, what: string) {
  const checks = cLeaves(names, s, "check");
  return {
    name: s.name,
    tag: `${names.lower}_${s.name}`,
    putFn: `${names.internal}put_${s.name}`,
    getFn: `${names.internal}get_${s.name}`,
    checkFn: `${names.internal}check_${s.name}`,
    doc: oneLine(s.doc, `${what} ${s.name}.`),
    size: s.size,
    members: cMembers(names, s),
    puts: cLeaves(names, s, "put").map((l) => ({ ...l, action: "put" })),
    gets: cLeaves(names, s, "get").map((l) => ({ ...l, action: "get" })),
    checks: checks.map((l) => ({ ...l, action: "check" })),
    // An empty payload's helpers would otherwise leave their parameters unused (-Wextra).
    empty: s.fields.length === 0,
    noChecks: checks.length === 0,
  };
}

/** The direction bits a message may travel with, as the header's flag macros. */
function directionFlags(names: CNames, m: WireMessageIR): string {
  const toKernel = cConstant(names, "to", "kernel");
  const toHelper = cConstant(names, "to", "helper");
  return m.direction === "both" ? `${toKernel} | ${toHelper}` : m.direction === "to-kernel" ? toKernel : toHelper;
}

/** The whole header's view. */
export function headerView(ir: ProtocolIR) {
  const names = cNames(ir.name);
  const messages = ir.messages.map((m) => ({
    ...structView(names, m, "Message"),
    constant: cConstant(names, "msg", m.name),
    id: m.id,
    member: cMemberName(m.name),
    frameSize: frameHeaderSize + m.size,
    flags: directionFlags(names, m),
    // The kernel only writes what travels to the helper; user space may play either side.
    kernelSends: m.direction !== "to-kernel",
  }));
  const levels = ir.enums.find((e) => e.name === logLevelEnum)?.values ?? [];
  const log = ir.messages.find((m) => m.name === logMessageName);
  return {
    lower: names.lower,
    upper: names.upper,
    internal: names.internal,
    guard: `_${names.upper}_H`,
    doc: oneLine(ir.doc, `The ${ir.name} protocol.`),
    magic: `0x${ir.magic.toString(16).padStart(8, "0")}`,
    version: ir.version,
    headerSize: frameHeaderSize,
    header: frameHeader,
    maxPayload: ir.maxPayload,
    maxFrame: frameHeaderSize + ir.maxPayload,
    toKernel: cConstant(names, "to", "kernel"),
    toHelper: cConstant(names, "to", "helper"),
    enums: ir.enums.map((e) => ({
      name: e.name,
      tag: `${names.lower}_${e.name}`,
      fn: `${names.internal}valid_${e.name}`,
      doc: oneLine(e.doc, `Values of ${e.name}.`),
      bits: e.size * 8,
      values: e.values.map((v) => ({ constant: cConstant(names, e.name, v.name), value: v.value })),
    })),
    structs: ir.structs.map((s) => structView(names, s, "Struct")),
    messages,
    // The built-in log message, for the kernel's printk helpers; absent only from a hand-made IR.
    log: log ? { tag: `${names.lower}_${log.name}`, level: cMemberName("level"), text: cMemberName("text") } : null,
    logLevels: levels.map((v) => ({ constant: cConstant(names, logLevelEnum, v.name), kern: `KERN_${v.name.toUpperCase()}` })),
  };
}
