/**
 * Golden tests of the C printer, in the style of Go's stringer: a tiny protocol written out by
 * hand as IR (one enum, one struct with a string, a blob and padding, one message with an enum, a
 * signed integer, a nested struct and an array of bools), and for each printer
 * function the C it must print, written by hand from what the header must say. The whole-tree
 * check (out/ is what the specs generate) only says the output did not change; these say what
 * it is.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { cDeclarations, printCDeclaration, type CDeclaration } from "../../../generator/protocol/print-c/c-emit.js";
import type { ProtocolIR } from "../../../generator/protocol/ir.js";

const tiny: ProtocolIR = {
  name: "tiny",
  doc: "",
  version: 3,
  magic: 0x54494e59,
  enums: [{ name: "color", doc: "A color.", size: 4, values: [{ name: "red", value: 0 }, { name: "blue", value: 4294967295 }] }],
  structs: [
    {
      name: "label",
      doc: "A label.",
      size: 16,
      align: 2,
      fields: [
        { name: "text", type: { kind: "string", max: 7 }, offset: 0, size: 8 },
        { name: "icon", type: { kind: "bytes", max: 4 }, offset: 8, size: 6 },
      ],
      pads: [{ offset: 14, size: 2 }],
    },
  ],
  messages: [
    {
      name: "paint",
      doc: "",
      id: 9,
      direction: "both",
      size: 24,
      align: 2,
      fields: [
        { name: "color", type: { kind: "enum", name: "color", size: 4 }, offset: 0, size: 4 },
        { name: "depth", type: { kind: "int", size: 2, signed: true }, offset: 4, size: 2 },
        { name: "label", type: { kind: "struct", name: "label" }, offset: 6, size: 16 },
        { name: "flags", type: { kind: "array", element: { kind: "bool" }, length: 2, elementSize: 1 }, offset: 22, size: 2 },
      ],
      pads: [],
    },
  ],
  maxPayload: 24,
  calls: [],
  notifications: { toKernel: ["paint"], toHelper: ["paint"] },
  liveness: { intervalMs: 1000, timeoutMs: 5000 },
};

const golden: { name: string; declaration: CDeclaration; tag?: string; want: string }[] = [
  {
    name: "an enum past INT_MAX, and its check",
    declaration: "enum",
    tag: "tiny_color",
    want: `/**
 * enum tiny_color - A color.
 * @TINY_COLOR_RED: wire value 0.
 * @TINY_COLOR_BLUE: wire value 4294967295.
 *
 * Members of this type are __u32 on the wire; any other value makes the frame malformed.
 */
enum tiny_color {
	TINY_COLOR_RED = 0,
	TINY_COLOR_BLUE = 4294967295U,
};

/**
 * __tiny_valid_color() - Whether a wire value is one of enum tiny_color.
 * @v: the value read from the wire.
 *
 * Return: true if it is.
 */
static inline bool __tiny_valid_color(__u32 v)
{
	switch (v) {
	case TINY_COLOR_RED:
	case TINY_COLOR_BLUE:
		return true;
	}
	return false;
}
`,
  },
  {
    name: "a struct with a string, a blob and padding",
    declaration: "struct",
    tag: "tiny_label",
    want: `/**
 * struct tiny_label - A label.
 * @text: NUL-terminated text of at most 7 bytes, zeros after the NUL.
 * @icon_len: length of @icon, at most 4.
 * @icon: at most 4 bytes, zeros past the length.
 * @__pad0: zero.
 *
 * The payload's layout exactly: 16 bytes, explicit zero padding, native-endian values.
 */
struct tiny_label {
	char text[8];
	__u16 icon_len;
	__u8 icon[4];
	__u8 __pad0[2];
};

static_assert(sizeof(struct tiny_label) == 16, "wire size");
static_assert(offsetof(struct tiny_label, text) == 0, "wire offset");
static_assert(offsetof(struct tiny_label, icon_len) == 8, "wire offset");
static_assert(offsetof(struct tiny_label, icon) == 10, "wire offset");
static_assert(offsetof(struct tiny_label, __pad0) == 14, "wire offset");
`,
  },
  {
    name: "putting a string and a blob",
    declaration: "put",
    tag: "tiny_label",
    want: `/**
 * __tiny_put_label() - Write a struct tiny_label to the wire.
 * @p: its 16 bytes on the wire, already zeroed, so padding stays zero.
 * @s: the values to write.
 */
static inline void __tiny_put_label(__u8 *p, const struct tiny_label *s)
{
	sgwire_put_string(p, s->text, 8);
	sgwire_put_bytes(p + 8, s->icon_len, s->icon, 4);
}
`,
  },
  {
    name: "checking a string, a blob and padding",
    declaration: "check",
    tag: "tiny_label",
    want: `/**
 * __tiny_check_label() - Check every rule of the wire on a struct tiny_label.
 * @p: its 16 bytes on the wire.
 *
 * Return: 0, or -EBADMSG for a bad enum or bool value, a non-zero pad byte, a string or byte
 * blob breaking its bounds, in this struct or any struct inside it.
 */
static inline int __tiny_check_label(const __u8 *p)
{
	if (!sgwire_valid_string(p, 8))
		return -EBADMSG;
	if (!sgwire_valid_bytes(p + 8, 4))
		return -EBADMSG;
	if (!sgwire_zero(p + 14, 2))
		return -EBADMSG;
	return 0;
}
`,
  },
  {
    name: "getting an enum, a signed integer, a nested struct and an array",
    declaration: "get",
    tag: "tiny_paint",
    want: `/**
 * __tiny_get_paint() - Read a struct tiny_paint from the wire.
 * @p: its 24 bytes on the wire, which __tiny_check_paint() accepted.
 * @s: where the values go; its padding is left as it is (zero, from the caller's memset).
 */
static inline void __tiny_get_paint(const __u8 *p, struct tiny_paint *s)
{
	unsigned int i0;

	s->color = sgwire_get_u32(p);
	s->depth = (__s16)sgwire_get_u16(p + 4);
	__tiny_get_label(p + 6, &s->label);
	for (i0 = 0; i0 < 2; i0++)
		s->flags[i0] = sgwire_get_u8(p + 22 + i0 * 1);
}
`,
  },
  {
    name: "checking an enum, a nested struct and an array of bools, not an integer",
    declaration: "check",
    tag: "tiny_paint",
    want: `/**
 * __tiny_check_paint() - Check every rule of the wire on a struct tiny_paint.
 * @p: its 24 bytes on the wire.
 *
 * Return: 0, or -EBADMSG for a bad enum or bool value, a non-zero pad byte, a string or byte
 * blob breaking its bounds, in this struct or any struct inside it.
 */
static inline int __tiny_check_paint(const __u8 *p)
{
	unsigned int i0;

	if (!__tiny_valid_color(sgwire_get_u32(p)))
		return -EBADMSG;
	if (__tiny_check_label(p + 6))
		return -EBADMSG;
	for (i0 = 0; i0 < 2; i0++)
		if (sgwire_get_u8(p + 22 + i0 * 1) > 1)
			return -EBADMSG;
	return 0;
}
`,
  },
  {
    name: "encoding a message",
    declaration: "encode",
    tag: "tiny_paint",
    want: `/**
 * tiny_encode_paint() - Encode a paint message into a frame.
 * @frame: room for 40 bytes (TINY_MAX_FRAME is always enough).
 * @seq: the sequence number for the header.
 * @m: the message.
 *
 * Writes the header and the payload, padding zeroed. The payload is then checked by the rules the
 * receiver applies, so a frame that would be rejected is never sent.
 *
 * Return: the frame's size, 40, or -EINVAL if @m breaks a rule of the wire: an enum or
 * bool member out of range, a string with no NUL within its array, a byte blob over its bound.
 */
static inline int tiny_encode_paint(__u8 *frame, __u32 seq, const struct tiny_paint *m)
{
	__u8 *p = frame + SGWIRE_HEADER_SIZE;

	memset(frame, 0, 40);
	sgwire_put_header(frame, tiny_protocol(), TINY_MSG_PAINT, 24, seq);
	__tiny_put_paint(p, m);
	if (__tiny_check_paint(p))
		return -EINVAL;
	return 40;
}
`,
  },
  {
    name: "sending a message on either side",
    declaration: "send",
    tag: "tiny_paint",
    want: `/**
 * tiny_send_paint() - Send a paint message.
 * @to: the pipe: umd_info.pipe_to_umh in the kernel, a file descriptor in user space.
 * @seq: the sequence number for the header.
 * @m: the message.
 *
 * Builds the frame on the stack (40 bytes) and writes it with sgwire_write_frame(): one
 * kernel_write() in the kernel, over short writes and EINTR in user space.
 *
 * Return: 0, -EINVAL if @m breaks a rule of the wire, or sgwire_write_frame()'s error.
 */
static inline int tiny_send_paint(SGWIRE_PIPE to, __u32 seq, const struct tiny_paint *m)
{
	__u8 frame[40];
	int size = tiny_encode_paint(frame, seq, m);

	if (size < 0)
		return size;
	return sgwire_write_frame(to, frame, size);
}
`,
  },
  {
    name: "the protocol as the runtime sees it",
    declaration: "protocol",
    want: `/**
 * tiny_protocol() - The tiny protocol as sgwire.h checks its frames.
 *
 * Return: its magic number, version and message types, for sgwire_check_header(),
 * sgwire_check_frame() and sgwire_read_frame().
 */
static inline const struct sgwire_protocol *tiny_protocol(void)
{
	static const struct sgwire_type types[] = {
		{ .type = TINY_MSG_PAINT, .dirs = TINY_TO_KERNEL | TINY_TO_HELPER, .size = 24 },
	};
	static const struct sgwire_protocol protocol = {
		.magic = TINY_MAGIC,
		.version = TINY_VERSION,
		.ntypes = 1,
		.types = types,
	};

	return &protocol;
}
`,
  },
];

describe("the C printer prints the tiny protocol as written by hand", () => {
  test.each(golden)("$name", ({ declaration, tag, want }) => {
    expect(printCDeclaration(tiny, declaration, tag)).toBe(want);
  });
});

test("an empty payload's codec marks its parameters used, and has nothing else to do", () => {
  const empty: ProtocolIR = { ...tiny, enums: [], structs: [], messages: [{ name: "nop", doc: "", id: 1, direction: "to-kernel", size: 0, align: 1, fields: [], pads: [] }], maxPayload: 0, notifications: { toKernel: ["nop"], toHelper: [] } };
  expect(printCDeclaration(empty, "get", "tiny_nop").split("\n").slice(-5).join("\n")).toBe(`{
	(void)p;
	(void)s;
}
`);
  expect(printCDeclaration(empty, "check", "tiny_nop").split("\n").slice(-5).join("\n")).toBe(`{
	(void)p;
	return 0;
}
`);
});

// The call glue's declarations are in c-glue-golden.test.ts.
test("every partial of the C printer is a declaration it can print alone, and each one is a partial", () => {
  const partials = readdirSync(path.join(import.meta.dirname, "../../../generator/protocol/print-c/templates/partials")).map((f) => path.basename(f, ".hbs"));
  expect(partials.sort()).toEqual([...cDeclarations].sort());
});
