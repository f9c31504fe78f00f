/**
 * The committed golden frames come from the C side's encoder, which lays messages out from the
 * format's description alone. The Go side's encoder takes its offsets from the generator's wire
 * IR. Both must give the same bytes for every committed vector, which checks the layout itself.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { committedVectors } from "../c/demo-vectors.js";
import { demoIR } from "../go/demo-ir.js";
import { encodeFrame, type FieldValue } from "../go/vector-encoder.js";
import type { ProtocolIR, WireTypeIR } from "../../../generator/protocol/ir.js";

interface Committed {
  message: string;
  seq: number;
  fields: Record<string, FieldValue>;
  hex: string;
}

/** The committed vectors name enum values; the Go encoder takes numbers. */
function enumsAsNumbers(ir: ProtocolIR, type: WireTypeIR, value: FieldValue): FieldValue {
  if (type.kind === "enum" && typeof value === "string") return ir.enums.find((e) => e.name === type.name)!.values.find((v) => v.name === value)!.value;
  if (type.kind === "array" && Array.isArray(value)) return value.map((v) => enumsAsNumbers(ir, type.element, v));
  if (type.kind === "struct" && typeof value === "object" && !Array.isArray(value)) {
    const struct = ir.structs.find((s) => s.name === type.name)!;
    return Object.fromEntries(struct.fields.map((f) => [f.name, enumsAsNumbers(ir, f.type, value[f.name]!)]));
  }
  return value;
}

test("the IR-driven encoder writes the committed frame of every vector", () => {
  const ir = demoIR();
  const vectors = JSON.parse(readFileSync(committedVectors, "utf8")) as Committed[];
  expect(vectors.length).toBeGreaterThanOrEqual(ir.messages.length);
  for (const v of vectors) {
    const message = ir.messages.find((m) => m.name === v.message)!;
    const fields = Object.fromEntries(message.fields.map((f) => [f.name, enumsAsNumbers(ir, f.type, v.fields[f.name]!)]));
    expect(Buffer.from(encodeFrame(ir, v.message, v.seq, fields)).toString("hex"), `${v.message} seq ${v.seq}`).toBe(v.hex);
  }
});
