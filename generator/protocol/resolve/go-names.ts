/**
 * Every Go name of a protocol's package that a spec name reaches, decided once: the printer
 * prints these and the resolve stage reports their clashes at the declaration that owns each
 * name.
 *
 * Kept apart by construction: every name made from a spec name at package level is exported
 * (goCamel starts it upper case), while the package's own helpers are unexported, so a spec can
 * never redeclare proto or wire; per-struct codecs are the methods encode and decode, lower case
 * beside the exported fields. Locals (b, m, i, frame...) are lower case too and spec names reach
 * them only as selectors (m.Field). What can still meet, the exported names and the fields beside
 * EncodeFrame and Seq, is declared in a NameBook and checked. The wire format's helpers are the
 * runtime package sgwire's, reached only as sgwire.Name, so they take no name here.
 */
import type { ProtocolIR, WireMessageIR, WireStructIR } from "../ir.js";
import { logLevelEnum, logMessage } from "../spec/wire-format.js";
import { fixedOwner, NameBook, ownerOf, type NameOwner } from "./names.js";
import { boundsUsed } from "./go-types.js";
import { goRuntimePackage } from "../runtime/go-runtime.js";

/** A snake_case spec name as an exported Go name: `uptime_ns` -> `UptimeNs`. */
export function goCamel(snake: string): string {
  return snake
    .split("_")
    .filter((part) => part !== "")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** Exported identifiers the package declares whatever the spec says. */
export const fixedExported = [
  "Magic", "Version", "HeaderSize", "MaxPayload", "MaxFrame", "Direction", "ToKernel", "ToHelper",
  "MsgType", "Msg", "DecodeFrame", "Side", "SideHelper", "SideKernel", "Conn", "NewConn", "Helper",
  "Handlers", "Serve", "ServeOptions",
];

/**
 * The package's unexported names and the package its files import: no spec name can take these
 * shapes, but they are declared so the book lists every package-level name the package has.
 */
export const fixedUnexported = ["proto", "wire", "dispatcher", goRuntimePackage];

/** Methods every struct and message type has; messages also have EncodeFrame. */
export const codecMethods = ["encode", "decode"];

/** Fields and methods of Msg besides a field per message. */
export const msgMembers = ["Seq", "EncodeFrame", "decode"];

/** Fields and methods of Conn besides a Send method per message. */
export const connMembers = ["conn", "Recv", "Log", "Features", "Stop"];

/** Methods of Handlers besides one per call and one per notification to the helper. */
export const handlersMembers = ["Tick"];

/** The scope where the protocol's package name meets the runtime's: both are folders of go/. */
export const goFolderScope = "the output's go/ folder";

/** The Go names of a struct's type and fields. */
export interface GoStructNames {
  type: string;
  /** Field spec name -> Go field name. */
  fields: Map<string, string>;
}

/** A message's names: its payload struct's, its type and size constants, and Conn's method. */
export interface GoMessageNames extends GoStructNames {
  typeConst: string;
  sizeConst: string;
  send: string;
}

/** Every spec-reachable Go name of one protocol's package, and their clashes. */
export interface GoProtocolNames {
  book: NameBook;
  enums: Map<string, { type: string; values: Map<string, string> }>;
  structs: Map<string, GoStructNames>;
  messages: Map<string, GoMessageNames>;
  /** Type of a string field of at most n bytes, and of a bytes field, by bound. */
  texts: Map<number, string>;
  blobs: Map<number, string>;
  /** The methods of Handlers: call name -> its method, notification to the helper -> its method. */
  handlers: { calls: Map<string, string>; notifications: Map<string, string> };
}

// One naming per IR: resolve's clash check decides the names, and the printer gets the same ones.
const decided = new WeakMap<ProtocolIR, GoProtocolNames>();

/**
 * Decides the Go names of `ir`'s package, once per IR object: a later call with the same IR
 * returns the same names (IRs are not changed after resolve makes them).
 */
export function goProtocolNames(ir: ProtocolIR): GoProtocolNames {
  let names = decided.get(ir);
  if (names === undefined) decided.set(ir, (names = decideNames(ir)));
  return names;
}

function decideNames(ir: ProtocolIR): GoProtocolNames {
  const book = new NameBook("Go");
  // The protocol's package is go/<name>/, beside the runtime's go/sgwire/.
  book.declareFixed(goFolderScope, [goRuntimePackage], (n) => `the Go runtime package ${n} that gen writes beside every protocol`);
  book.declare(goFolderScope, ir.name, { kind: "protocol" });
  const pkg = `package ${ir.name}`;
  book.declareFixed(pkg, fixedExported, (n) => `the package's own ${n}`);
  book.declareFixed(pkg, fixedUnexported, (n) => `the package's own ${n}`);
  const bounds = boundsUsed([...ir.structs, ...ir.messages].flatMap((s) => s.fields.map((f) => f.type)));
  const texts = new Map(bounds.texts.map((max) => [max, book.declare(pkg, `String${max}`, fixedOwner(`the package's type String${max} for { string: ${max} }`))]));
  const blobs = new Map(bounds.blobs.map((max) => [max, book.declare(pkg, `Bytes${max}`, fixedOwner(`the package's type Bytes${max} for { bytes: ${max} }`))]));

  const enums = new Map(
    ir.enums.map((e) => {
      const type = book.declare(pkg, goCamel(e.name), ownerOf.enum(e));
      // The built-in levels read as printk's (LogErr, LogDebug), not LogLevelErr.
      const prefix = e.name === logLevelEnum ? goCamel(logMessage.name) : type;
      const values = new Map(e.values.map((v) => [v.name, book.declare(pkg, prefix + goCamel(v.name), ownerOf.value(e, v.name))]));
      return [e.name, { type, values }];
    }),
  );
  const struct = (s: WireStructIR, owner: NameOwner, methods: string[]): GoStructNames => {
    const type = book.declare(pkg, goCamel(s.name), owner);
    const scope = `struct ${type}`;
    book.declareFixed(scope, methods, (m) => `the method ${m}`);
    return { type, fields: new Map(s.fields.map((f) => [f.name, book.declare(scope, goCamel(f.name), ownerOf.field(s, f.name))])) };
  };
  const structs = new Map(ir.structs.map((s) => [s.name, struct(s, ownerOf.struct(s), codecMethods)]));
  const messages = new Map(
    ir.messages.map((m): [string, GoMessageNames] => {
      const owner = ownerOf.message(m);
      const names = struct(m, owner, [...codecMethods, "EncodeFrame"]);
      return [m.name, { ...names, typeConst: book.declare(pkg, `Msg${names.type}`, owner), sizeConst: book.declare(pkg, `${names.type}Size`, owner), send: `Send${names.type}` }];
    }),
  );
  declareMembers(book, ir.messages, messages);
  return { book, enums, structs, messages, texts, blobs, handlers: handlersNames(ir, book) };
}

/** Handlers' methods: one per call, one per notification to the helper, and Tick. */
function handlersNames(ir: ProtocolIR, book: NameBook): GoProtocolNames["handlers"] {
  const scope = "interface Handlers";
  book.declareFixed(scope, handlersMembers, (n) => `Handlers' own ${n}`);
  const message = new Map(ir.messages.map((m) => [m.name, m]));
  return {
    calls: new Map(ir.calls.map((c) => [c.name, book.declare(scope, goCamel(c.name), ownerOf.call(c))])),
    notifications: new Map(ir.notifications.toHelper.map((m) => [m, book.declare(scope, goCamel(m), ownerOf.message(message.get(m)!))])),
  };
}

/** Msg's field per message and Conn's Send method per message, beside their fixed members. */
function declareMembers(book: NameBook, irMessages: WireMessageIR[], messages: Map<string, GoMessageNames>): void {
  book.declareFixed("struct Msg", msgMembers, (n) => `Msg's own ${n}`);
  book.declareFixed("type Conn", connMembers, (n) => `Conn's own ${n}`);
  for (const m of irMessages) {
    const names = messages.get(m.name)!;
    book.declare("struct Msg", names.type, ownerOf.message(m));
    book.declare("type Conn", names.send, ownerOf.message(m));
  }
}
