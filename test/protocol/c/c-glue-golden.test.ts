/**
 * Golden tests of the C printer's call glue: the kernel API the header declares and the
 * `<proto>_helper.c` that defines it over the runtime (runtime/DESIGN.md). A tiny protocol with
 * one call and one notification sent both ways is written out by hand as IR, and for each
 * declaration the C it must print is written by hand from the design, not copied from the
 * printer's output.
 */
import { describe, expect, test } from "vitest";
import { printCDeclaration, type CDeclaration } from "../../../generator/protocol/print-c/c-emit.js";
import type { ProtocolIR } from "../../../generator/protocol/ir.js";
import { layoutProtocol } from "../../../generator/protocol/resolve/layout.js";
import { defineProtocol } from "../../../generator/protocol/spec/language.js";
import { logLevelEnum, logMessage } from "../../../generator/protocol/spec/wire-format.js";
import { logMessageIR as log } from "../log-message-ir.js";

/** ask: n u32 and a 4-byte pad; answer: ok and a 7-byte pad; note: nothing. */
const chat: ProtocolIR = {
  name: "chat",
  doc: "",
  version: 1,
  magic: 0x43484154,
  enums: [{ name: logLevelEnum, doc: "printk levels of a log message, KERN_EMERG (0) to KERN_DEBUG (7).", size: 1, values: logMessage.levels.map((name, value) => ({ name, value })) }],
  structs: [],
  messages: [
    log,
    { name: "ask", doc: "", id: 1, direction: "to-helper", size: 8, align: 4, fields: [{ name: "n", type: { kind: "int", size: 4, signed: false }, offset: 0, size: 4 }], pads: [{ offset: 4, size: 4 }] },
    { name: "answer", doc: "", id: 2, direction: "to-kernel", size: 8, align: 1, fields: [{ name: "ok", type: { kind: "bool" }, offset: 0, size: 1 }], pads: [{ offset: 1, size: 7 }] },
    { name: "note", doc: "", id: 3, direction: "both", size: 0, align: 1, fields: [], pads: [] },
  ],
  maxPayload: 248,
  calls: [{ name: "check", doc: "Checks n.", request: "ask", reply: "answer", timeoutMs: 500 }],
  notifications: { toKernel: ["note"], toHelper: ["note"] },
  liveness: { intervalMs: 250, timeoutMs: 1500 },
};

test("the hand-written IR is what layout makes of its spec", () => {
  const laid = layoutProtocol(
    defineProtocol({
      name: "chat",
      version: 1,
      magic: 0x43484154,
      liveness: { intervalMs: 250, timeoutMs: 1500 },
      messages: {
        ask: { id: 1, direction: "to-helper", fields: { n: "u32" } },
        answer: { id: 2, direction: "to-kernel", fields: { ok: "bool" } },
        note: { id: 3, direction: "both", fields: {} },
      },
      calls: { check: { request: "ask", reply: "answer", timeoutMs: 500, doc: "Checks n." } },
    }),
  );
  expect(laid).toEqual(chat);
});

const golden: { name: string; declaration: CDeclaration; tag?: string; want: string }[] = [
  {
    name: "the header's kernel API: the opaque runtime, the ops and the lifecycle",
    declaration: "helper-api",
    want: `struct chat_helper;

/**
 * struct chat_ops - What the driver does with each notification the helper sends.
 * @note: handles each note message (CHAT_MSG_NOTE).
 *
 * Called from the runtime's reader thread, one at a time, with the message checked and decoded
 * into memory of the runtime's, valid until the op returns. An op may sleep briefly and never
 * calls the runtime back; one left NULL drops its messages.
 */
struct chat_ops {
	void (*note)(struct chat_helper *h, const struct chat_note *msg);
};

/**
 * chat_helper_create() - Make the runtime of the chat protocol's helper, not started yet.
 * @cfg: the driver's name, the helper's blob, the ops' private data and the limits; copied.
 * @ops: the handlers of the notifications the helper sends; kept, so it must outlive the runtime.
 *
 * Everything the runtime uses is allocated here: nothing is allocated later on behalf of the
 * helper or of callers.
 *
 * Return: the runtime, or an ERR_PTR() on failure.
 */
struct chat_helper *chat_helper_create(const struct sgwire_helper_config *cfg,
				       const struct chat_ops *ops);

/**
 * chat_helper_start() - Start the helper, or start it again after it said bye.
 * @h: the runtime.
 *
 * Returns at once: calls made meanwhile wait for the helper, each within its timeout. From then
 * on a helper that dies or hangs is started again on its own, after a back-off.
 *
 * Return: 0, or -ESHUTDOWN once the runtime is stopping.
 */
int chat_helper_start(struct chat_helper *h);

/**
 * chat_helper_destroy() - Stop the helper and free the runtime, leaving nothing running.
 * @h: the runtime; NULL or an ERR_PTR() does nothing.
 *
 * Kills the helper, fails what is in flight with -ESHUTDOWN and waits, bounded, for it all to
 * end; the driver makes no call or notification once this begins.
 */
void chat_helper_destroy(struct chat_helper *h);

/**
 * chat_helper_priv() - The driver's data for the ops.
 * @h: the runtime.
 *
 * Return: the priv of the config given to chat_helper_create().
 */
void *chat_helper_priv(struct chat_helper *h);

/**
 * chat_helper_stats() - Read the runtime's counters.
 * @h: the runtime.
 * @stats: where they go.
 */
void chat_helper_stats(struct chat_helper *h, struct sgwire_helper_stats *stats);
`,
  },
  {
    name: "a call's prototype, with its timeout and its errors",
    declaration: "call-decl",
    tag: "chat_call_check",
    want: `/**
 * chat_call_check() - Send a struct chat_ask to the helper and wait for the struct chat_answer that
 * answers it.
 * @h: the runtime.
 * @req: the request.
 * @reply: the reply; written only when the call returns 0.
 *
 * Checks n. Waits at most 500 ms for the reply; a fatal signal ends the wait. A call that times out
 * or is interrupted before it was written is never sent, and its late reply is dropped.
 *
 * Return: 0; -EINVAL if @req breaks a rule of the wire (nothing is sent); -ETIMEDOUT; -EINTR (a
 * fatal signal); -ECONNRESET (the helper died or its stream was lost); -ESHUTDOWN (the runtime
 * is stopping, or the helper said bye); -EAGAIN (no helper came up in time, or none was
 * started); -EBADMSG (a malformed reply).
 */
int chat_call_check(struct chat_helper *h, const struct chat_ask *req, struct chat_answer *reply);
`,
  },
  {
    name: "a notification's prototype",
    declaration: "notify-decl",
    tag: "chat_notify_note",
    want: `/**
 * chat_notify_note() - Send a struct chat_note to the helper.
 * @h: the runtime.
 * @msg: the message.
 *
 * Sleeps, killable, for room and a helper, at most the liveness timeout (1500 ms), and returns once
 * the message is encoded and queued; the runtime writes what is queued in order, and drops it if
 * the helper ends first.
 *
 * Return: 0; -EINVAL if @msg breaks a rule of the wire (nothing is sent); -ETIMEDOUT (no room in
 * time); -EAGAIN (no helper up in time, or none started); -EINTR (a fatal signal); -ESHUTDOWN
 * (the runtime is stopping, or the helper said bye).
 */
int chat_notify_note(struct chat_helper *h, const struct chat_note *msg);
`,
  },
  {
    name: "the runtime's struct, embedding the runtime's state first",
    declaration: "helper-struct",
    want: `/**
 * struct chat_helper - The runtime of the chat protocol's helper, as chat_helper_create() makes it.
 * @rt: the runtime's own state; first, so sgwire_helper_create() allocates all of this struct.
 * @ops: the driver's handlers of notifications.
 * @msg: where the reader thread decodes a notification for its op.
 */
struct chat_helper {
	struct sgwire_helper rt;
	const struct chat_ops *ops;
	struct chat_msg msg;
};
`,
  },
  {
    name: "an encoder: the payload zeroed, put, then checked",
    declaration: "encoder",
    tag: "__chat_encode_ask",
    want: `/* An sgwire_encode_fn: writes the payload; -EINVAL if the struct breaks a rule of the wire. */
static int __chat_encode_ask(u8 *payload, const void *msg)
{
	memset(payload, 0, 8);
	__chat_put_ask(payload, msg);
	return __chat_check_ask(payload) ? -EINVAL : 0;
}
`,
  },
  {
    name: "an encoder of an empty payload has nothing to zero",
    declaration: "encoder",
    tag: "__chat_encode_note",
    want: `/* An sgwire_encode_fn: writes the payload; -EINVAL if the struct breaks a rule of the wire. */
static int __chat_encode_note(u8 *payload, const void *msg)
{
	__chat_put_note(payload, msg);
	return __chat_check_note(payload) ? -EINVAL : 0;
}
`,
  },
  {
    name: "a decoder: checked, then the struct zeroed and read",
    declaration: "decoder",
    tag: "__chat_decode_answer",
    want: `/* An sgwire_decode_fn: checks the payload and reads it into the struct; 0 or -EBADMSG. */
static int __chat_decode_answer(const u8 *payload, void *msg)
{
	if (__chat_check_answer(payload))
		return -EBADMSG;
	memset(msg, 0, sizeof(struct chat_answer));
	__chat_get_answer(payload, msg);
	return 0;
}
`,
  },
  {
    name: "the dispatch: each notification to the kernel decoded into the scratch message for its op",
    declaration: "dispatch",
    want: `/*
 * A frame to the kernel that is no reply: a notification, checked and decoded into the scratch
 * message and given to its op. -EBADMSG for a payload the decoder refuses, or for a type that is
 * no notification to the kernel.
 */
static int __chat_dispatch(struct sgwire_helper *rt, u16 type, const u8 *payload)
{
	struct chat_helper *h = container_of(rt, struct chat_helper, rt);
	const struct chat_ops *ops = h->ops;

	switch (type) {
	case CHAT_MSG_NOTE:
		if (__chat_decode_note(payload, &h->msg.u.note))
			return -EBADMSG;
		if (ops && ops->note)
			(*ops->note)(h, &h->msg.u.note);
		return 0;
	}
	return -EBADMSG;
}
`,
  },
  {
    name: "the description of the protocol the runtime gets, with its own table of types",
    declaration: "desc",
    want: `/* The header's table of types again: a constant initializer cannot call chat_protocol(). */
static const struct sgwire_type __chat_types[] = {
	{ .type = CHAT_MSG_LOG, .dirs = CHAT_TO_KERNEL, .size = 248 },
	{ .type = CHAT_MSG_ASK, .dirs = CHAT_TO_HELPER, .size = 8 },
	{ .type = CHAT_MSG_ANSWER, .dirs = CHAT_TO_KERNEL, .size = 8 },
	{ .type = CHAT_MSG_NOTE, .dirs = CHAT_TO_KERNEL | CHAT_TO_HELPER, .size = 0 },
};

static const struct sgwire_protocol __chat_protocol = {
	.magic = CHAT_MAGIC,
	.version = CHAT_VERSION,
	.ntypes = 4,
	.types = __chat_types,
};

/* The chat protocol as the runtime sees it. */
static const struct sgwire_helper_desc __chat_helper_desc = {
	.proto = &__chat_protocol,
	.liveness_interval_ms = 250,
	.liveness_timeout_ms = 1500,
	.max_request = 8,
	.dispatch = __chat_dispatch,
};
`,
  },
  {
    name: "the lifecycle over the runtime's",
    declaration: "lifecycle",
    want: `struct chat_helper *chat_helper_create(const struct sgwire_helper_config *cfg,
				       const struct chat_ops *ops)
{
	struct sgwire_helper *rt = sgwire_helper_create(&__chat_helper_desc, cfg,
							sizeof(struct chat_helper));
	struct chat_helper *h;

	if (IS_ERR(rt))
		return ERR_CAST(rt);
	h = container_of(rt, struct chat_helper, rt);
	h->ops = ops;
	return h;
}

int chat_helper_start(struct chat_helper *h)
{
	return sgwire_helper_start(&h->rt);
}

void chat_helper_destroy(struct chat_helper *h)
{
	if (!IS_ERR_OR_NULL(h))
		sgwire_helper_destroy(&h->rt);
}

void *chat_helper_priv(struct chat_helper *h)
{
	return sgwire_helper_priv(&h->rt);
}

void chat_helper_stats(struct chat_helper *h, struct sgwire_helper_stats *stats)
{
	sgwire_helper_get_stats(&h->rt, stats);
}
`,
  },
  {
    name: "a call: its request's encoder, its reply's decoder and its timeout",
    declaration: "call",
    tag: "chat_call_check",
    want: `int chat_call_check(struct chat_helper *h, const struct chat_ask *req, struct chat_answer *reply)
{
	return sgwire_helper_call(&h->rt, CHAT_MSG_ASK, __chat_encode_ask, req, CHAT_MSG_ANSWER,
				  __chat_decode_answer, reply, 500);
}
`,
  },
  {
    name: "a notification to the helper",
    declaration: "notify",
    tag: "chat_notify_note",
    want: `int chat_notify_note(struct chat_helper *h, const struct chat_note *msg)
{
	return sgwire_helper_notify(&h->rt, CHAT_MSG_NOTE, __chat_encode_note, msg);
}
`,
  },
];

describe("the C printer prints the call glue of the chat protocol as written by hand", () => {
  test.each(golden)("$name", ({ declaration, tag, want }) => {
    expect(printCDeclaration(chat, declaration, tag)).toBe(want);
  });
});

test("without notifications to the kernel, the ops are empty and the dispatch refuses every frame", () => {
  const quiet: ProtocolIR = { ...chat, notifications: { toKernel: [], toHelper: ["note"] } };
  expect(printCDeclaration(quiet, "helper-api").split("\n").slice(2, 12).join("\n")).toBe(`/**
 * struct chat_ops - What the driver does with each notification the helper sends.
 *
 * Called from the runtime's reader thread, one at a time, with the message checked and decoded
 * into memory of the runtime's, valid until the op returns. An op may sleep briefly and never
 * calls the runtime back; one left NULL drops its messages.
 */
struct chat_ops {
};
`);
  expect(printCDeclaration(quiet, "dispatch").split("\n").slice(5).join("\n")).toBe(`static int __chat_dispatch(struct sgwire_helper *rt, u16 type, const u8 *payload)
{
	return -EBADMSG;
}
`);
});
