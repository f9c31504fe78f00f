/**
 * Every C name of a protocol's header that a spec name reaches, decided once: the printer prints
 * these and validation reports their clashes at the declaration that owns each name.
 *
 * Kept apart by construction: the wire runtime every header includes (sgwire.h) declares only
 * `sgwire_*`, `struct sgwire_*` and `SGWIRE_*`, which a protocol's names never start with (a
 * protocol named `sgwire` or `sgwire_*` is refused); the header's per-struct helpers are
 * `__<proto>_put_*`, `_get_*`, `_check_*`, `_valid_*`; its locals and parameters are lower case
 * without the prefix, and its macros upper case, while spec names reach members only after `s->`
 * and everything else only behind the prefix. What can still meet is declared in a NameBook and
 * checked: macros and enum constants (an enum `max` with a value `frame` is DEMO_MAX_FRAME), tags,
 * members (a field `int` is `int_`, as is a field `int_`). The call glue's names are here too:
 * the kernel API the header declares (`struct demo_helper`, `struct demo_ops`, whose members are
 * the notifications to the kernel, `demo_call_<call>`, `demo_notify_<msg>`) and the statics of
 * the `demo_helper.c` that includes the header.
 */
import type { ProtocolIR, WireStructIR } from "../ir.js";
import { NameBook, ownerOf, type NameOwner } from "./names.js";
import { cConstant, cGuard, cMemberName, cNames, type CNames } from "./c-prefixes.js";
import { cReserved } from "../../core/c-reserved.js";
import { cRuntime } from "../runtime/c-runtime.js";

/**
 * The top-level system headers the user-space half includes (through sgwire.h), directly or
 * through glibc, which a header of the same name would hide from a build that puts the output
 * folder on its -I path.
 */
export const userIncludes = ["assert.h", "errno.h", "features.h", "stdbool.h", "stddef.h", "string.h", "strings.h", "unistd.h"];

/** The header's own functions, each `<proto>_<suffix>`. */
const ownFunctions = ["decode", "recv", "printk_log", "protocol"] as const;

/** The C names of a struct or message payload: its tag, codec helpers and members. */
export interface CStructNames {
  tag: string;
  putFn: string;
  getFn: string;
  checkFn: string;
  /** Field spec name -> its member, and a blob's length member. */
  members: Map<string, { name: string; len: string }>;
}

/** A message's names: its payload's, its type constant, its functions and its member of the union. */
export interface CMessageNames extends CStructNames {
  constant: string;
  encodeFn: string;
  sendFn: string;
  union: string;
}

/**
 * The names of the call glue: the kernel API the header declares and `<proto>_helper.c` defines,
 * and that file's own statics (`__<proto>_encode_*`, `_decode_*`, `_dispatch`, `_helper_desc`).
 */
export interface CHelperNames {
  /** The generated file that defines the kernel API: `demo_helper.c`. */
  file: string;
  /** The runtime files it includes: `sgwire_helper.h` (from the header) and `sgwire_helper.c`. */
  runtimeHeader: string;
  runtimeSource: string;
  /** `demo_helper`, opaque in the header, defined in the .c file. */
  tag: string;
  /** `demo_ops`: the driver's handlers of the notifications to the kernel. */
  opsTag: string;
  create: string;
  start: string;
  destroy: string;
  priv: string;
  stats: string;
  /**
   * The .c file's const struct sgwire_helper_desc, its dispatch function, and its own copy of the
   * protocol's table of types (the header's is behind a function, which no constant initializer
   * may call).
   */
  desc: string;
  dispatch: string;
  types: string;
  protocol: string;
  /** The members of struct demo_helper: the runtime's state (first), the ops, the scratch message. */
  members: { runtime: string; ops: string; scratch: string };
  /** Call name -> `demo_call_<call>`. */
  calls: Map<string, string>;
  /** Notification to the helper -> `demo_notify_<msg>`. */
  notify: Map<string, string>;
  /** Notification to the kernel -> its member of struct demo_ops. */
  ops: Map<string, string>;
  /** Message the kernel sends (a request or notification) -> its sgwire_encode_fn adaptor. */
  encoders: Map<string, string>;
  /** Message the kernel receives (a reply or notification) -> its sgwire_decode_fn adaptor. */
  decoders: Map<string, string>;
}

/** Every spec-reachable C name of one protocol's header, and their clashes. */
export interface CProtocolNames {
  book: NameBook;
  prefixes: CNames;
  guard: string;
  /** The function that returns the protocol's struct sgwire_protocol: `demo_protocol`. */
  protocolFn: string;
  toKernel: string;
  toHelper: string;
  enums: Map<string, { tag: string; validFn: string; values: Map<string, string> }>;
  structs: Map<string, CStructNames>;
  messages: Map<string, CMessageNames>;
  helper: CHelperNames;
}

/** The scopes of the header: C's ordinary identifiers (with macros, which rewrite any of them) and tags. */
const ids = "the header";
const tags = "struct, union and enum tags";

/** Decides the C names of `ir`'s header. */
export function cProtocolNames(ir: ProtocolIR): CProtocolNames {
  const book = new NameBook("C");
  const p = cNames(ir.name);
  const guard = cGuard(p);
  const own = (n: string) => `the header's own ${n}`;
  book.declareFixed(ids, [...cReserved], (n) => `the C keyword or header macro ${n}`);
  book.declareFixed(tags, [...cReserved], (n) => `the C keyword or header macro ${n}`);
  const macros = ["magic", "version", "header_size", "max_payload", "max_frame", "to_kernel", "to_helper"].map((m) => cConstant(p, m));
  book.declareFixed(ids, [guard, ...macros], (n) => `${own(n)} macro`);
  book.declareFixed(ids, ownFunctions.map((f) => `${p.lower}_${f}`), (n) => `${own(n)}()`);
  book.declareFixed(tags, ["msg", "reader", "msg_type"].map((t) => `${p.lower}_${t}`), (n) => `${own(n)} type`);
  book.declareFixed("the include path", userIncludes, (n) => `the system header <${n}>`);
  book.declareFixed("the include path", [cRuntime.header], (n) => `the C runtime ${n}`);
  book.declare("the include path", `${ir.name}.h`, { kind: "protocol" });
  // Every name the runtime declares starts with its prefix; a protocol's own names with the protocol's.
  book.declareFixed("the prefixes of C names", [`${cRuntime.prefix}_`], () => `the C runtime ${cRuntime.header}`);
  book.declare("the prefixes of C names", runtimePrefixOf(p), { kind: "protocol" });

  const enums = new Map(
    ir.enums.map((e) => {
      const owner = ownerOf.enum(e);
      const tag = book.declare(tags, `${p.lower}_${e.name}`, owner);
      const validFn = book.declare(ids, `${p.internal}valid_${e.name}`, owner);
      return [e.name, { tag, validFn, values: new Map(e.values.map((v) => [v.name, book.declare(ids, cConstant(p, e.name, v.name), ownerOf.value(e, v.name))])) }];
    }),
  );
  const struct = (s: WireStructIR, owner: NameOwner): CStructNames => {
    const tag = book.declare(tags, `${p.lower}_${s.name}`, owner);
    const scope = `struct ${tag}`;
    book.declareFixed(scope, s.pads.map((_, i) => `__pad${i}`), (n) => `the padding ${n}`);
    const members = new Map(
      s.fields.map((f) => {
        const name = book.declare(scope, cMemberName(f.name), ownerOf.field(s, f.name));
        // A blob is two members, its length first; the name of one that is not a blob is never printed.
        const len = cMemberName(`${f.name}_len`);
        if (f.type.kind === "bytes") book.declare(scope, len, ownerOf.field(s, f.name));
        return [f.name, { name, len }];
      }),
    );
    const fn = (action: string) => book.declare(ids, `${p.internal}${action}_${s.name}`, owner);
    return { tag, putFn: fn("put"), getFn: fn("get"), checkFn: fn("check"), members };
  };
  const structs = new Map(ir.structs.map((s) => [s.name, struct(s, ownerOf.struct(s))]));
  book.declareFixed(`struct ${p.lower}_msg`, ["type", "seq", "u"], (n) => `${own(`struct ${p.lower}_msg`)}'s ${n}`);
  const messages = new Map(
    ir.messages.map((m): [string, CMessageNames] => {
      const owner = ownerOf.message(m);
      return [
        m.name,
        {
          ...struct(m, owner),
          constant: book.declare(ids, cConstant(p, "msg", m.name), owner),
          encodeFn: book.declare(ids, `${p.lower}_encode_${m.name}`, owner),
          sendFn: book.declare(ids, `${p.lower}_send_${m.name}`, owner),
          union: book.declare(`the union u of struct ${p.lower}_msg`, cMemberName(m.name), owner),
        },
      ];
    }),
  );
  const helper = helperNames(ir, book, p);
  return { book, prefixes: p, guard, protocolFn: `${p.lower}_protocol`, toKernel: macros[5]!, toHelper: macros[6]!, enums, structs, messages, helper };
}

/** The names of the call glue, declared in `book` beside the header's. */
function helperNames(ir: ProtocolIR, book: NameBook, p: CNames): CHelperNames {
  const own = (n: string) => `the call runtime's own ${n}`;
  const tag = `${p.lower}_helper`;
  const opsTag = `${p.lower}_ops`;
  book.declareFixed(tags, [tag, opsTag], (n) => `${own(`struct ${n}`)} type`);
  const api = ["create", "start", "destroy", "priv", "stats"].map((f) => `${tag}_${f}`);
  const [desc, dispatch, types, protocol] = ["helper_desc", "dispatch", "types", "protocol"].map((f) => `${p.internal}${f}`) as [string, string, string, string];
  book.declareFixed(ids, [...api, desc, dispatch, types, protocol], (n) => `${own(n)}`);
  const members = { runtime: "rt", ops: "ops", scratch: "msg" };
  book.declareFixed(`struct ${tag}`, Object.values(members), (n) => `${own(`struct ${tag}`)}'s ${n}`);
  const message = new Map(ir.messages.map((m) => [m.name, m]));
  const owner = (name: string) => ownerOf.message(message.get(name)!);
  const fn = (prefix: string, name: string) => book.declare(ids, `${prefix}${name}`, owner(name));
  const requests = ir.calls.map((c) => c.request);
  const replies = [...new Set(ir.calls.map((c) => c.reply))];
  return {
    file: `${p.lower}_helper.c`,
    runtimeHeader: `${cRuntime.prefix}_helper.h`,
    runtimeSource: `${cRuntime.prefix}_helper.c`,
    tag,
    opsTag,
    create: api[0]!,
    start: api[1]!,
    destroy: api[2]!,
    priv: api[3]!,
    stats: api[4]!,
    desc,
    dispatch,
    types,
    protocol,
    members,
    calls: new Map(ir.calls.map((c) => [c.name, book.declare(ids, `${p.lower}_call_${c.name}`, ownerOf.call(c))])),
    notify: new Map(ir.notifications.toHelper.map((m) => [m, fn(`${p.lower}_notify_`, m)])),
    ops: new Map(ir.notifications.toKernel.map((m) => [m, book.declare(`struct ${opsTag}`, cMemberName(m), owner(m))])),
    encoders: new Map([...requests, ...ir.notifications.toHelper].map((m) => [m, fn(`${p.internal}encode_`, m)])),
    decoders: new Map([...replies, ...ir.notifications.toKernel].map((m) => [m, fn(`${p.internal}decode_`, m)])),
  };
}

/**
 * The prefix a protocol's C names start with (`demo_`), or the runtime's when they would start
 * with that too (`sgwire_` for a protocol named `sgwire` or `sgwire_x`), so the two meet in the book.
 */
function runtimePrefixOf(p: CNames): string {
  const own = `${p.lower}_`;
  const runtime = `${cRuntime.prefix}_`;
  return own.startsWith(runtime) ? runtime : own;
}
