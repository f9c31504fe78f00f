/**
 * Golden vectors of the demo protocol: every message, with the edges of every field type (empty
 * and full strings and blobs, extreme integers, every enum value, both bools).
 */
import type { ProtocolIR } from "../../../generator/protocol/ir.js";
import { vector, type FieldValue, type Vector } from "./vector-encoder.js";

const range = (offset: FieldValue, length: number) => ({ offset, length });

const samples: [string, number, Record<string, FieldValue>][] = [
  ["log", 0, { level: 0, text: "" }],
  ["log", 1, { level: 3, text: "helper: cannot open /dev/thing" }],
  ["log", 2, { level: 7, text: "x".repeat(239) }],
  ["hello", 1, { features: 0, name: "" }],
  ["hello", 0xffffffff, { features: 0xdeadbeef, name: "demo-helper 1.0 with a long name" .slice(0, 31) }],
  ["request", 7, { kind: 1, values: [0, -1, 2147483647, -2147483648], verbose: true, path: "/sys/kernel/demo" }],
  ["request", 8, { kind: 3, values: [1, 2, 3, 4], verbose: false, path: "p".repeat(127) }],
  ["request", 9, { kind: 2, values: [0, 0, 0, 0], verbose: false, path: "héllo wörld" }],
  ["reply", 7, { status: 0, error: 0, data: "" }],
  ["reply", 8, { status: 2, error: -22, data: "00ff10203040" }],
  ["reply", 9, { status: 1, error: 2147483647, data: "ab".repeat(200) }],
  ["report", 3, { uptime_ns: "18446744073709551615", stats: { ranges: [range(0, 0), range("9007199254740993", 4096)], total: "-9223372036854775808", flags: 65535 }, load: [0, 128, 255] }],
  ["report", 4, { uptime_ns: 123456789, stats: { ranges: [range(1, 2), range(3, 4)], total: -1, flags: 0 }, load: [1, 2, 3] }],
  ["ping", 0, {}],
  ["ping", 42, {}],
];

/** The demo's golden vectors, encoded from the IR by the independent encoder. */
export function demoVectors(ir: ProtocolIR): Vector[] {
  return samples.map(([message, seq, fields]) => vector(ir, message, seq, fields));
}
