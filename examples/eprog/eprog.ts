/**
 * The protocol between the eprog driver and its embedded Go helper: one call (the driver's
 * request, the helper's reply) and one notification (the helper's status, every second), over
 * the call runtime's handshake, heartbeat and log lines.
 */
import { defineProtocol } from "syscallgen/spec";

export default defineProtocol({
  name: "eprog",
  doc: "Driver <-> embedded Go helper protocol of the eprog example.",
  // 2: the call runtime's handshake replaced version 1's own hello message.
  version: 2,
  magic: 0x4550524f,
  // A ping a second; a helper that misses a pong for 5 s is killed and started again.
  liveness: { intervalMs: 1000, timeoutMs: 5000 },
  enums: {
    op: {
      doc: "What a request asks the helper to do.",
      width: "u16",
      values: {
        echo: 1, // reply with text as data and a + b as value
        read_file: 2, // reply with the first bytes of the /proc or /sys file named by text
        send_garbage: 3, // test mode: send a malformed status first, which the driver must skip
        exit: 4, // test mode: the helper exits, which the driver must notice and recover from
      },
    },
  },
  messages: {
    request: {
      id: 2,
      direction: "to-helper",
      doc: "A request, the call's.",
      fields: { op: "op", a: "s64", b: "s64", text: { string: 127 } },
    },
    reply: {
      id: 3,
      direction: "to-kernel",
      doc: "The answer to a request: status is 0 or a negative errno.",
      fields: { status: "s32", value: "s64", data: { bytes: 256 } },
    },
    status: {
      id: 4,
      direction: "to-kernel",
      doc: "Sent by the helper every second.",
      fields: { uptime_ms: "u64", requests: "u64", max_rss_kb: "u64", failures: "u32" },
    },
  },
  calls: {
    request: { request: "request", reply: "reply", timeoutMs: 10000, doc: "Asks the helper to carry out a request." },
  },
});
