/**
 * The C emitter: prints one header, `c/<proto>.h`, that a kernel driver and its user-space peer
 * both include. Everything it prints comes from the protocol IR through the view in c-view.ts.
 */
import type { ProtocolIR } from "../ir.js";
import { headerView } from "./c-view.js";
import { wrapComment } from "../../core/comment.js";
import type { GeneratedFile } from "../../core/generated-file.js";
import { loadTemplates, type TemplateSet } from "../../core/handlebars-env.js";

let cachedTemplates: TemplateSet | undefined;

/** Kernel style keeps lines to 100 columns. */
const maxColumns = 100;

/**
 * A function's first line: `head(params)`, wrapped at 100 columns with each continuation aligned
 * under the open parenthesis (tabs, then spaces), as kernel style has it.
 */
function signature(head: string, ...params: string[]): string {
  const open = `${head}(`;
  // Every line starts at the parenthesis' column: the first after `head(`, the others indented to it.
  const lines: string[][] = [[]];
  params.forEach((param, i) => {
    const text = `${param}${i === params.length - 1 ? ")" : ","}`;
    const line = lines[lines.length - 1]!;
    const width = open.length + [...line, text].join(" ").length;
    if (line.length === 0 || width <= maxColumns) line.push(text);
    else lines.push([text]);
  });
  const indent = "\t".repeat(Math.floor(open.length / 8)) + " ".repeat(open.length % 8);
  return lines.map((line, i) => `${i === 0 ? open : indent}${line.join(" ")}`).join("\n");
}

/** Comment text after ` * `, wrapped at 100 columns; the first line starts with `lead`. */
function comment(lead: string, text: string): string {
  return wrapComment(text, " * ", { lead, width: maxColumns }).join("\n");
}

function templates(): TemplateSet {
  cachedTemplates ??= loadTemplates("generator/protocol/print-c/templates", {
    signature,
    comment,
    cat: (...parts: string[]) => parts.join(""),
    // A codec leaf's partial: `put-scalar`, `check-enum`, ...
    op: (action: string, kind: string) => `${action}-${kind}`,
  });
  return cachedTemplates;
}

/** Prints the C header of a protocol. */
export function emitCHeader(ir: ProtocolIR): GeneratedFile {
  return { path: `c/${ir.name}.h`, content: templates().entries["header.h"]!(headerView(ir)) };
}
