/**
 * The view of the call glue: the kernel API `<proto>.h` declares under `__KERNEL__` (struct
 * <proto>_ops, the lifecycle functions, one `<proto>_call_<call>` per call and one
 * `<proto>_notify_<msg>` per notification to the helper) and `<proto>_helper.c`, which defines
 * them over the runtime's static API (sgwire_helper.c, which it includes). Names come from
 * c-names.ts; what each function does is the runtime's (runtime/DESIGN.md).
 */
import type { ProtocolIR } from "../ir.js";
import type { CProtocolNames } from "../resolve/c-names.js";
import { wrapCall } from "./c-wrap.js";

/** What every notification handler and API function is given first: the runtime. */
const helperParam = (tag: string) => `struct ${tag} *h`;

/** The call glue's view, for the header's kernel half and for `<proto>_helper.c`. */
export function helperView(ir: ProtocolIR, names: CProtocolNames) {
  const n = names.helper;
  const h = helperParam(n.tag);
  const message = new Map(ir.messages.map((m) => [m.name, m]));
  const own = (m: string) => names.messages.get(m)!;
  const rt = `&h->${n.members.runtime}`;
  // Frames the kernel sends: every request and every notification to the helper.
  const sent = [...ir.calls.map((c) => c.request), ...ir.notifications.toHelper];
  const calls = ir.calls.map((c) => {
    const req = own(c.request);
    const reply = own(c.reply);
    const params = [h, `const struct ${req.tag} *req`, `struct ${reply.tag} *reply`];
    const fn = n.calls.get(c.name)!;
    const doc = c.doc.replace(/\s+/g, " ").trim();
    return {
      tag: fn,
      fn,
      summary: `Send a struct ${req.tag} to the helper and wait for the struct ${reply.tag} that answers it.`,
      about: `${doc === "" ? "" : `${doc} `}Waits at most ${c.timeoutMs} ms for the reply; a fatal signal ends the wait. A call that times out or is interrupted before it was written is never sent, and its late reply is dropped.`,
      prototype: wrapCall(`int ${fn}`, params, ");"),
      definition: wrapCall(`int ${fn}`, params, ")"),
      body: wrapCall(
        "\treturn sgwire_helper_call",
        [rt, req.constant, n.encoders.get(c.request)!, "req", reply.constant, n.decoders.get(c.reply)!, "reply", String(c.timeoutMs)],
        ");",
      ),
    };
  });
  const notifies = ir.notifications.toHelper.map((m) => {
    const msg = own(m);
    const fn = n.notify.get(m)!;
    const params = [h, `const struct ${msg.tag} *msg`];
    return {
      tag: fn,
      fn,
      name: m,
      summary: `Send a struct ${msg.tag} to the helper.`,
      about: `Sleeps, killable, for room and a helper, at most the liveness timeout (${ir.liveness.timeoutMs} ms), and returns once the message is encoded and queued; the runtime writes what is queued in order, and drops it if the helper ends first.`,
      prototype: wrapCall(`int ${fn}`, params, ");"),
      definition: wrapCall(`int ${fn}`, params, ")"),
      body: wrapCall("\treturn sgwire_helper_notify", [rt, msg.constant, n.encoders.get(m)!, "msg"], ");"),
    };
  });
  const ops = ir.notifications.toKernel.map((m) => {
    const msg = own(m);
    const op = n.ops.get(m)!;
    return {
      name: m,
      op,
      constant: msg.constant,
      member: msg.union,
      decoder: n.decoders.get(m)!,
      decl: wrapCall(`\tvoid (*${op})`, [h, `const struct ${msg.tag} *msg`], ");"),
    };
  });
  const encoders = [...n.encoders].map(([m, fn]) => {
    const msg = own(m);
    return { tag: fn, fn, name: m, size: message.get(m)!.size, putFn: msg.putFn, checkFn: msg.checkFn };
  });
  const decoders = [...n.decoders].map(([m, fn]) => {
    const msg = own(m);
    return { tag: fn, fn, name: m, size: message.get(m)!.size, msgTag: msg.tag, getFn: msg.getFn, checkFn: msg.checkFn };
  });
  const scratch = (member: string) => `&h->${n.members.scratch}.u.${member}`;
  const dispatchBody =
    ops.length === 0
      ? ["\treturn -EBADMSG;"]
      : [
          `\tstruct ${n.tag} *h = container_of(rt, struct ${n.tag}, ${n.members.runtime});`,
          `\tconst struct ${n.opsTag} *ops = h->${n.members.ops};`,
          "",
          "\tswitch (type) {",
          ...ops.flatMap((o) => [
            `\tcase ${o.constant}:`,
            wrapCall(`\t\tif (${o.decoder}`, ["payload", scratch(o.member)], "))"),
            "\t\t\treturn -EBADMSG;",
            `\t\tif (ops && ops->${o.op})`,
            // (*ops->op)(...): an op named like a function-like macro of the kernel (kcalloc) is not expanded.
            wrapCall(`\t\t\t(*ops->${o.op})`, ["h", scratch(o.member)], ");"),
            "\t\treturn 0;",
          ]),
          "\t}",
          "\treturn -EBADMSG;",
        ];
  const create = [`const struct sgwire_helper_config *cfg`, `const struct ${n.opsTag} *ops`];
  return {
    ...n,
    h,
    opsTag: n.opsTag,
    ops,
    calls,
    notifies,
    encoders,
    decoders,
    createPrototype: wrapCall(`struct ${n.tag} *${n.create}`, create, ");"),
    createDefinition: wrapCall(`struct ${n.tag} *${n.create}`, create, ")"),
    createRuntime: wrapCall(`\tstruct sgwire_helper *rt = sgwire_helper_create`, [`&${n.desc}`, "cfg", `sizeof(struct ${n.tag})`], ");"),
    statsPrototype: wrapCall(`void ${n.stats}`, [h, "struct sgwire_helper_stats *stats"], ");"),
    statsDefinition: wrapCall(`void ${n.stats}`, [h, "struct sgwire_helper_stats *stats"], ")"),
    dispatchBody,
    dispatchDefinition: wrapCall(`static int ${n.dispatch}`, ["struct sgwire_helper *rt", "u16 type", "const u8 *payload"], ")"),
    liveness: ir.liveness,
    // The largest payload the kernel sends; 0 when it sends none.
    maxRequest: Math.max(0, ...sent.map((m) => message.get(m)!.size)),
  };
}

/** The call glue's view. */
export type HelperView = ReturnType<typeof helperView>;
