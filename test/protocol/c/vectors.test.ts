/**
 * Golden frames against the generated C codec, on the host, i386 and big-endian s390x (under
 * qemu): demo-vectors.c encodes and decodes every valid frame, checks every bad one gets its
 * errno, and moves frames over pipes. The frames come from an independent encoder, which must
 * also agree with the committed vectors once they exist.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { execOrThrow } from "../../support/exec.js";
import { vectorsInclude } from "./c-vectors.js";
import { C_TESTS, demoSpec, headerDir, removeHeaderDirs, targets } from "./c-support.js";
import { requireTarget } from "./c-support.js";
import { badFrames, committedVectors, encodeSamples, goodVectors } from "./demo-vectors.js";
import { WireEncoder, type Vector } from "./vector-encoder.js";

afterAll(removeHeaderDirs);

const enc = new WireEncoder(demoSpec);

test("the independent encoder writes the frames the wire format describes", () => {
  // Spot checks by hand from the format's text, so the encoder is not only checked against itself.
  const [log, , , hello] = encodeSamples(enc);
  expect(log!.hex.slice(0, 32)).toBe("4f4d4544" + "0100" + "0000" + "f8000000" + "01000000");
  expect(log!.hex.slice(32, 34)).toBe("03"); // level err
  expect(hello!.hex.slice(32, 40)).toBe("efbeadde"); // features, little-endian
  expect(Buffer.from(hello!.hex, "hex").length).toBe(16 + 40); // u32 + char[32], rounded to 8
});

test("the independent encoder agrees with the committed vectors", () => {
  const committed = JSON.parse(readFileSync(committedVectors, "utf8")) as Vector[];
  for (const v of committed) expect(enc.encode(v.message, v.seq, v.fields).toString("hex"), `${v.message} seq ${v.seq}`).toBe(v.hex);
});

describe.each(targets())("C codec on $name", (t) => {
  test("encodes, decodes and rejects the golden frames", async () => {
    requireTarget(t);
    const dir = headerDir(`vectors-${t.name}`);
    const { vectors, source } = goodVectors(enc);
    const bad = badFrames(enc);
    writeFileSync(path.join(dir, "vectors.inc"), vectorsInclude(enc, vectors, bad));
    const exe = path.join(dir, "demo-vectors");
    await execOrThrow(`${t.cc} demo-vectors.c`, t.cc, [...t.flags, "-O2", "-I", dir, path.join(C_TESTS, "demo-vectors.c"), "-o", exe]);
    const [cmd, ...args] = [...t.run, exe];
    const r = await execOrThrow(`demo-vectors on ${t.name}`, cmd!, args, { timeoutMs: 120_000 });
    process.stdout.write(`${t.name}: ${r.stdout.trim()} (valid frames from ${source})\n`);
    expect(r.stdout, r.output).toContain(`${vectors.length} good frames, ${bad.length} bad frames, 0 failures`);
  });
});
