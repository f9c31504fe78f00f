/**
 * View models for the Go templates: IR in, plain objects with every string the templates print.
 * Only presentation is decided here (names, alignment, the statements of a wrapper's body).
 */
import type { ConstantGroupIR, ResultIR, StructIR, WrapperIR } from "../ir.js";
import { goCallLines, kernelNote } from "./go-calls.js";
import { goLocalName } from "../../core/go-names.js";
import { goLocals } from "./go-locals.js";
import { finishLines, prepareLines } from "./go-steps.js";
import { goNumber } from "./go-words.js";

/** How a result is printed: its Go type, and the statements that give it its value. */
interface ResultPrint {
  goType: string;
  /** Whether it is made from the syscall's return value. */
  fromR0: boolean;
  /** Statements before the errno check. */
  beforeError: string[];
  /** Statements after it, which run only on success. */
  afterError: string[];
}

function resultPrint(r: ResultIR): ResultPrint {
  const name = goLocalName(r.name);
  switch (r.kind) {
    case "return":
      return { goType: r.goType, fromR0: true, beforeError: [`${name} = ${r.goType}(${goLocals.r0})`], afterError: [] };
    case "mapping":
      return { goType: "[]byte", fromR0: true, beforeError: [], afterError: ["if err == nil {", `\t${name} = mapping(${goLocals.r0}, int(${goLocalName(r.lengthParam)}))`, "}"] };
    case "memory":
      // The kernel wrote it through its address.
      return { goType: r.goType, fromR0: false, beforeError: [], afterError: [] };
  }
}

/** The Go signature's parameter list and result list (with its leading space). */
function signature(w: WrapperIR): { params: string; results: string } {
  const params = w.params.map((p) => `${goLocalName(p.name)} ${p.goType}`).join(", ");
  const results = w.results.map((r) => `${goLocalName(r.name)} ${resultPrint(r).goType}`);
  if (w.hasError) results.push("err error");
  return { params, results: results.length > 0 ? ` (${results.join(", ")})` : "" };
}

/** The statements of a wrapper's body, indented relative to it. */
function body(w: WrapperIR): string[] {
  const results = w.results.map(resultPrint);
  const { e1 } = goLocals;
  return [
    ...w.prepare.flatMap((step, i) => prepareLines(step, i)),
    ...goCallLines(w, results.some((r) => r.fromR0)),
    ...results.flatMap((r) => r.beforeError),
    ...(w.hasError ? [`if ${e1} != 0 {`, `\terr = errnoErr(${e1})`, "}"] : []),
    ...results.flatMap((r) => r.afterError),
    ...w.prepare.flatMap((step, i) => finishLines(step, i)),
    ...(w.results.length > 0 || w.hasError ? ["return"] : []),
  ];
}

/** The view of one wrapper for the `wrapper` partial. */
export function wrapperView(w: WrapperIR): object {
  const note = kernelNote(w);
  const doc = [...(w.doc ? [w.doc] : []), ...(w.doc && note ? [""] : []), ...(note ? [note] : [])];
  return {
    goName: w.goName,
    docLines: doc.map((line) => (line === "" ? "//" : `// ${line}`)),
    signature: signature(w),
    body: body(w),
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
