import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { SpecErrors } from "../../generator/core/diagnostics.js";

const fixture = join(import.meta.dirname, "../fixtures/mini-specs");
const work = mkdtempSync(join(tmpdir(), "syscallgen-bad-protocol-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A valid protocol; each case replaces one snippet of it with its mistake. */
const valid = `import { defineProtocol } from "syscallgen/spec";

export default defineProtocol({
  name: "probe",
  version: 1,
  magic: 0x50524f42,
  liveness: { intervalMs: 500, timeoutMs: 3333 },
  enums: { mode: { width: "u8", values: { off: 0, on: 1 } } },
  structs: { point: { fields: { x: "s32", y: "s32" } } },
  messages: {
    set: { id: 1, direction: "to-helper", fields: { mode: "mode", at: "point", label: { string: 15 } } },
    done: { id: 2, direction: "to-kernel", fields: { status: "s32", blob: { bytes: 64 } } },
    get: { id: 3, direction: "to-helper", fields: { key: "u32" } },
    got: { id: 4, direction: "to-kernel", fields: { value: "s64" } },
  },
  calls: { fetch: { request: "get", reply: "got", timeoutMs: 1234 } },
});
`;

interface Case {
  name: string;
  find: string;
  replace: string;
  /** The snippet of the edited text the error must point at (its first character). */
  at: string;
  message: string;
}

const cases: Case[] = [
  { name: "name not snake_case", find: 'name: "probe"', replace: 'name: "Probe"', at: '"Probe"', message: "protocol name `Probe` must be lower case" },
  { name: "name is a Go keyword", find: 'name: "probe"', replace: 'name: "select"', at: '"select"', message: "not a Go keyword" },
  { name: "version 0", find: "version: 1,", replace: "version: 0,", at: "0,\n  magic", message: "version must be a whole number from 1 to 65535" },
  { name: "magic wider than 32 bits", find: "magic: 0x50524f42", replace: "magic: 0x150524f42", at: "0x150524f42", message: "magic must be a 32-bit unsigned number" },
  { name: "duplicate message id", find: "done: { id: 2,", replace: "done: { id: 1,", at: "1, direction: \"to-kernel\"", message: "message `done` has the id of message `set`" },
  { name: "message id 0 (the log message's)", find: "set: { id: 1,", replace: "set: { id: 0,", at: "0, direction", message: "id must be a whole number from 1 to 65279 (0xfeff; 0 is the log message)" },
  { name: "message id of a control frame", find: "done: { id: 2,", replace: "done: { id: 0xff02,", at: "0xff02", message: "message `done`: id 0xff02 is the call runtime's: 0xff00 to 0xffff are its control frames, in every protocol" },
  { name: "unknown field type", find: 'at: "point"', replace: 'at: "pointt"', at: '"pointt"', message: "set.at: unknown type `pointt`" },
  { name: "enum value does not fit its width", find: "on: 1 }", replace: "on: 256 }", at: "256", message: "mode.on = 256 does not fit u8" },
  { name: "two enum names for one value", find: "on: 1 }", replace: "on: 0 }", at: "0 }", message: "mode.on has the value of mode.off" },
  { name: "struct contains itself", find: 'y: "s32" }', replace: 'y: "s32", next: "point" }', at: "point: {", message: "struct `point` contains itself" },
  // status s32 (4) + blob: u16 length and 4080 bytes (4082) = 4086, rounded to 8 = 4088, + 16 header.
  { name: "frame over PIPE_BUF", find: "blob: { bytes: 64 }", replace: "blob: { bytes: 4080 }", at: "done: {", message: "message `done` needs a 4104-byte frame; a frame must fit PIPE_BUF (4096)" },
  { name: "string bound of 0", find: "label: { string: 15 }", replace: "label: { string: 0 }", at: "{ string: 0 }", message: "set.label: a string's maximum length must be a whole number from 1 to 4096" },
  { name: "reserved message name", find: "done: {", replace: "log: {", at: "log: {", message: "`log` is reserved" },
  { name: "field name not snake_case", find: "status: \"s32\"", replace: "Status: \"s32\"", at: "Status:", message: "done.Status: field names must be snake_case" },
  { name: "a message and a struct with one name", find: "set: {", replace: "point: {", at: "point: { id", message: "message `point` has the name of a struct" },
  { name: "array of odd-sized blobs", find: "blob: { bytes: 64 }", replace: "blob: { array: { bytes: 5 }, length: 2 }", at: "{ array: { bytes: 5 }", message: "done.blob: an array of { bytes: 5 } needs an even maximum length" },
  { name: "reserved type name reader", find: 'structs: { point: { fields: { x: "s32", y: "s32" } } },', replace: 'structs: { point: { fields: { x: "s32", y: "s32" } }, reader: { fields: { n: "u8" } } },', at: "reader: {", message: "`reader` is reserved" },
  { name: "two field names with one Go name", find: 'y: "s32" }', replace: 'y: "s32", x_1: "u8", x1: "u8" }', at: 'x1: "u8"', message: "field `point.x1` and field `point.x_1` are both the Go name X1 in struct Point" },
  { name: "blob length name taken", find: 'status: "s32", blob', replace: 'blob_len: "s32", blob', at: "blob_len:", message: "done.blob_len: the name of the length of blob `blob`" },
  { name: "enum constants meeting in one C name", find: "values: { off: 0, on: 1 } } },", replace: "values: { off: 0, on_x: 1 } }, mode_on: { values: { x: 1 } } },", at: "x: 1 } } }", message: "value `mode_on.x` and value `mode.on_x` are both the C name PROBE_MODE_ON_X in the header" },
  // Names that meet the generated code's own, each reported at the declaration that takes it.
  { name: "message named like Msg's own field", find: "done: {", replace: "seq: {", at: "seq: {", message: "message `seq` and Msg's own Seq are both the Go name Seq in struct Msg" },
  { name: "field named like the method of every message", find: 'status: "s32"', replace: 'encode_frame: "s32"', at: "encode_frame:", message: "field `done.encode_frame` and the method EncodeFrame are both the Go name EncodeFrame in struct Done" },
  {
    name: "enum value that is a frame constant in C and Go",
    find: "values: { off: 0, on: 1 } } },",
    replace: "values: { off: 0, on: 1 } }, max: { values: { frame: 1 } } },",
    at: "frame: 1",
    message: "value `max.frame` and the package's own MaxFrame are both the Go name MaxFrame in package probe; value `max.frame` and the header's own PROBE_MAX_FRAME macro are both the C name PROBE_MAX_FRAME in the header",
  },
  { name: "message type constant of another message", find: "done: {", replace: "msg_set: {", at: "msg_set: {", message: "message `msg_set` and message `set` are both the Go name MsgSet in package probe" },
  { name: "struct named like a string type", find: "structs: { point:", replace: "structs: { string15: { fields: { n: \"u8\" } }, point:", at: "string15:", message: "struct `string15` and the package's type String15 for { string: 15 } are both the Go name String15 in package probe" },
  { name: "two members that are one C member", find: 'y: "s32" }', replace: 'y: "s32", int_: "u8", int: "u8" }', at: 'int: "u8"', message: "field `point.int` and field `point.int_` are both the C name int_ in struct probe_point" },
  { name: "a field that is a kernel macro", find: 'y: "s32" }', replace: 'y: "s32", fallthrough_: "u8", fallthrough: "u8" }', at: 'fallthrough: "u8"', message: "are both the C name fallthrough_ in struct probe_point" },
  { name: "protocol named main", find: 'name: "probe"', replace: 'name: "main"', at: '"main"', message: "protocol name `main` is not a Go package name a helper can import" },
  { name: "protocol named like a Windows device", find: 'name: "probe"', replace: 'name: "nul"', at: '"nul"', message: "protocol name `nul` is a Windows device name, which no Go import path may contain" },
  { name: "protocol whose header hides a libc header", find: 'name: "probe"', replace: 'name: "string"', at: '"string"', message: "the protocol's name and the system header <string.h> are both the C name string.h in the include path" },
  { name: "protocol named like the syscall package", find: 'name: "probe"', replace: 'name: "rawsys"', at: '"rawsys"', message: "protocol `rawsys` would write its Go package into go/rawsys/, the syscall package's folder" },
  { name: "protocol named like the Go runtime", find: 'name: "probe"', replace: 'name: "sgwire"', at: '"sgwire"', message: "the protocol's name and the Go runtime package sgwire that gen writes beside every protocol are both the Go name sgwire in the output's go/ folder" },
  { name: "protocol named like the C runtime", find: 'name: "probe"', replace: 'name: "sgwire"', at: '"sgwire"', message: "the protocol's name and the C runtime sgwire.h are both the C name sgwire.h in the include path" },
  { name: "protocol named under the C runtime's prefix", find: 'name: "probe"', replace: 'name: "sgwire_probe"', at: '"sgwire_probe"', message: "the protocol's name and the C runtime sgwire.h are both the C name sgwire_ in the prefixes of C names" },
  // Calls and the heartbeat.
  { name: "call of an unknown message", find: 'request: "get"', replace: 'request: "gett"', at: '"gett"', message: "call `fetch`: unknown message `gett`" },
  {
    name: "request that travels to the kernel",
    find: 'request: "get"',
    replace: 'request: "done"',
    at: '"done"',
    message: "call `fetch`: request `done` must travel to-helper, not to-kernel: a request is sent only by the driver, as its call's request, never as a notification",
  },
  {
    name: "request that is also a notification to the kernel",
    find: 'get: { id: 3, direction: "to-helper"',
    replace: 'get: { id: 3, direction: "both"',
    at: '"get", reply',
    message: "call `fetch`: request `get` must travel to-helper, not both",
  },
  {
    name: "reply that travels to the helper",
    find: 'reply: "got"',
    replace: 'reply: "set"',
    at: '"set", timeoutMs',
    message: "call `fetch`: reply `set` must travel to-kernel, not to-helper: only the helper answers a call, and a reply is never a notification",
  },
  {
    name: "a message that is the request of two calls",
    find: "timeoutMs: 1234 } },",
    replace: 'timeoutMs: 1234 }, refetch: { request: "get", reply: "got", timeoutMs: 99 } },',
    at: '"get", reply: "got", timeoutMs: 99',
    message: "call `refetch`: message `get` is already the request of call `fetch`; a request belongs to one call",
  },
  { name: "call timeout of 0", find: "timeoutMs: 1234", replace: "timeoutMs: 0", at: "0 } }", message: "call `fetch`: timeoutMs must be a whole number from 1 to 600000" },
  { name: "call timeout over 10 minutes", find: "timeoutMs: 1234", replace: "timeoutMs: 600001", at: "600001", message: "call `fetch`: timeoutMs must be a whole number from 1 to 600000" },
  { name: "call name not snake_case", find: "fetch: {", replace: "Fetch: {", at: "Fetch", message: "call name `Fetch` must be snake_case" },
  { name: "heartbeat interval under 100 ms", find: "intervalMs: 500", replace: "intervalMs: 50", at: "50,", message: "liveness.intervalMs must be a whole number from 100 to 60000" },
  { name: "heartbeat timeout within its interval", find: "timeoutMs: 3333", replace: "timeoutMs: 500", at: "500 },\n  enums", message: "liveness.timeoutMs must be a whole number more than intervalMs (500) and at most 600000" },
  { name: "heartbeat timeout over 10 minutes", find: "timeoutMs: 3333", replace: "timeoutMs: 600001", at: "600001", message: "liveness.timeoutMs must be a whole number more than intervalMs (500) and at most 600000" },
  { name: "call named like Handlers' Tick", find: "fetch: {", replace: "tick: {", at: "tick: {", message: "call `tick` and Handlers' own Tick are both the Go name Tick in interface Handlers" },
  {
    name: "call named like a notification to the helper",
    find: "fetch: {",
    replace: "set: {",
    at: "set: { request",
    message: "call `set` and message `set` are both the Go name Set in interface Handlers",
  },
  {
    name: "message named like the runtime's struct",
    find: "done: {",
    replace: "helper: {",
    at: "helper: {",
    message: "message `helper` and the call runtime's own struct probe_helper type are both the C name probe_helper in struct, union and enum tags",
  },
  { name: "message named like the Handlers interface", find: "done: {", replace: "handlers: {", at: "handlers: {", message: "message `handlers` and the package's own Handlers are both the Go name Handlers in package probe" },
  { name: "wrong direction (TypeScript)", find: 'direction: "to-helper"', replace: 'direction: "to-driver"', at: "direction: \"to-driver\"", message: "Type '\"to-driver\"' is not assignable" },
];

/** The SpecErrors that generating the protocol in `file` must throw. */
function specErrorsOf(file: string): SpecErrors {
  try {
    generate({ specs: [fixture], bundledSpecs: false, protocols: [file], goImportPrefix: "example.com/probe/go", cwd: work });
  } catch (e) {
    if (e instanceof SpecErrors) return e;
    throw e;
  }
  throw new Error(`${file}: generate() accepted the protocol`);
}

function positionOf(text: string, snippet: string): { line: number; column: number } {
  const index = text.indexOf(snippet);
  if (index < 0 || text.indexOf(snippet, index + 1) >= 0) throw new Error(`snippet must occur once: ${snippet}`);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe("each protocol spec mistake is one error at its place", () => {
  test("the unedited protocol is valid", () => {
    const file = join(work, "valid.ts");
    writeFileSync(file, valid);
    const result = generate({ specs: [fixture], bundledSpecs: false, protocols: [file], goImportPrefix: "example.com/probe/go", cwd: work });
    expect(result.protocols.map((p) => p.name)).toEqual(["probe"]);
  });

  test.each(cases)("$name", ({ name, find, replace, at, message }) => {
    if (!valid.includes(find)) throw new Error(`case ${name}: find snippet not in the valid protocol`);
    const text = valid.replace(find, replace);
    const file = join(work, `${name.replace(/\W+/g, "-")}.ts`);
    writeFileSync(file, text);
    const caught = specErrorsOf(file);
    const diagnostics = caught.diagnostics;
    expect(diagnostics, caught.message).toHaveLength(1);
    const [d] = diagnostics;
    expect(d!.pos.file).toBe(file.slice(work.length + 1));
    expect(d!.message).toContain(message);
    const expected = positionOf(text, at);
    expect({ line: d!.pos.line, column: d!.pos.column }).toEqual(expected);
  });

  test("a syscall package named like the Go runtime is refused with a protocol, at the protocol's name", () => {
    const file = join(work, "runtime-package.ts");
    writeFileSync(file, valid);
    let caught: unknown;
    try {
      generate({ specs: [fixture], bundledSpecs: false, protocols: [file], goImportPrefix: "example.com/probe/go", goPackage: "sgwire", cwd: work });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SpecErrors);
    const [d] = (caught as SpecErrors).diagnostics;
    expect(d!.message).toContain("the syscall package `sgwire` would share go/sgwire/ with the Go runtime of protocol `probe`");
    expect({ line: d!.pos.line, column: d!.pos.column }).toEqual(positionOf(valid, '"probe"'));
  });

  test("every name clash is reported, each at its own declaration", () => {
    const text = valid.replace("done: {", "seq: {").replace('status: "s32"', 'encode_frame: "s32"').replace("on: 1 } } },", "on: 1 } }, max: { values: { payload: 0 } } },");
    const file = join(work, "several-clashes.ts");
    writeFileSync(file, text);
    const found = specErrorsOf(file).diagnostics.map((d) => ({ line: d.pos.line, column: d.pos.column, clash: d.message.match(/the (?:Go|C) name (\S+)/)?.[1] ?? d.message }));
    expect(found).toEqual([
      { ...positionOf(text, "payload: 0"), clash: "MaxPayload" },
      { ...positionOf(text, "seq: {"), clash: "Seq" },
      { ...positionOf(text, "encode_frame:"), clash: "EncodeFrame" },
    ]);
  });
});
