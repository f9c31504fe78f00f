/**
 * Checks protocol specs: names the C and Go sides can both use, message type numbers, field types
 * that exist, enums that fit their width, no struct containing itself, calls whose request and
 * reply travel the ways a call does, timeouts in range, and every frame within PIPE_BUF so one
 * write of it is atomic.
 */
import type { DiagnosticSink, SourcePos } from "../../core/diagnostics.js";
import { keyPosOf, posOf } from "../../core/literal.js";
import type { SpecFile } from "../../core/load-specs.js";
import { isProtocolScalar } from "../spec/field-types.js";
import { callTimeoutMs, controlFrameIds, livenessLimits, specMessageIds } from "../spec/call-runtime.js";
import type { ProtocolFieldType, ProtocolSpec } from "../spec/language.js";
import { logLevelEnum, logMessage, maxFrameSize } from "../spec/wire-format.js";
import { protocolNameProblem } from "./protocol-name.js";

const snakeCase = /^[a-z][a-z0-9_]*$/;
const enumLimits = { u8: 0xff, u16: 0xffff, u32: 0xffffffff } as const;

/**
 * Reports every problem in the protocol specs that the spec alone shows, and returns the specs
 * sound enough to lay out (whose frame sizes and generated names the resolve stage checks).
 */
export function validateProtocols(files: SpecFile<ProtocolSpec>[], sink: DiagnosticSink): ProtocolSpec[] {
  const sound: ProtocolSpec[] = [];
  const protocolNames = new Map<string, SourcePos>();
  for (const { data: spec } of files) {
    const at = posOf(spec, "name");
    const problem = protocolNameProblem(spec.name);
    if (problem) sink.error(at, `protocol name \`${spec.name}\` ${problem}`);
    const earlier = protocolNames.get(spec.name);
    if (earlier) sink.error(at, `duplicate protocol \`${spec.name}\` (first declared at ${earlier.file}:${earlier.line})`);
    protocolNames.set(spec.name, at);
    if (!Number.isInteger(spec.version) || spec.version < 1 || spec.version > 0xffff) sink.error(posOf(spec, "version"), `version must be a whole number from 1 to 65535`);
    if (!Number.isInteger(spec.magic) || spec.magic < 0 || spec.magic > 0xffffffff) sink.error(posOf(spec, "magic"), `magic must be a 32-bit unsigned number`);
    if (validateOne(spec, sink)) sound.push(spec);
  }
  return sound;
}

/** Returns whether the spec is sound enough to lay out. */
function validateOne(spec: ProtocolSpec, sink: DiagnosticSink): boolean {
  const before = sink.items.length;
  const enums = spec.enums ?? {};
  const structs = spec.structs ?? {};
  const typeNames = new Map<string, string>();
  const declare = (kind: string, table: object, name: string) => {
    const at = keyPosOf(table, name);
    if (!snakeCase.test(name)) sink.error(at, `${kind} name \`${name}\` must be snake_case`);
    if ([logMessage.name, logLevelEnum, "msg", "msg_type", "reader"].includes(name)) sink.error(at, `\`${name}\` is reserved for the generated log message and frame types`);
    const other = typeNames.get(name);
    if (other) sink.error(at, `${kind} \`${name}\` has the name of ${other === "enum" ? "an" : "a"} ${other}`);
    typeNames.set(name, kind);
  };
  for (const [name, e] of Object.entries(enums)) {
    declare("enum", enums, name);
    const limit = enumLimits[e.width ?? "u32"];
    const seen = new Map<number, string>();
    if (Object.keys(e.values).length === 0) sink.error(posOf(e, "values"), `enum \`${name}\` has no values`);
    for (const [valueName, value] of Object.entries(e.values)) {
      const at = posOf(e.values, valueName);
      if (!snakeCase.test(valueName)) sink.error(keyPosOf(e.values, valueName), `enum value name \`${valueName}\` must be snake_case`);
      if (!Number.isInteger(value) || value < 0 || value > limit) sink.error(at, `${name}.${valueName} = ${value} does not fit ${e.width ?? "u32"}`);
      if (seen.has(value)) sink.error(at, `${name}.${valueName} has the value of ${name}.${seen.get(value)}`);
      seen.set(value, valueName);
    }
  }
  for (const name of Object.keys(structs)) declare("struct", structs, name);
  const ids = new Map<number, string>();
  for (const [name, message] of Object.entries(spec.messages)) {
    declare("message", spec.messages, name);
    const at = posOf(message, "id");
    if (Number.isInteger(message.id) && message.id >= controlFrameIds.min && message.id <= controlFrameIds.max) {
      sink.error(at, `message \`${name}\`: id ${hex(message.id)} is the call runtime's: ${hex(controlFrameIds.min)} to ${hex(controlFrameIds.max)} are its control frames, in every protocol`);
    } else if (!Number.isInteger(message.id) || message.id < specMessageIds.min || message.id > specMessageIds.max) {
      sink.error(at, `message \`${name}\`: id must be a whole number from ${specMessageIds.min} to ${specMessageIds.max} (${hex(specMessageIds.max)}; 0 is the log message)`);
    }
    if (ids.has(message.id)) sink.error(at, `message \`${name}\` has the id of message \`${ids.get(message.id)}\``);
    ids.set(message.id, name);
  }
  const checkFields = (owner: string, fields: Record<string, ProtocolFieldType>) => {
    for (const [field, type] of Object.entries(fields)) {
      if (!snakeCase.test(field)) sink.error(keyPosOf(fields, field), `${owner}.${field}: field names must be snake_case`);
      // A blob is two C members, <name>_len and <name>.
      if (typeof type !== "string" && "bytes" in type && Object.hasOwn(fields, `${field}_len`)) {
        sink.error(keyPosOf(fields, `${field}_len`), `${owner}.${field}_len: the name of the length of blob \`${field}\``);
      }
      const problem = typeProblem(type, enums, structs);
      if (problem) sink.error(posOf(fields, field), `${owner}.${field}: ${problem}`);
    }
  };
  for (const [name, s] of Object.entries(structs)) {
    if (Object.keys(s.fields).length === 0) sink.error(posOf(s, "fields"), `struct \`${name}\` has no fields`);
    checkFields(name, s.fields);
    if (containsItself(name, structs)) sink.error(keyPosOf(structs, name), `struct \`${name}\` contains itself`);
  }
  for (const [name, m] of Object.entries(spec.messages)) checkFields(name, m.fields);
  validateCalls(spec, sink);
  return sink.items.length === before;
}

/**
 * A call's request travels to the helper only and is no other call's request (so it is never a
 * notification); its reply travels to the kernel only (a reply may serve several calls). The
 * timeouts are in the runtime's ranges.
 */
function validateCalls(spec: ProtocolSpec, sink: DiagnosticSink): void {
  const calls = spec.calls ?? {};
  const requests = new Map<string, string>();
  for (const [name, call] of Object.entries(calls)) {
    if (!snakeCase.test(name)) sink.error(keyPosOf(calls, name), `call name \`${name}\` must be snake_case`);
    const ends = [
      { key: "request", want: "to-helper", why: "a request is sent only by the driver, as its call's request, never as a notification" },
      { key: "reply", want: "to-kernel", why: "only the helper answers a call, and a reply is never a notification" },
    ] as const;
    for (const { key, want, why } of ends) {
      const message = call[key];
      const at = posOf(call, key);
      if (!Object.hasOwn(spec.messages, message)) {
        sink.error(at, `call \`${name}\`: unknown message \`${message}\``);
        continue;
      }
      const direction = spec.messages[message]!.direction;
      if (direction !== want) sink.error(at, `call \`${name}\`: ${key} \`${message}\` must travel ${want}, not ${direction}: ${why}`);
    }
    const earlier = requests.get(call.request);
    if (earlier !== undefined && Object.hasOwn(spec.messages, call.request)) {
      sink.error(posOf(call, "request"), `call \`${name}\`: message \`${call.request}\` is already the request of call \`${earlier}\`; a request belongs to one call`);
    }
    if (earlier === undefined) requests.set(call.request, name);
    if (!inRange(call.timeoutMs, callTimeoutMs.min, callTimeoutMs.max)) {
      sink.error(posOf(call, "timeoutMs"), `call \`${name}\`: timeoutMs must be a whole number from ${callTimeoutMs.min} to ${callTimeoutMs.max}`);
    }
  }
  const liveness = spec.liveness;
  if (liveness === undefined) return;
  const { intervalMs, timeoutMs } = livenessLimits;
  const intervalOk = inRange(liveness.intervalMs, intervalMs.min, intervalMs.max);
  if (!intervalOk) sink.error(posOf(liveness, "intervalMs"), `liveness.intervalMs must be a whole number from ${intervalMs.min} to ${intervalMs.max}`);
  const least = intervalOk ? liveness.intervalMs + 1 : intervalMs.min + 1;
  if (!inRange(liveness.timeoutMs, least, timeoutMs.max)) {
    const than = intervalOk ? `more than intervalMs (${liveness.intervalMs})` : "more than intervalMs";
    sink.error(posOf(liveness, "timeoutMs"), `liveness.timeoutMs must be a whole number ${than} and at most ${timeoutMs.max}`);
  }
}

function inRange(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function typeProblem(type: ProtocolFieldType, enums: object, structs: object): string | undefined {
  if (typeof type === "string") {
    return isProtocolScalar(type) || Object.hasOwn(enums, type) || Object.hasOwn(structs, type) ? undefined : `unknown type \`${type}\``;
  }
  const bound = (n: number, what: string) => (Number.isInteger(n) && n >= 1 && n <= maxFrameSize ? undefined : `${what} must be a whole number from 1 to ${maxFrameSize}`);
  if ("array" in type) {
    // A blob is a u16 and its bytes: with an odd maximum, array elements would sit at odd strides
    // that a C array of the same struct would pad, so the two sides could disagree.
    const element = type.array;
    if (typeof element !== "string" && "bytes" in element && element.bytes % 2 === 1) return `an array of { bytes: ${element.bytes} } needs an even maximum length`;
    return bound(type.length, "an array length") ?? typeProblem(type.array, enums, structs);
  }
  if ("string" in type) return bound(type.string, "a string's maximum length");
  return bound(type.bytes, "a blob's maximum length");
}

function containsItself(name: string, structs: Record<string, { fields: Record<string, ProtocolFieldType> }>): boolean {
  const reaches = (type: ProtocolFieldType, seen: Set<string>): boolean => {
    if (typeof type !== "string") return "array" in type ? reaches(type.array, seen) : false;
    if (type === name) return true;
    if (!Object.hasOwn(structs, type) || seen.has(type)) return false;
    seen.add(type);
    return Object.values(structs[type]!.fields).some((t) => reaches(t, seen));
  };
  return Object.values(structs[name]!.fields).some((t) => reaches(t, new Set()));
}
