/**
 * Clashes in a protocol's generated C and Go, each reported as a spec error at the declaration
 * that causes it. The names are the printers' own (from the one naming function per side), so
 * what is accepted here is what gets printed.
 */
import type { DiagnosticSink, SourcePos } from "../../core/diagnostics.js";
import { keyPosOf, posOf } from "../../core/literal.js";
import { cProtocolNames } from "./c-names.js";
import { goProtocolNames } from "./go-names.js";
import type { ProtocolIR } from "../ir.js";
import { clashMessage, type NameOwner } from "./names.js";
import type { ProtocolSpec } from "../spec/language.js";

/**
 * Reports every clash: each at the later of its two declarations in the file (the one that
 * took a name already taken), or at the spec's one when the other is the generated code's own.
 * Clashes reported at one place become one error, their messages joined.
 */
export function checkProtocolNames(spec: ProtocolSpec, ir: ProtocolIR, sink: DiagnosticSink): void {
  const clashes = [...goProtocolNames(ir).book.clashes, ...cProtocolNames(ir).book.clashes];
  const byPlace = new Map<string, { pos: SourcePos; messages: string[] }>();
  for (const clash of clashes) {
    const first = ownerPos(spec, clash.first);
    const second = ownerPos(spec, clash.second);
    const reportSecond = second !== undefined && (first === undefined || before(first, second));
    const reported = reportSecond ? clash.second : clash.first;
    const pos = (reportSecond ? second : first) ?? posOf(spec, "name");
    const key = `${pos.line}:${pos.column}`;
    const place = byPlace.get(key) ?? { pos, messages: [] };
    const message = clashMessage(clash, reported);
    if (!place.messages.includes(message)) place.messages.push(message);
    byPlace.set(key, place);
  }
  for (const { pos, messages } of byPlace.values()) sink.error(pos, messages.join("; "));
}

function before(a: SourcePos, b: SourcePos): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

/** Where the spec declares `owner`: the key of its enum, value, struct, message, call or field. */
function ownerPos(spec: ProtocolSpec, owner: NameOwner): SourcePos | undefined {
  switch (owner.kind) {
    case "protocol":
      return posOf(spec, "name");
    case "enum":
      return keyPosOf(spec.enums!, owner.enum);
    case "value":
      return keyPosOf(spec.enums![owner.enum]!.values, owner.value);
    case "struct":
      return keyPosOf(spec.structs!, owner.struct);
    case "message":
      return keyPosOf(spec.messages, owner.message);
    case "call":
      return keyPosOf(spec.calls!, owner.call);
    case "field": {
      const parent = owner.in === "struct" ? spec.structs![owner.parent]! : spec.messages[owner.parent]!;
      return keyPosOf(parent.fields, owner.field);
    }
    case "fixed":
      return undefined;
  }
}
