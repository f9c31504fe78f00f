/**
 * The words random specs take their names from: ones a user would pick, and every name the
 * generated code uses itself, read from the demo's generated C and Go (and the C and Go runtimes
 * copied beside them) rather than listed by hand,
 * so a helper added to the output is a candidate spec name the next run.
 */
import { emitC } from "../../../generator/protocol/print-c/c-emit.js";
import { emitGoProtocol } from "../../../generator/protocol/print-go/go-emit.js";
import { layoutProtocol } from "../../../generator/protocol/resolve/layout.js";
import { goRuntimeFiles } from "../../../generator/protocol/runtime/go-runtime.js";
import { cRuntimeFiles } from "../../../generator/protocol/runtime/c-runtime.js";
import demo from "../../../specs/protocols/demo.js";

/** Names people give protocols, messages, structs, enums and fields. */
export const userWords = [
  "status", "error", "data", "text", "blob", "payload", "header", "reader", "msg", "type", "len", "size", "seq",
  "version", "magic", "log", "level", "kind", "id", "value", "values", "buf", "frame", "conn", "side", "direction",
  "name", "path", "flags", "mode", "count", "offset", "length", "time", "state", "result", "request", "reply",
  "event", "config", "stats", "ping", "hello", "open", "close", "read", "write", "ok", "fail", "busy", "on", "off",
  "call", "query", "notify", "ops", "helper", "handlers", "serve", "tick", "welcome", "pong", "bye", "timeout",
  "min", "max", "pid", "uid", "fd", "addr", "port", "user", "key", "item", "items", "entry", "list", "total",
  "current", "int", "bool", "string", "bytes", "u8", "s64", "default", "switch", "case", "main", "init", "errno",
];

/**
 * Identifier words of the demo's generated output: each identifier without the demo prefix, in
 * snake_case (`decodePayload` is `decode_payload`, `__demo_put_range` is `put_range`), and
 * each of its parts on its own.
 */
export function generatedWords(): string[] {
  const ir = layoutProtocol(demo);
  const text = [...emitC(ir), ...emitGoProtocol(ir, { goImportPrefix: "rt" }), ...goRuntimeFiles("rt/rawsys"), ...cRuntimeFiles()].map((f) => f.content).join("\n");
  const words = new Set<string>();
  for (const [identifier] of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    const parts = identifier
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .split("_")
      .filter((p) => p !== "" && p !== demo.name);
    if (parts.length === 0) continue;
    for (const word of [parts.join("_"), ...parts]) if (/^[a-z][a-z0-9_]*$/.test(word)) words.add(word);
  }
  return [...words].sort();
}

/** Every candidate name, each once, in a fixed order. */
export function allWords(): string[] {
  return [...new Set([...userWords, ...generatedWords()])].sort();
}
