/**
 * The protocol between the eprog driver and its embedded Go helper: a version handshake, requests
 * from the kernel answered by replies, log lines and a periodic status report from the helper.
 */
import { defineProtocol } from "syscallgen/spec";

export default defineProtocol({
  name: "eprog",
  doc: "Driver <-> embedded Go helper protocol of the eprog example.",
  version: 1,
  magic: 0x4550524f,
  enums: {
    op: {
      doc: "What a request asks the helper to do.",
      width: "u16",
      values: {
        echo: 1, // reply with text as data and a + b as value
        read_file: 2, // reply with the first bytes of the /proc or /sys file named by text
        send_garbage: 3, // test mode: answer with a malformed frame, which the driver must reject
        exit: 4, // test mode: the helper exits, which the driver must notice and recover from
      },
    },
  },
  messages: {
    hello: {
      id: 1,
      direction: "both",
      doc: "Handshake: the helper sends it first; the driver answers with its own.",
      fields: { protocol_version: "u32", features: "u32", name: { string: 31 } },
    },
    request: {
      id: 2,
      direction: "to-helper",
      doc: "A request; the reply carries the same sequence number.",
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
      fields: { uptime_ms: "u64", requests: "u64", failures: "u32", max_rss_kb: "u32" },
    },
  },
});
