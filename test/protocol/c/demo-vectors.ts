/**
 * Golden frames of the demo protocol: valid messages of every type (edge values included), and
 * frames that each break one rule of the wire, with the errno a decoder must answer. Frames come
 * from the independent encoder; the committed vectors, once the lead adds them, are used too.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../support/paths.js";
import { padOffsets, WireEncoder, type Vector } from "./vector-encoder.js";

/** A frame a decoder must reject, the direction mask it is decoded with, and the answer. */
export interface BadFrame {
  name: string;
  hex: string;
  accept: number;
  want: "EBADMSG" | "EPROTO";
}

export const toKernel = 1;
export const toHelper = 2;

/** The committed golden vectors, when the lead has added them. */
export const committedVectors = path.join(REPO_ROOT, "test", "protocol", "vectors", "demo.json");

const max = (n: number, c = "x") => c.repeat(n);

/** Message values, each encoded with the seq given. */
const samples: [string, number, Record<string, unknown>][] = [
  ["log", 1, { level: "err", text: "helper started" }],
  ["log", 2, { level: "debug", text: max(239) }],
  ["log", 3, { level: "emerg", text: "" }],
  ["hello", 4, { features: 0xdeadbeef, name: "syscallgen" }],
  ["hello", 0xffffffff, { features: 0, name: max(31, "n") }],
  ["request", 5, { kind: "sum", values: [1, -2, 2147483647, -2147483648], verbose: true, path: "/etc/hostname" }],
  ["request", 6, { kind: "stat", values: [0, 0, 0, 0], verbose: false, path: max(127, "p") }],
  ["reply", 7, { status: "failed", error: -22, data: "00ff10" }],
  ["reply", 8, { status: "ok", error: 0, data: "" }],
  ["reply", 9, { status: "busy", error: 1, data: "a5".repeat(200) }],
  [
    "report",
    10,
    {
      uptime_ns: "18446744073709551615",
      stats: { ranges: [{ offset: "1099511627776", length: 4096 }, { offset: 0, length: 4294967295 }], total: "-9223372036854775808", flags: 0xa5a5 },
      load: [1, 2, 255],
    },
  ],
  ["ping", 0, {}],
];

/** The demo's valid frames: the committed ones when present, else the independent encoder's. */
export function goodVectors(enc: WireEncoder): { vectors: Vector[]; source: string } {
  if (existsSync(committedVectors)) return { vectors: JSON.parse(readFileSync(committedVectors, "utf8")) as Vector[], source: committedVectors };
  return { vectors: encodeSamples(enc), source: "test/protocol/c/vector-encoder.ts" };
}

/** The samples above, encoded by the independent encoder. */
export function encodeSamples(enc: WireEncoder): Vector[] {
  return samples.map(([message, seq, fields]) => ({ message, seq, fields, hex: enc.encode(message, seq, fields).toString("hex") }));
}

/** Frames that each break one rule; built by editing valid frames at offsets the encoder computes. */
export function badFrames(enc: WireEncoder): BadFrame[] {
  const out: BadFrame[] = [];
  const frame = (message: string, i = 0) => enc.encode(...(samples.filter((s) => s[0] === message)[i]!));
  const field = (message: string, name: string) => 16 + enc.payload(message).fields.find((f) => f.name === name)!.offset;
  const add = (name: string, buf: Buffer, want: BadFrame["want"] = "EBADMSG", accept = toKernel | toHelper) =>
    out.push({ name, hex: buf.toString("hex"), accept, want });
  const edit = (message: string, change: (b: Buffer) => void, i = 0) => {
    const b = frame(message, i);
    change(b);
    return b;
  };

  add("bad magic", edit("hello", (b) => (b[0]! ^= 0x01)));
  add("other version", edit("hello", (b) => b.writeUInt16LE(enc.spec.version + 1, 4)), "EPROTO");
  add("version 0", edit("ping", (b) => b.writeUInt16LE(0, 4)), "EPROTO");
  add("unknown type", edit("ping", (b) => b.writeUInt16LE(0xffff, 6)));
  add("unknown type 6", edit("ping", (b) => b.writeUInt16LE(6, 6)));
  add("to-helper message at the kernel", frame("request"), "EBADMSG", toKernel);
  add("to-kernel message at the helper", frame("reply"), "EBADMSG", toHelper);
  add("log at the helper", frame("log"), "EBADMSG", toHelper);
  add("accept nothing", frame("hello"), "EBADMSG", 0);
  add("length field too big", edit("hello", (b) => b.writeUInt32LE(b.readUInt32LE(8) + 8, 8)));
  add("length field too small", edit("hello", (b) => b.writeUInt32LE(b.readUInt32LE(8) - 8, 8)));
  add("length field of ping not 0", edit("ping", (b) => b.writeUInt32LE(8, 8)));
  add("length field huge", edit("reply", (b) => b.writeUInt32LE(0xffffffff, 8)));
  add("frame truncated by one", frame("report").subarray(0, -1));
  add("frame one byte long", Buffer.concat([frame("report"), Buffer.from([0])]));
  add("header only of hello", frame("hello").subarray(0, 16));
  add("half a header", frame("ping").subarray(0, 10));
  add("empty frame", Buffer.alloc(0));
  add("log level 8", edit("log", (b) => (b[field("log", "level")] = 8)));
  add("kind 0", edit("request", (b) => b.writeUInt16LE(0, field("request", "kind"))));
  add("kind 4", edit("request", (b) => b.writeUInt16LE(4, field("request", "kind"))));
  add("kind 0x0101", edit("request", (b) => b.writeUInt16LE(0x0101, field("request", "kind"))));
  add("status 3", edit("reply", (b) => (b[field("reply", "status")] = 3)));
  add("bool 2", edit("request", (b) => (b[field("request", "verbose")] = 2)));
  add("bool 0xff", edit("request", (b) => (b[field("request", "verbose")] = 0xff)));
  add("unterminated string", edit("hello", (b) => b.fill(0x41, field("hello", "name"), field("hello", "name") + 32)));
  add("unterminated log text", edit("log", (b) => (b[field("log", "text") + 239] = 0x41), 1));
  add("garbage after NUL", edit("hello", (b) => (b[field("hello", "name") + 12] = 1)));
  add("garbage at the end of a string", edit("request", (b) => (b[field("request", "path") + 127] = 0x2f)));
  add("bytes length over max", edit("reply", (b) => b.writeUInt16LE(201, field("reply", "data")), 2));
  add("bytes length 0xffff", edit("reply", (b) => b.writeUInt16LE(0xffff, field("reply", "data")), 1));
  add("garbage past bytes length", edit("reply", (b) => (b[field("reply", "data") + 2 + 3] = 1)));
  add("garbage at the end of bytes", edit("reply", (b) => (b[field("reply", "data") + 2 + 199] = 1), 1));
  for (const message of new Set(samples.map(([m]) => m))) {
    for (const pad of padOffsets(enc, enc.payload(message))) add(`${message} pad byte ${pad}`, edit(message, (b) => (b[16 + pad] = 0x80)));
  }
  return out;
}
