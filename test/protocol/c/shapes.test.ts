/**
 * The C header of a protocol with every shape the demo lacks (shapes-spec.ts): it compiles with its
 * static_asserts holding on every target, and roundtrip.c encodes and decodes its golden frames
 * and rejects frames with a bad byte inside arrays and nested structs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { layoutProtocol } from "../../../generator/protocol/resolve/layout.js";
import { execOrThrow } from "../../support/exec.js";
import { messagesInclude, vectorsInclude } from "./c-vectors.js";
import { C_TESTS, headerDir, removeHeaderDirs, targets } from "./c-support.js";
import { requireTarget } from "./c-support.js";
import type { BadFrame } from "./demo-vectors.js";
import { shapesSamples, shapesSpec } from "./shapes-spec.js";
import { padOffsets, WireEncoder } from "./vector-encoder.js";

afterAll(removeHeaderDirs);

const enc = new WireEncoder(shapesSpec);
const good = shapesSamples.map(([message, seq, fields]) => ({ message, seq, fields, hex: enc.encode(message, seq, fields).toString("hex") }));

/** Offset in the frame of a path of field names and array indexes in `everything`. */
function at(...path: (string | number)[]): number {
  let laid = enc.payload("everything");
  let offset = 16;
  let type: unknown;
  for (const step of path) {
    if (typeof step === "number") {
      const element = (type as { array: never }).array;
      offset += step * enc.measure(element).size;
      type = element;
    } else {
      const f = laid.fields.find((x) => x.name === step)!;
      offset += f.offset;
      type = f.type;
    }
    if (typeof type === "string" && shapesSpec.structs![type]) laid = enc.lay(shapesSpec.structs![type]!.fields, 1);
  }
  return offset;
}

function bad(): BadFrame[] {
  const out: BadFrame[] = [];
  const edit = (name: string, change: (b: Buffer) => void, i = 0) => {
    const b = Buffer.from(good[i]!.hex, "hex");
    change(b);
    out.push({ name, hex: b.toString("hex"), accept: 3, want: "EBADMSG" });
  };
  for (const pad of padOffsets(enc, enc.payload("everything"))) edit(`pad byte ${pad}`, (b) => (b[16 + pad] = 1));
  for (const pad of padOffsets(enc, enc.payload("bulk"))) edit(`bulk pad byte ${pad}`, (b) => (b[16 + pad] = 1), 2);
  edit("colors[2] not a color", (b) => (b[at("colors", 2)] = 3));
  edit("inners[1].c not a color", (b) => (b[at("outer", "inners", 1, "c")] = 0));
  edit("inners[1].on 2", (b) => (b[at("outer", "inners", 1, "on")] = 2));
  edit("inners[1].tag unterminated", (b) => (b[at("outer", "inners", 1, "tag") + 5] = 0x41));
  edit("inners[0].blob garbage past len", (b) => (b[at("outer", "inners", 0, "blob") + 2 + 2] = 1));
  edit("blobs[1] len 5", (b) => b.writeUInt16LE(5, at("blobs", 1)));
  edit("blobs[0] garbage past len", (b) => (b[at("blobs", 0) + 2 + 2] = 1));
  edit("names[0] garbage after NUL", (b) => (b[at("names", 0) + 6] = 1));
  edit("names[1] unterminated", (b) => (b[at("names", 1) + 7] = 0x41));
  edit("flags[2] 2", (b) => (b[at("outer", "flags", 2)] = 2));
  edit("mode 1", (b) => b.writeUInt16LE(1, at("mode")));
  edit("big 1", (b) => b.writeUInt32LE(1, at("big")));
  edit("bulk data len 4001", (b) => b.writeUInt16LE(4001, 16), 2);
  edit("everything at the kernel", () => {}, 0);
  out[out.length - 1]!.accept = 1;
  return out;
}

test("no line of shapes.h is wider than 100 columns, long docs included", () => {
  const text = readFileSync(path.join(headerDir("shapes-width", undefined, layoutProtocol(shapesSpec)), "shapes.h"), "utf8");
  const widths = text.split("\n").map((line) => line.replace(/\t/g, " ".repeat(8)).length);
  expect(Math.max(...widths)).toBeLessThanOrEqual(100);
  expect(text).toContain(" * struct shapes_everything - A message with one field of every shape,");
});

describe.each(targets())("shapes.h on $name", (t) => {
  test("round-trips its frames and rejects bad bytes in arrays and nested structs", async () => {
    requireTarget(t);
    const dir = headerDir(`shapes-${t.name}`, undefined, layoutProtocol(shapesSpec));
    const frames = bad();
    writeFileSync(path.join(dir, "messages.inc"), messagesInclude(enc));
    writeFileSync(path.join(dir, "vectors.inc"), vectorsInclude(enc, good, frames));
    const exe = path.join(dir, "roundtrip");
    await execOrThrow(`${t.cc} roundtrip.c`, t.cc, [...t.flags, "-O2", "-I", dir, path.join(C_TESTS, "roundtrip.c"), "-o", exe]);
    const [cmd, ...args] = [...t.run, exe];
    const r = await execOrThrow(`roundtrip on ${t.name}`, cmd!, args, { timeoutMs: 120_000 });
    expect(r.stdout, r.output).toContain(`${good.length} good frames, ${frames.length} bad frames, 0 failures`);
  });
});
