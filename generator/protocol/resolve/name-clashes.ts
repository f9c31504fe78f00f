/**
 * The name rules of a protocol: its own name, and clashes in its generated C and Go, each
 * reported as a spec error at the declaration that causes it. The names are the printers' own (from the one naming function per side),
 * so what validation accepts is what gets printed.
 */
import type { DiagnosticSink, SourcePos } from "../../core/diagnostics.js";
import { keyPosOf, posOf } from "../../core/literal.js";
import { cProtocolNames } from "./c-names.js";
import { isGoKeyword } from "../../core/go-names.js";
import { goProtocolNames } from "./go-names.js";
import type { ProtocolIR } from "../ir.js";
import { clashMessage, type NameOwner } from "./names.js";
import type { ProtocolSpec } from "../spec/language.js";

/**
 * What is wrong with a protocol's name, if anything. Besides a C prefix it is a Go package a
 * helper imports, and it cannot be one of those that the go tool refuses: a package main must
 * have func main, Go refuses to import one named init, the go tool gives folders named internal,
 * vendor and testdata meanings of their own, and an import path may not hold a Windows device
 * name on any system.
 */
export function protocolNameProblem(name: string): string | undefined {
  if (!/^[a-z][a-z0-9_]*$/.test(name) || isGoKeyword(name)) return "must be lower case letters, digits and _ (a C prefix and a Go package name), not a Go keyword";
  if (["main", "init"].includes(name)) return "is not a Go package name a helper can import";
  if (["internal", "vendor", "testdata"].includes(name)) return "is a folder name the go tool gives a meaning of its own";
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/.test(name)) return "is a Windows device name, which no Go import path may contain";
  return undefined;
}

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

/** Where the spec declares `owner`: the key of its enum, value, struct, message or field. */
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
    case "field": {
      const parent = owner.in === "struct" ? spec.structs![owner.parent]! : spec.messages[owner.parent]!;
      return keyPosOf(parent.fields, owner.field);
    }
    case "fixed":
      return undefined;
  }
}
