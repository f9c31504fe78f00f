/**
 * The protocol of sgwtest, the call runtime's test driver (test/kernel/sgwtest): an add call the
 * stress test and the benchmark make by the thousand, a probe and a quick call (one long timeout,
 * one short) that carry a tag the helper records, a seen call that asks whether it saw a tag, and
 * notifications both ways: the test mode, a pause, payloads that fill the pipe, and events back.
 */
import { defineProtocol } from "syscallgen/spec";

export default defineProtocol({
  name: "sgwtest",
  doc: "The call runtime's test driver and its Go helper.",
  version: 1,
  magic: 0x53475754,
  // A hung helper is found within seconds: a ping every 500 ms, 6 s to answer it (longer than
  // the cancel step's 4.5 s pause, with room for a slow arch under TCG to drain the pipe after).
  liveness: { intervalMs: 500, timeoutMs: 6000 },
  enums: {
    mode: {
      doc: "How the helper misbehaves from now on (see helper/main.go).",
      width: "u16",
      values: { normal: 0, hang: 1, late: 2, flood: 3, ctrl: 4, noread: 5, forkchild: 6, midframe: 7, garbage: 8, bye: 9 },
    },
  },
  messages: {
    add: { id: 1, direction: "to-helper", doc: "a + b, please.", fields: { tag: "u64", a: "s64", b: "s64" } },
    sum: { id: 2, direction: "to-kernel", doc: "The sum of an add.", fields: { tag: "u64", sum: "s64" } },
    probe: { id: 3, direction: "to-helper", doc: "A request the helper records by its tag.", fields: { tag: "u64" } },
    quick: { id: 4, direction: "to-helper", doc: "The same, for a call with a short timeout.", fields: { tag: "u64" } },
    seen_query: { id: 5, direction: "to-helper", doc: "Did the helper see a request with this tag?", fields: { tag: "u64" } },
    ack: { id: 6, direction: "to-kernel", doc: "The answer to probe, quick and seen.", fields: { tag: "u64", seen: "bool", requests: "u64" } },
    set_mode: { id: 7, direction: "to-helper", doc: "Switch the helper to a test mode.", fields: { mode: "mode", arg: "u32" } },
    pause: { id: 8, direction: "to-helper", doc: "Stop reading for ms milliseconds.", fields: { ms: "u32" } },
    fill: { id: 9, direction: "to-helper", doc: "A large payload, to fill the pipe.", fields: { tag: "u64", data: { bytes: 900 } } },
    event: { id: 10, direction: "to-kernel", doc: "A notification from the helper.", fields: { count: "u64", value: "u64" } },
  },
  calls: {
    add: { request: "add", reply: "sum", timeoutMs: 5000, doc: "Adds two numbers." },
    probe: { request: "probe", reply: "ack", timeoutMs: 8000, doc: "Records the tag; long enough for its caller to be killed while it waits." },
    quick: { request: "quick", reply: "ack", timeoutMs: 300, doc: "Records the tag, with a timeout a late helper misses." },
    seen: { request: "seen_query", reply: "ack", timeoutMs: 15000, doc: "Asks whether a tag was seen; it may wait behind a paused helper and a full pipe." },
  },
});
