/**
 * View models for the Go templates: IR in, plain objects with every string the templates print.
 * Only presentation is decided here (names, alignment, which Go statements a result needs).
 */
import type { ConstantGroupIR, StructIR, WrapperIR } from "../ir.js";
import { goCallLines, kernelNote } from "./go-calls.js";
import { goLocalName } from "../../core/go-names.js";
import { goNumber } from "./go-words.js";

/** The Go signature's parameter list and result list (with its leading space). */
function signature(w: WrapperIR): { params: string; results: string } {
  const params = w.params.map((p) => `${goLocalName(p.name)} ${p.goType}`).join(", ");
  const results = w.results.map((r) => `${goLocalName(r.name)} ${r.kind === "mapping" ? "[]byte" : r.goType}`);
  if (w.hasError) results.push("err error");
  return { params, results: results.length > 0 ? ` (${results.join(", ")})` : "" };
}

/** The view of one wrapper for the `wrapper` partial. */
export function wrapperView(w: WrapperIR): object {
  const returned = w.results.flatMap((r) => (r.kind === "return" ? [{ name: goLocalName(r.name), goType: r.goType }] : []));
  const mapped = w.results.flatMap((r) => (r.kind === "mapping" ? [{ name: goLocalName(r.name), length: goLocalName(r.lengthParam) }] : []));
  const usesR0 = returned.length > 0 || mapped.length > 0;
  const note = kernelNote(w);
  const doc = [...(w.doc ? [w.doc] : []), ...(w.doc && note ? [""] : []), ...(note ? [note] : [])];
  return {
    goName: w.goName,
    docLines: doc.map((line) => (line === "" ? "//" : `// ${line}`)),
    signature: signature(w),
    prepare: w.prepare,
    callLines: goCallLines(w, usesR0),
    returned,
    hasError: w.hasError,
    mapped,
    hasResults: w.results.length > 0 || w.hasError,
  };
}

/** The view of one struct for the `struct` partial, with the name column's width. */
export function structView(s: StructIR): object {
  return { ...s, nameWidth: Math.max(...s.fields.map((f) => f.name.length)) };
}

/** One constant as it is printed: its name and its Go value expression. */
export interface ConstantLine {
  name: string;
  value: string;
}

/** The printed lines of a constant group on one arch. */
export function constantLines(group: ConstantGroupIR): ConstantLine[] {
  return group.constants.map((c) => {
    const number = goNumber(c.value, group.radix);
    return { name: c.name, value: group.goType ? `${group.goType}(${number})` : number };
  });
}

/** The view of a constant block for the `const-group` partial. */
export function constantGroupView(doc: string, lines: ConstantLine[]): object {
  return { doc, constants: lines, nameWidth: Math.max(...lines.map((l) => l.name.length)) };
}
