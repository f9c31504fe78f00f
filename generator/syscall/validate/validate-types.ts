/**
 * Checks struct and constant specs: unique exported names, field types that exist, and per-arch
 * variants that do not claim the same arch twice.
 */
import type { DiagnosticSink, SourcePos } from "../../core/diagnostics.js";
import { keyPosOf, posOf } from "../../core/literal.js";
import type { StructInput } from "../spec/spec-set.js";
import { sizedFieldIntegers, wordFieldIntegers, type ConstantGroup, type FieldSpec, type Fields } from "../spec/types.js";
import { isOneOf } from "../spec/one-of.js";
import { checkGoName } from "./names.js";

/** Whether a field type names a scalar, a declared struct, or an array of either. */
function knownFieldType(type: string, structs: Set<string>): boolean {
  const element = type.replace(/^(\[\d+\])+/, "").replace(/^\*/, "");
  return isOneOf(sizedFieldIntegers, element) || isOneOf(wordFieldIntegers, element) || structs.has(element);
}

/** Reports every problem in the struct specs. */
export function validateStructs(inputs: StructInput[], sink: DiagnosticSink): void {
  const names = new Set(inputs.map((s) => s.name));
  const seen = new Map<string, SourcePos>();
  for (const { name, spec, pos } of inputs) {
    const earlier = seen.get(name);
    if (earlier) sink.error(pos, `duplicate struct \`${name}\` (first declared at ${earlier.file}:${earlier.line})`);
    seen.set(name, pos);
    checkGoName(name, "struct", pos, sink, { exported: true });
    if (!spec.fields && !spec.variants) sink.error(pos, `struct \`${name}\` declares neither fields nor variants`);
    const claimed = new Map<string, number>();
    spec.variants?.forEach((variant, i) => {
      for (const arch of variant.arches) {
        if (claimed.has(arch)) sink.error(posOf(variant, "arches"), `struct \`${name}\`: ${arch} is in variants ${claimed.get(arch)} and ${i}`);
        claimed.set(arch, i);
      }
      checkFields(name, variant.fields, names, sink);
    });
    if (spec.fields) checkFields(name, spec.fields, names, sink);
  }
}

function checkFields(struct: string, fields: Fields, structs: Set<string>, sink: DiagnosticSink): void {
  for (const [field, declared] of Object.entries(fields)) {
    const spec: FieldSpec = typeof declared === "string" ? { type: declared } : declared;
    if (!field.startsWith("_")) checkGoName(field, "field", keyPosOf(fields, field), sink, { exported: true });
    for (const type of [spec.type, spec.alignAs]) {
      if (type !== undefined && !knownFieldType(type, structs)) {
        sink.error(posOf(fields, field), `${struct}.${field}: unknown field type \`${type}\` (a sized integer, long, ulong, a declared struct, *T, or [N] of one)`);
      }
    }
  }
}

/** Reports duplicate or malformed constant names and values that do not fit 64 bits. */
export function validateConstants(groups: ConstantGroup[], sink: DiagnosticSink): void {
  const seen = new Map<string, SourcePos>();
  for (const group of groups) {
    for (const [name, value] of Object.entries(group.values)) {
      const at = keyPosOf(group.values, name);
      const earlier = seen.get(name);
      if (earlier) sink.error(at, `duplicate constant \`${name}\` (first declared at ${earlier.file}:${earlier.line})`);
      seen.set(name, at);
      checkGoName(name, "constant", at, sink, { exported: true });
      const values = typeof value === "object" ? Object.values(value) : [value];
      for (const v of values) {
        if (typeof v === "number" && !Number.isInteger(v)) {
          sink.error(posOf(group.values, name), `constant \`${name}\`: ${v} is not a whole number`);
          continue;
        }
        const big = BigInt(v as number | bigint);
        if (big < -(2n ** 63n) || big >= 2n ** 64n) sink.error(posOf(group.values, name), `constant \`${name}\`: ${big} does not fit in 64 bits`);
      }
    }
  }
}
