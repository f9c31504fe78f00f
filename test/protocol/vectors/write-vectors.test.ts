/**
 * The committed golden vectors, test/protocol/vectors/demo.json, are the independent encoder's
 * frames for the demo samples. Run with SYSCALLGEN_UPDATE_VECTORS=1 to rewrite them after a
 * deliberate change to the demo protocol; otherwise this checks the file is current.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { demoSpec } from "../c/c-support.js";
import { committedVectors, encodeSamples } from "../c/demo-vectors.js";
import { WireEncoder } from "../c/vector-encoder.js";

test("demo.json holds the independent encoder's frames for every demo message", () => {
  const text = `${JSON.stringify(encodeSamples(new WireEncoder(demoSpec)), null, 1)}\n`;
  if (process.env.SYSCALLGEN_UPDATE_VECTORS === "1") writeFileSync(committedVectors, text);
  expect(readFileSync(committedVectors, "utf8")).toBe(text);
  const messages = new Set((JSON.parse(text) as { message: string }[]).map((v) => v.message));
  expect([...messages].sort()).toEqual(["hello", "log", "ping", "reply", "report", "request"]);
});
