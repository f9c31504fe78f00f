/**
 * The C emitter: prints one header, `c/<proto>.h`, that a kernel driver and its user-space peer
 * both include, beside the runtime it includes (sgwire.h, copied by gen), and `c/<proto>_helper.c`,
 * the kernel API of the call runtime built over the runtime's sgwire_helper.c. Everything it prints
 * comes from the protocol IR through the view in c-view.ts; the templates print the skeleton and
 * each declaration, and choose nothing.
 */
import type { ProtocolIR } from "../ir.js";
import { headerView, maxColumns, wrapCall, type HeaderView } from "./c-view.js";
import { wrapComment } from "../../core/comment.js";
import type { GeneratedFile } from "../../core/generated-file.js";
import { loadTemplates, type TemplateSet } from "../../core/handlebars-env.js";

let cachedTemplates: TemplateSet | undefined;

function templates(): TemplateSet {
  cachedTemplates ??= loadTemplates("generator/protocol/print-c/templates", {
    // A function's first line, its parameters wrapped at 100 columns under the parenthesis.
    signature: (head: string, ...params: string[]) => wrapCall(head, params, ")"),
    // Comment text after ` * `, wrapped at 100 columns; the first line starts with `lead`.
    comment: (lead: string, text: string) => wrapComment(text, " * ", { lead, width: maxColumns }).join("\n"),
    cat: (...parts: string[]) => parts.join(""),
  });
  return cachedTemplates;
}

/** Prints the C header of a protocol. */
export function emitCHeader(ir: ProtocolIR): GeneratedFile {
  return { path: `c/${ir.name}.h`, content: templates().entries["header.h"]!(headerView(ir)) };
}

/** Prints `c/<proto>_helper.c`, the kernel API of the call runtime that the header declares. */
export function emitCHelper(ir: ProtocolIR): GeneratedFile {
  const view = headerView(ir);
  return { path: `c/${view.helper.file}`, content: templates().entries["helper.c"]!(view) };
}

/** Prints the protocol's C files: the header, and the call runtime's kernel API. */
export function emitC(ir: ProtocolIR): GeneratedFile[] {
  return [emitCHeader(ir), emitCHelper(ir)];
}

/** The declarations of the header that can be printed alone: the templates' partials, by name. */
export const cDeclarations = [
  "enum",
  "struct",
  "codec",
  "put",
  "get",
  "check",
  "encode",
  "send",
  "protocol",
  "decode",
  "reader",
  "recv-kernel",
  "recv-user",
  "log",
  "helper-api",
  "call-decl",
  "notify-decl",
  "helper-struct",
  "encoder",
  "decoder",
  "dispatch",
  "desc",
  "lifecycle",
  "call",
  "notify",
] as const;

/** One of cDeclarations. */
export type CDeclaration = (typeof cDeclarations)[number];

/**
 * Which list of the view holds a declaration's subject (`helper.x` is the call glue's list x);
 * the others print the whole header's view.
 */
const subjects: Record<CDeclaration, "enums" | "structs" | "messages" | "helper.calls" | "helper.notifies" | "helper.encoders" | "helper.decoders" | null> = {
  enum: "enums",
  struct: "structs",
  codec: "structs",
  put: "structs",
  get: "structs",
  check: "structs",
  encode: "messages",
  send: "messages",
  protocol: null,
  decode: null,
  reader: null,
  "recv-kernel": null,
  "recv-user": null,
  log: null,
  "helper-api": null,
  "call-decl": "helper.calls",
  "notify-decl": "helper.notifies",
  "helper-struct": null,
  encoder: "helper.encoders",
  decoder: "helper.decoders",
  dispatch: null,
  desc: null,
  lifecycle: null,
  call: "helper.calls",
  notify: "helper.notifies",
};

/**
 * One declaration of the header or of `<proto>_helper.c` printed alone, as it is in its file:
 * the enum, struct or message named `tag` (its C tag, `demo_status`), the call, notification,
 * encoder or decoder named `tag` (its function, `demo_call_query`), or the protocol's own
 * declarations. What the printer's golden tests compare.
 */
export function printCDeclaration(ir: ProtocolIR, declaration: CDeclaration, tag?: string): string {
  const view = headerView(ir);
  const list = subjects[declaration];
  const items = (): { tag: string }[] => {
    switch (list) {
      case null:
        return [];
      case "structs":
        return [...view.structs, ...view.messages];
      case "enums":
      case "messages":
        return view[list];
      default:
        return view.helper[list.slice("helper.".length) as "calls" | "notifies" | "encoders" | "decoders"];
    }
  };
  const subject = list === null ? view : items().find((s) => s.tag === tag);
  if (subject === undefined) throw new Error(`printCDeclaration: no ${declaration} of ${tag} in protocol ${ir.name}`);
  return templates().partials[declaration]!(subject satisfies HeaderView | object);
}
