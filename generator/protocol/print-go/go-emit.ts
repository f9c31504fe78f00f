/**
 * The Go protocol emitter: prints the package of one protocol (constants and enums, message
 * types, per-message codec, the Conn's typed senders, the Handlers a helper implements and the
 * Serve that calls them) from its wire IR. The wire format's fixed
 * code is the runtime package sgwire (runtime/go/sgwire/, copied beside it by generate), the
 * only package it imports, which itself imports only rawsys: a helper built on it stays small
 * and makes its system calls the way the rest of rawsys does.
 */
import type { ProtocolIR } from "../ir.js";
import type { GeneratedFile } from "../../core/generated-file.js";
import { goImportsUsed } from "../../core/go-imports.js";
import { goRuntimePackage } from "../runtime/go-runtime.js";
import { goProtocolNames, type GoProtocolNames } from "../resolve/go-names.js";
import { goProtocolView } from "./go-view.js";
import { loadTemplates, type TemplateSet } from "../../core/handlebars-env.js";

/** Options of {@link emitGoProtocol}. */
export interface GoProtocolOptions {
  /** Import path of the output's go/ folder, e.g. `example.com/helper/gen/go`: sgwire is `<it>/sgwire`. */
  goImportPrefix: string;
}

let cachedTemplates: TemplateSet | undefined;

function templates(): TemplateSet {
  cachedTemplates ??= loadTemplates("generator/protocol/print-go/templates", {
    pad: (text: string, width: number) => text.padEnd(width),
  });
  return cachedTemplates;
}

/**
 * Each declaration of the package printed on its own, by name: what the files are made of, and
 * what the printer's golden tests compare. `names` are the IR's Go names (resolve's, by default).
 */
export function goProtocolPrinter(ir: ProtocolIR, names: GoProtocolNames = goProtocolNames(ir)) {
  const { partials } = templates();
  const view = goProtocolView(ir, names);
  const part = (name: string, context: object = view) => partials[name]!(context).trimEnd();
  const types = [...view.structs, ...view.messages];
  const find = <T extends { goName: string }>(list: T[], goName: string, what: string): T => {
    const found = list.find((x) => x.goName === goName);
    if (found === undefined) throw new Error(`protocol ${ir.name} has no ${what} ${goName}`);
    return found;
  };
  return {
    view,
    /** The package's frame constants and Direction. */
    constants: () => part("constants"),
    /** MsgType, its constants, and the protocol as sgwire sees it. */
    msgType: () => part("msg-type"),
    enumType: (goName: string) => part("enum", find(view.enums, goName, "enum")),
    textType: (goName: string) => part("text-type", find(view.texts, goName, "string type")),
    blobType: (goName: string) => part("blob-type", find(view.blobs, goName, "bytes type")),
    /** The type of a struct or of a message's payload. */
    structType: (goName: string) => part("struct-type", find(types, goName, "struct or message")),
    encodeMethod: (goName: string) => part("encode", find(types, goName, "struct or message")),
    decodeMethod: (goName: string) => part("decode", find(types, goName, "struct or message")),
    /** A message's EncodeFrame. */
    frameMethod: (goName: string) => part("frame", find(view.messages, goName, "message")),
    msg: () => part("msg"),
    decodeFrame: () => part("decode-frame"),
    conn: () => part("conn"),
    /** The interface a helper implements, and Serve with its ServeOptions. */
    handlers: () => part("handlers"),
    /** The unexported sgwire.Dispatcher that Serve gives the runtime. */
    dispatcher: () => part("dispatcher"),
  };
}

/** Prints `go/<protocol>/`: the package a helper imports to talk to its driver. */
export function emitGoProtocol(ir: ProtocolIR, options: GoProtocolOptions, names?: GoProtocolNames): GeneratedFile[] {
  const p = goProtocolPrinter(ir, names);
  const { view } = p;
  const types = [...view.structs, ...view.messages].map((s) => s.goName);
  const file = (name: string, decls: string[], doc: string[] = []): GeneratedFile => ({
    path: `go/${view.package}/${name}`,
    content: templates().entries["file.go"]!({ package: view.package, doc, importBlock: importBlock(decls, options.goImportPrefix), decls }),
  });
  return [
    // No file is named after the protocol: `codec` would overwrite codec.go, and a name ending in
    // _test, _linux or _arm64 would make the go tool skip the file or build it on one arch only.
    file("protocol.go", [p.constants(), p.msgType(), ...view.enums.map((e) => p.enumType(e.goName))], view.doc),
    file("types.go", [
      ...view.texts.map((t) => p.textType(t.goName)),
      ...view.blobs.map((b) => p.blobType(b.goName)),
      ...types.map(p.structType),
      p.msg(),
    ]),
    file("codec.go", [
      ...types.flatMap((t) => [p.encodeMethod(t), p.decodeMethod(t)]),
      ...view.messages.map((m) => p.frameMethod(m.goName)),
      p.decodeFrame(),
    ]),
    file("conn.go", [p.conn()]),
    file("serve.go", [p.handlers(), p.dispatcher()]),
  ];
}

/** The lines of the import declaration the declarations need (sgwire, if they use it), after a blank line; none if none. */
function importBlock(decls: string[], goImportPrefix: string): string[] {
  const imports = goImportsUsed(decls.join("\n"), [{ path: `${goImportPrefix}/${goRuntimePackage}`, name: goRuntimePackage }]);
  return imports.length === 0 ? [] : ["", "import (", ...imports.map((i) => `\t${i}`), ")"];
}
