/**
 * The Go protocol emitter: prints the package of one protocol (constants and enums, message
 * types, codec, pipe transport) from its wire IR. It imports only the rawsys package, so a helper
 * built from it stays small and makes its system calls the way the rest of rawsys does.
 */
import type { ProtocolIR } from "../ir.js";
import type { GeneratedFile } from "../../core/generated-file.js";
import { goImportsUsed } from "../../core/go-imports.js";
import { goProtocolView } from "./go-view.js";
import { loadTemplates, type TemplateSet } from "../../core/handlebars-env.js";

/** Options of {@link emitGoProtocol}. */
export interface GoProtocolOptions {
  /** Import path of the generated rawsys package, e.g. `example.com/helper/rawsys`. */
  rawsysImport: string;
}

let cachedTemplates: TemplateSet | undefined;

function templates(): TemplateSet {
  cachedTemplates ??= loadTemplates("generator/protocol/print-go/templates", {
    pad: (text: string, width: number) => text.padEnd(width),
    // Codec ops are printed by kind; one small partial per kind and way.
    opPartial: (way: string, kind: string) => `${way}-${kind}`,
  });
  return cachedTemplates;
}

/** Prints `go/<protocol>/`: the package a helper imports to talk to its driver. */
export function emitGoProtocol(ir: ProtocolIR, options: GoProtocolOptions): GeneratedFile[] {
  const { entries, partials } = templates();
  const view = goProtocolView(ir);
  const part = (name: string, context: object = view) => partials[name]!(context).trimEnd();
  const file = (name: string, decls: string[], doc: string[] = []): GeneratedFile => ({
    path: `go/${view.package}/${name}`,
    content: entries["file.go"]!({ package: view.package, doc, imports: importsOf(decls, options.rawsysImport), decls }),
  });
  return [
    // No file is named after the protocol: `codec` would overwrite codec.go, and a name ending in
    // _test, _linux or _arm64 would make the go tool skip the file or build it on one arch only.
    file("protocol.go", [part("constants"), part("msg-type"), ...view.enums.map((e) => part("enum", e))], view.doc),
    file("types.go", [
      ...view.texts.map((t) => part("text-type", t)),
      ...view.blobs.map((b) => part("blob-type", b)),
      ...view.structs.map((s) => part("struct-type", s)),
      ...view.messages.map((m) => part("struct-type", m)),
      part("msg"),
    ]),
    file("codec.go", [
      part("wire-ints"),
      part("wire-fields"),
      ...[...view.structs, ...view.messages].map((s) => part("codec", s)),
      ...view.messages.map((m) => part("frame", m)),
      part("decode-frame"),
    ]),
    file("conn.go", [part("conn")]),
  ];
}

/** The import specs the declarations need, sorted by path as gofmt keeps them. */
function importsOf(decls: string[], rawsysImport: string): string[] {
  const candidates = [{ path: "syscall", name: "syscall" }, { path: "unsafe", name: "unsafe" }, { path: rawsysImport, name: "rawsys" }];
  return goImportsUsed(decls.join("\n"), candidates);
}
