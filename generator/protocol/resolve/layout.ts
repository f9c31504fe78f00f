/**
 * Lays a protocol out on the wire. Every field is aligned to its own size (8-byte fields to 8,
 * which i386 C would not do unasked), gaps and the tail are explicit zero padding, and every
 * payload is a multiple of 8 bytes. The same bytes on every arch; the emitters only print them.
 * The calls, the notifications and the heartbeat are carried over from the spec as the IR has them.
 */
import type { ProtocolFieldType, ProtocolScalar, ProtocolSpec } from "../spec/language.js";
import { isProtocolScalar } from "../spec/field-types.js";
import { logLevelEnum, logMessage } from "../spec/wire-format.js";
import { defaultLiveness } from "../spec/call-runtime.js";
import type { ProtocolIR, WireEnumIR, WireFieldIR, WireMessageIR, WirePadIR, WireStructIR, WireTypeIR } from "../ir.js";
import { roundUp } from "../../core/round-up.js";

const scalars: Record<ProtocolScalar, WireTypeIR> = {
  u8: { kind: "int", size: 1, signed: false },
  u16: { kind: "int", size: 2, signed: false },
  u32: { kind: "int", size: 4, signed: false },
  u64: { kind: "int", size: 8, signed: false },
  s8: { kind: "int", size: 1, signed: true },
  s16: { kind: "int", size: 2, signed: true },
  s32: { kind: "int", size: 4, signed: true },
  s64: { kind: "int", size: 8, signed: true },
  bool: { kind: "bool" },
};

const enumSizes = { u8: 1, u16: 2, u32: 4 } as const;

/** Lays out a validated protocol spec, adding the log message and its level enum. */
export function layoutProtocol(spec: ProtocolSpec): ProtocolIR {
  const enums: WireEnumIR[] = [
    { name: logLevelEnum, doc: "printk levels of a log message, KERN_EMERG (0) to KERN_DEBUG (7).", size: 1, values: logMessage.levels.map((name, value) => ({ name, value })) },
    ...Object.entries(spec.enums ?? {}).map(([name, e]) => ({
      name,
      doc: e.doc ?? "",
      size: enumSizes[e.width ?? "u32"],
      values: Object.entries(e.values).map(([valueName, value]) => ({ name: valueName, value })),
    })),
  ];
  const enumsByName = new Map(enums.map((e) => [e.name, e]));
  const structs = new Map<string, WireStructIR>();
  const typeOf = (declared: ProtocolFieldType): WireTypeIR => {
    if (typeof declared !== "string") {
      if ("array" in declared) {
        const element = typeOf(declared.array);
        return { kind: "array", element, length: declared.length, elementSize: sizeAlign(element).size };
      }
      if ("string" in declared) return { kind: "string", max: declared.string };
      return { kind: "bytes", max: declared.bytes };
    }
    if (isProtocolScalar(declared)) return scalars[declared];
    const e = enumsByName.get(declared);
    if (e) return { kind: "enum", name: e.name, size: e.size };
    return { kind: "struct", name: declared };
  };
  const sizeAlign = (type: WireTypeIR): { size: number; align: number } => {
    switch (type.kind) {
      case "int":
      case "enum":
        return { size: type.size, align: type.size };
      case "bool":
        return { size: 1, align: 1 };
      case "string":
        return { size: type.max + 1, align: 1 };
      case "bytes":
        return { size: 2 + type.max, align: 2 };
      case "array": {
        const element = sizeAlign(type.element);
        return { size: element.size * type.length, align: element.align };
      }
      case "struct": {
        const s = structs.get(type.name)!;
        return { size: s.size, align: s.align };
      }
    }
  };
  const layout = (name: string, doc: string, fields: Record<string, ProtocolFieldType>, roundTo: number): WireStructIR => {
    const out: WireFieldIR[] = [];
    const pads: WirePadIR[] = [];
    let offset = 0;
    let align = 1;
    for (const [fieldName, declared] of Object.entries(fields)) {
      const type = typeOf(declared);
      const { size, align: fieldAlign } = sizeAlign(type);
      const aligned = roundUp(offset, fieldAlign);
      if (aligned > offset) pads.push({ offset, size: aligned - offset });
      out.push({ name: fieldName, type, offset: aligned, size });
      offset = aligned + size;
      align = Math.max(align, fieldAlign);
    }
    const size = roundUp(offset, Math.max(align, roundTo));
    if (size > offset) pads.push({ offset, size: size - offset });
    return { name, doc, size, align, fields: out, pads };
  };

  for (const [name, s] of structOrder(spec)) structs.set(name, layout(name, s.doc ?? "", s.fields, 1));
  const log: WireMessageIR = {
    ...layout(logMessage.name, "A line the helper logs through the driver, printed at its printk level.", { level: logLevelEnum, text: { string: logMessage.textMax } }, 8),
    id: logMessage.id,
    direction: "to-kernel",
  };
  const messages: WireMessageIR[] = [
    log,
    ...Object.entries(spec.messages).map(([name, m]) => ({ ...layout(name, m.doc ?? "", m.fields, 8), id: m.id, direction: m.direction })),
  ].sort((a, b) => a.id - b.id);
  return {
    name: spec.name,
    doc: spec.doc ?? "",
    version: spec.version,
    magic: spec.magic,
    enums,
    structs: [...structs.values()],
    messages,
    maxPayload: Math.max(...messages.map((m) => m.size)),
    ...callsOf(spec, messages),
  };
}

/** The calls, the notifications each way (every message no call sends or answers) and the heartbeat. */
function callsOf(spec: ProtocolSpec, messages: WireMessageIR[]): Pick<ProtocolIR, "calls" | "notifications" | "liveness"> {
  const calls = Object.entries(spec.calls ?? {}).map(([name, c]) => ({ name, doc: c.doc ?? "", request: c.request, reply: c.reply, timeoutMs: c.timeoutMs }));
  const inCalls = new Set(calls.flatMap((c) => [c.request, c.reply]));
  const notifications = messages.filter((m) => m.id !== logMessage.id && !inCalls.has(m.name));
  const { intervalMs, timeoutMs } = spec.liveness ?? defaultLiveness;
  return {
    calls,
    notifications: {
      toKernel: notifications.filter((m) => m.direction !== "to-helper").map((m) => m.name),
      toHelper: notifications.filter((m) => m.direction !== "to-kernel").map((m) => m.name),
    },
    liveness: { intervalMs, timeoutMs },
  };
}

/** Structs ordered so each comes after the structs its fields use (validate rejects cycles). */
export function structOrder(spec: ProtocolSpec): [string, { doc?: string; fields: Record<string, ProtocolFieldType> }][] {
  const declared = spec.structs ?? {};
  const ordered: [string, (typeof declared)[string]][] = [];
  const placed = new Set<string>();
  const uses = (type: ProtocolFieldType): string[] =>
    typeof type === "string" ? (Object.hasOwn(declared, type) ? [type] : []) : "array" in type ? uses(type.array) : [];
  const visit = (name: string, seen: Set<string>) => {
    if (placed.has(name) || seen.has(name)) return;
    seen.add(name);
    for (const type of Object.values(declared[name]!.fields)) for (const dep of uses(type)) visit(dep, seen);
    placed.add(name);
    ordered.push([name, declared[name]!]);
  };
  for (const name of Object.keys(declared)) visit(name, new Set());
  return ordered;
}
