/**
 * The bundled example protocol: one message of each shape the language has, a call, and
 * notifications both ways, used by the tests and as the default of `syscallgen gen --protocol`.
 */
import { defineProtocol } from "syscallgen/spec";

export default defineProtocol({
  name: "demo",
  doc: "Example protocol between a driver and its Go helper.",
  version: 1,
  magic: 0x44454d4f,
  liveness: { intervalMs: 2000, timeoutMs: 10000 },
  enums: {
    status: { doc: "Outcome of a request.", width: "u8", values: { ok: 0, busy: 1, failed: 2 } },
    kind: { doc: "What a request asks for.", width: "u16", values: { echo: 1, sum: 2, stat: 3 } },
  },
  structs: {
    range: { doc: "A byte range.", fields: { offset: "u64", length: "u32" } },
    stats: { doc: "Counters a report carries.", fields: { ranges: { array: "range", length: 2 }, total: "s64", flags: "u16" } },
  },
  messages: {
    hello: { id: 1, direction: "both", doc: "Version handshake, sent by each side once.", fields: { features: "u32", name: { string: 31 } } },
    request: { id: 2, direction: "to-helper", doc: "A request for the helper.", fields: { kind: "kind", values: { array: "s32", length: 4 }, verbose: "bool", path: { string: 127 } } },
    reply: { id: 3, direction: "to-kernel", doc: "The answer to a request.", fields: { status: "status", error: "s32", data: { bytes: 200 } } },
    report: { id: 4, direction: "to-kernel", doc: "A periodic status report.", fields: { uptime_ns: "u64", stats: "stats", load: { array: "u8", length: 3 } } },
    ping: { id: 5, direction: "both", doc: "Keepalive with no payload.", fields: {} },
  },
  calls: {
    query: { request: "request", reply: "reply", timeoutMs: 2000, doc: "Asks the helper to carry out a request." },
  },
});
