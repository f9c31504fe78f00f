/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/*
 * sgwire: the wire runtime that every protocol header syscallgen generates includes, the same
 * code in a kernel driver and in user space.
 *
 * A frame is a 16-byte header (magic u32, version u16, message type u16, payload length u32,
 * sequence number u32) and then the payload, whose size the message type fixes. Every integer is
 * little-endian on the wire on every arch, and may sit at any alignment, since a frame may start
 * anywhere in a caller's buffer. A frame is at most PIPE_BUF (4096) bytes, so one write() of it
 * to a pipe is atomic.
 *
 * Here are the integer loads and stores, the checks of padding, strings and byte blobs, the frame
 * header and its checks, and whole-frame I/O: on a struct file with kernel_read() and
 * kernel_write() in the kernel, on a file descriptor with read() and write() in user space. A
 * generated <protocol>.h adds its types, their encoders, checks and decoders, and one struct
 * sgwire_protocol that describes its frames to the functions here.
 *
 * Here too are the frames every protocol shares: the log message (type 0, whose layout is fixed)
 * and the call runtime's control frames (types 0xff01 to 0xff05: hello, welcome, ping, pong and
 * bye), which sgwire_check_header() accepts for every protocol, with their encoders and checked
 * decoders, so that a C peer in user space can speak them too.
 */
#ifndef _SYSCALLGEN_SGWIRE_H
#define _SYSCALLGEN_SGWIRE_H

#ifdef __KERNEL__
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/types.h>
/*
 * <linux/unaligned.h> from Linux 6.12, <asm/unaligned.h> before. Neither sparse nor checkpatch
 * takes a test in the header (__has_include, LINUX_VERSION_CODE), so the build decides:
 * examples/kbuild/protocol-helper.mk defines SGWIRE_ASM_UNALIGNED where the tree lacks
 * include/linux/unaligned.h.
 */
#ifdef SGWIRE_ASM_UNALIGNED
#include <asm/unaligned.h>
#else
#include <linux/unaligned.h>
#endif

/*
 * SGWIRE_PIPE: the end of a pipe that the I/O functions take. In the kernel a struct file, such
 * as umd_info.pipe_to_umh and pipe_from_umh; in user space a file descriptor.
 */
#define SGWIRE_PIPE struct file *

#else /* !__KERNEL__ */
#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <linux/types.h>

/*
 * static_assert is C11's: <assert.h> has it from -std=gnu11 on. Before that the layout checks of
 * the generated headers are skipped in user space; the kernel has its own static_assert.
 */
#ifndef static_assert
#define static_assert(...)
#endif

#define SGWIRE_PIPE int
#endif /* __KERNEL__ */

#define SGWIRE_HEADER_SIZE	16
#define SGWIRE_MAX_FRAME	4096

/* Which way a message travels: a message type's direction bits, and the mask a receiver accepts. */
#define SGWIRE_TO_KERNEL	1
#define SGWIRE_TO_HELPER	2

/*
 * The log message every protocol has, type 0, from the helper: level u8 (LOGLEVEL_EMERG 0 to
 * LOGLEVEL_DEBUG 7), text char[240] (NUL-terminated, zero-filled), 7 zero bytes.
 */
#define SGWIRE_MSG_LOG		0
#define SGWIRE_LOG_SIZE		248
#define SGWIRE_LOG_TEXT_SIZE	240

/*
 * The call runtime's control frames, the same in every protocol and framed with its header (its
 * magic and version), so a helper of another protocol or version is refused at its first frame.
 * Payloads are little-endian and padded to 8 bytes:
 *
 *   hello   (helper to driver)  runtime version u16, pad u16, pid u32, features u64, name char[32]
 *   welcome (driver to helper)  features u64 (the ones both sides have), interval ms u32, pad u32
 *   ping    (driver to helper)  nonce u64
 *   pong    (helper to driver)  nonce u64, the ping's
 *   bye     (helper to driver)  reason u32 (SGWIRE_BYE_ASKED: asked to stop), pad u32
 *
 * The sequence number of a control frame means nothing: senders write 0, receivers ignore it.
 */
#define SGWIRE_MSG_HELLO	0xff01
#define SGWIRE_MSG_WELCOME	0xff02
#define SGWIRE_MSG_PING		0xff03
#define SGWIRE_MSG_PONG		0xff04
#define SGWIRE_MSG_BYE		0xff05

#define SGWIRE_HELLO_SIZE	48
#define SGWIRE_WELCOME_SIZE	16
#define SGWIRE_PING_SIZE	8
#define SGWIRE_PONG_SIZE	8
#define SGWIRE_BYE_SIZE		8

/* The version of the control frames a hello announces; a hello of another ends the stream. */
#define SGWIRE_RUNTIME_VERSION	1
/* The size of a hello's name field: at most 31 bytes of text and a NUL. */
#define SGWIRE_NAME_SIZE	32
/* The reason of a bye whose helper was asked to stop; other reasons are the helper's own. */
#define SGWIRE_BYE_ASKED	0

#ifdef __KERNEL__

/**
 * sgwire_put_u16() - Store a little-endian 16-bit value.
 * @p: where, at any alignment.
 * @v: the value.
 */
static inline void sgwire_put_u16(__u8 *p, __u16 v)
{
	put_unaligned_le16(v, p);
}

/**
 * sgwire_put_u32() - Store a little-endian 32-bit value.
 * @p: where, at any alignment.
 * @v: the value.
 */
static inline void sgwire_put_u32(__u8 *p, __u32 v)
{
	put_unaligned_le32(v, p);
}

/**
 * sgwire_put_u64() - Store a little-endian 64-bit value.
 * @p: where, at any alignment.
 * @v: the value.
 */
static inline void sgwire_put_u64(__u8 *p, __u64 v)
{
	put_unaligned_le64(v, p);
}

/**
 * sgwire_get_u16() - Load a little-endian 16-bit value.
 * @p: where, at any alignment.
 *
 * Return: the value.
 */
static inline __u16 sgwire_get_u16(const __u8 *p)
{
	return get_unaligned_le16(p);
}

/**
 * sgwire_get_u32() - Load a little-endian 32-bit value.
 * @p: where, at any alignment.
 *
 * Return: the value.
 */
static inline __u32 sgwire_get_u32(const __u8 *p)
{
	return get_unaligned_le32(p);
}

/**
 * sgwire_get_u64() - Load a little-endian 64-bit value.
 * @p: where, at any alignment.
 *
 * Return: the value.
 */
static inline __u64 sgwire_get_u64(const __u8 *p)
{
	return get_unaligned_le64(p);
}

/**
 * sgwire_zero() - Whether bytes are all zero.
 * @p: the first byte.
 * @n: how many.
 *
 * Return: true if they are.
 */
static inline bool sgwire_zero(const __u8 *p, size_t n)
{
	return !memchr_inv(p, 0, n);
}

/**
 * sgwire_read_some() - One read from a pipe: what it holds, up to @n bytes.
 * @from: the pipe.
 * @buf: where the bytes go.
 * @n: the room there, more than 0.
 *
 * Return: the bytes read, 0 at end of file, or kernel_read()'s error.
 */
static inline ssize_t sgwire_read_some(struct file *from, __u8 *buf, size_t n)
{
	loff_t pos = 0;

	return kernel_read(from, buf, n, &pos);
}

/**
 * sgwire_write_frame() - Write a frame to a pipe with one kernel_write().
 * @to: the pipe, e.g. umd_info.pipe_to_umh.
 * @frame: the frame.
 * @size: its size, at most SGWIRE_MAX_FRAME (PIPE_BUF), so the pipe takes all of it or nothing.
 *
 * Return: 0, -EIO if only part of it was written (the reader then sees a broken frame, and the
 * stream should be dropped), or kernel_write()'s error.
 */
static inline int sgwire_write_frame(struct file *to, const __u8 *frame, size_t size)
{
	loff_t pos = 0;
	ssize_t ret = kernel_write(to, frame, size, &pos);

	if (ret < 0)
		return ret;
	return (size_t)ret == size ? 0 : -EIO;
}

/**
 * sgwire_printk_log() - Print a log line from the helper at its printk level.
 * @level: the line's level, LOGLEVEL_EMERG (0) to LOGLEVEL_DEBUG (7): the wire values of every
 *         protocol's log_level enum.
 * @text: the line, NUL-terminated.
 *
 * Goes through the includer's pr_fmt(), and pr_debug() for debug lines, so those are printed
 * only where dynamic debug (or DEBUG) enables them. Level markers at the start of @text are
 * skipped, so the helper can neither choose another level nor continue someone else's line.
 */
static inline void sgwire_printk_log(unsigned int level, const char *text)
{
	text = printk_skip_headers(text);
	switch (level) {
	case LOGLEVEL_EMERG:
		pr_emerg("%s\n", text);
		break;
	case LOGLEVEL_ALERT:
		pr_alert("%s\n", text);
		break;
	case LOGLEVEL_CRIT:
		pr_crit("%s\n", text);
		break;
	case LOGLEVEL_ERR:
		pr_err("%s\n", text);
		break;
	case LOGLEVEL_WARNING:
		pr_warn("%s\n", text);
		break;
	case LOGLEVEL_NOTICE:
		pr_notice("%s\n", text);
		break;
	case LOGLEVEL_DEBUG:
		pr_debug("%s\n", text);
		break;
	case LOGLEVEL_INFO:
	default:	/* the decoders refuse any other level */
		pr_info("%s\n", text);
		break;
	}
}

#else /* !__KERNEL__ */

/*
 * The same loads, stores and checks in user space, byte by byte: a compiler turns each into one
 * load or store where the arch allows it. Their kernel-doc is on the kernel versions above.
 */

static inline void sgwire_put_u16(__u8 *p, __u16 v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

static inline void sgwire_put_u32(__u8 *p, __u32 v)
{
	sgwire_put_u16(p, v & 0xffff);
	sgwire_put_u16(p + 2, v >> 16);
}

static inline void sgwire_put_u64(__u8 *p, __u64 v)
{
	sgwire_put_u32(p, v & 0xffffffff);
	sgwire_put_u32(p + 4, v >> 32);
}

static inline __u16 sgwire_get_u16(const __u8 *p)
{
	return p[0] | p[1] << 8;
}

static inline __u32 sgwire_get_u32(const __u8 *p)
{
	return sgwire_get_u16(p) | (__u32)sgwire_get_u16(p + 2) << 16;
}

static inline __u64 sgwire_get_u64(const __u8 *p)
{
	return sgwire_get_u32(p) | (__u64)sgwire_get_u32(p + 4) << 32;
}

static inline bool sgwire_zero(const __u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/*
 * sgwire_read_some() and sgwire_write_frame() on a file descriptor: both retry EINTR, and
 * sgwire_write_frame() writes on over short writes. Errors are -errno.
 */

static inline ssize_t sgwire_read_some(int fd, __u8 *buf, size_t n)
{
	ssize_t ret;

	do {
		ret = read(fd, buf, n);
	} while (ret < 0 && errno == EINTR);
	return ret < 0 ? -errno : ret;
}

static inline int sgwire_write_frame(int fd, const __u8 *frame, size_t size)
{
	size_t done = 0;

	while (done < size) {
		ssize_t ret = write(fd, frame + done, size - done);

		if (ret < 0 && errno == EINTR)
			continue;
		if (ret < 0)
			return -errno;
		if (!ret)
			return -EIO;
		done += (size_t)ret;
	}
	return 0;
}

#endif /* __KERNEL__ */

/**
 * sgwire_put_u8() - Store a byte.
 * @p: where.
 * @v: the value.
 */
static inline void sgwire_put_u8(__u8 *p, __u8 v)
{
	*p = v;
}

/**
 * sgwire_get_u8() - Load a byte.
 * @p: where.
 *
 * Return: the value.
 */
static inline __u8 sgwire_get_u8(const __u8 *p)
{
	return *p;
}

/**
 * sgwire_put_string() - Store a string field.
 * @p: its @size bytes on the wire, already zeroed.
 * @s: the member: text up to its first NUL.
 * @size: the field's size, its bound plus one.
 *
 * A member with no NUL in its @size bytes is copied whole, so the check after encoding rejects it.
 */
static inline void sgwire_put_string(__u8 *p, const char *s, size_t size)
{
	memcpy(p, s, strnlen(s, size));
}

/**
 * sgwire_get_string() - Load a string field that sgwire_valid_string() accepted.
 * @p: its @size bytes on the wire.
 * @s: the member, @size bytes: text, NUL, zeros.
 * @size: the field's size, its bound plus one.
 */
static inline void sgwire_get_string(const __u8 *p, char *s, size_t size)
{
	memcpy(s, p, size);
}

/**
 * sgwire_valid_string() - Whether a string field has a NUL and only zeros after it.
 * @p: its @size bytes on the wire.
 * @size: the field's size, its bound plus one.
 *
 * Return: true if it does.
 */
static inline bool sgwire_valid_string(const __u8 *p, size_t size)
{
	const __u8 *nul = memchr(p, 0, size);

	return nul && sgwire_zero(nul, size - (size_t)(nul - p));
}

/**
 * sgwire_put_bytes() - Store a byte blob field.
 * @p: its 2 + @max bytes on the wire, already zeroed.
 * @len: the blob's length.
 * @data: the blob.
 * @max: the blob's bound.
 *
 * A @len over @max is stored as it is, and only @max bytes are copied, so the check after
 * encoding rejects it.
 */
static inline void sgwire_put_bytes(__u8 *p, __u16 len, const __u8 *data, size_t max)
{
	sgwire_put_u16(p, len);
	memcpy(p + 2, data, len < max ? len : max);
}

/**
 * sgwire_get_bytes() - Load a byte blob field that sgwire_valid_bytes() accepted.
 * @p: its 2 + @max bytes on the wire.
 * @data: the member's @max bytes: the blob, then zeros.
 * @max: the blob's bound.
 *
 * Return: the blob's length.
 */
static inline __u16 sgwire_get_bytes(const __u8 *p, __u8 *data, size_t max)
{
	memcpy(data, p + 2, max);
	return sgwire_get_u16(p);
}

/**
 * sgwire_valid_bytes() - Whether a byte blob field's length is in bounds, zeros past it.
 * @p: its 2 + @max bytes on the wire.
 * @max: the blob's bound.
 *
 * Return: true if it is.
 */
static inline bool sgwire_valid_bytes(const __u8 *p, size_t max)
{
	__u16 len = sgwire_get_u16(p);

	return len <= max && sgwire_zero(p + 2 + len, max - len);
}

/**
 * struct sgwire_type - A message type of a protocol, as a receiver checks headers against it.
 * @type: its number, the type field of the frame header.
 * @dirs: the directions it may travel: SGWIRE_TO_KERNEL, SGWIRE_TO_HELPER or both.
 * @size: its payload size, which every frame of the type has.
 */
struct sgwire_type {
	__u16 type;
	__u16 dirs;
	__u32 size;
};

/**
 * struct sgwire_protocol - What the runtime knows of a protocol: enough to check frame headers.
 * @magic: the number every frame starts with.
 * @version: the protocol's version; a frame with another is refused with -EPROTO.
 * @ntypes: the number of message types.
 * @types: the message types, @ntypes of them.
 *
 * A generated <protocol>.h has a <protocol>_protocol() that returns its own.
 */
struct sgwire_protocol {
	__u32 magic;
	__u16 version;
	__u16 ntypes;
	const struct sgwire_type *types;
};

/**
 * struct sgwire_header - A frame header, as sgwire_get_header() reads it.
 * @magic: the protocol's magic number, at offset 0.
 * @version: the protocol version, at 4.
 * @type: the message type, at 6.
 * @length: the payload's length, at 8.
 * @seq: the sequence number, at 12.
 */
struct sgwire_header {
	__u32 magic;
	__u16 version;
	__u16 type;
	__u32 length;
	__u32 seq;
};

/**
 * sgwire_get_header() - Load a frame header, checked or not.
 * @frame: the frame's first SGWIRE_HEADER_SIZE bytes.
 * @h: its fields.
 */
static inline void sgwire_get_header(const __u8 *frame, struct sgwire_header *h)
{
	h->magic = sgwire_get_u32(frame);
	h->version = sgwire_get_u16(frame + 4);
	h->type = sgwire_get_u16(frame + 6);
	h->length = sgwire_get_u32(frame + 8);
	h->seq = sgwire_get_u32(frame + 12);
}

/**
 * sgwire_put_header() - Store a frame header.
 * @frame: the frame's first SGWIRE_HEADER_SIZE bytes.
 * @proto: the protocol, whose magic and version it gets.
 * @type: the message type.
 * @length: the type's payload size.
 * @seq: the sequence number.
 */
static inline void sgwire_put_header(__u8 *frame, const struct sgwire_protocol *proto, __u16 type,
				     __u32 length, __u32 seq)
{
	sgwire_put_u32(frame, proto->magic);
	sgwire_put_u16(frame + 4, proto->version);
	sgwire_put_u16(frame + 6, type);
	sgwire_put_u32(frame + 8, length);
	sgwire_put_u32(frame + 12, seq);
}

/**
 * sgwire_find_type() - Look a message type up in a protocol.
 * @proto: the protocol.
 * @type: the type number.
 *
 * Return: the type, or NULL if the protocol has none of that number.
 */
static inline const struct sgwire_type *sgwire_find_type(const struct sgwire_protocol *proto,
							 __u16 type)
{
	unsigned int i;

	for (i = 0; i < proto->ntypes; i++)
		if (proto->types[i].type == type)
			return &proto->types[i];
	return NULL;
}

/**
 * sgwire_control_type() - Look a control frame type up.
 * @type: the type number.
 *
 * The control frames are every protocol's, and no generated protocol table lists them:
 * sgwire_check_header() consults this after the protocol's own types.
 *
 * Return: the type, its directions and payload size, or NULL if @type is no control frame.
 */
static inline const struct sgwire_type *sgwire_control_type(__u16 type)
{
	/* In type order, from SGWIRE_MSG_HELLO. */
	static const struct sgwire_type types[] = {
		{ SGWIRE_MSG_HELLO, SGWIRE_TO_KERNEL, SGWIRE_HELLO_SIZE },
		{ SGWIRE_MSG_WELCOME, SGWIRE_TO_HELPER, SGWIRE_WELCOME_SIZE },
		{ SGWIRE_MSG_PING, SGWIRE_TO_HELPER, SGWIRE_PING_SIZE },
		{ SGWIRE_MSG_PONG, SGWIRE_TO_KERNEL, SGWIRE_PONG_SIZE },
		{ SGWIRE_MSG_BYE, SGWIRE_TO_KERNEL, SGWIRE_BYE_SIZE },
	};

	if (type < SGWIRE_MSG_HELLO || type > SGWIRE_MSG_BYE)
		return NULL;
	return &types[type - SGWIRE_MSG_HELLO];
}

/**
 * sgwire_check_header() - Check a frame header, before any payload is read.
 * @proto: the protocol.
 * @frame: the frame's first SGWIRE_HEADER_SIZE bytes.
 * @accept: the directions the receiver accepts, SGWIRE_TO_KERNEL and/or SGWIRE_TO_HELPER.
 *
 * The protocol's own types are looked up first, then the control frames (sgwire_control_type()),
 * which every protocol accepts. A header this accepts announces exactly the payload its type has:
 * reading that many bytes keeps the stream in step whatever the payload holds.
 *
 * Return: the payload size the header announces, -EPROTO for another protocol version, or
 * -EBADMSG for a bad magic, a type unknown or not accepted, or a length other than the type's.
 */
static inline int sgwire_check_header(const struct sgwire_protocol *proto, const __u8 *frame,
				      unsigned int accept)
{
	const struct sgwire_type *t;
	struct sgwire_header h;

	sgwire_get_header(frame, &h);
	if (h.magic != proto->magic)
		return -EBADMSG;
	if (h.version != proto->version)
		return -EPROTO;
	t = sgwire_find_type(proto, h.type);
	if (!t)
		t = sgwire_control_type(h.type);
	if (!t || !(t->dirs & accept) || h.length != t->size)
		return -EBADMSG;
	return t->size;
}

/**
 * sgwire_check_log() - Check a log message's payload, whose layout every protocol shares.
 * @p: its SGWIRE_LOG_SIZE bytes.
 *
 * Return: 0, or -EBADMSG for a level over LOGLEVEL_DEBUG (7), a text without its NUL or with a
 * non-zero byte after it, or a non-zero pad byte.
 */
static inline int sgwire_check_log(const __u8 *p)
{
	if (sgwire_get_u8(p) > 7 || !sgwire_valid_string(p + 1, SGWIRE_LOG_TEXT_SIZE) ||
	    !sgwire_zero(p + 1 + SGWIRE_LOG_TEXT_SIZE, SGWIRE_LOG_SIZE - 1 - SGWIRE_LOG_TEXT_SIZE))
		return -EBADMSG;
	return 0;
}

/**
 * struct sgwire_hello - The payload of a hello, the helper's first frame.
 * @version: the helper's runtime version, SGWIRE_RUNTIME_VERSION.
 * @pid: the helper's process id, as it sees it.
 * @features: the feature bits the helper offers.
 * @name: the helper's name: text, NUL, zeros.
 */
struct sgwire_hello {
	__u16 version;
	__u32 pid;
	__u64 features;
	char name[SGWIRE_NAME_SIZE];
};

/**
 * struct sgwire_welcome - The payload of a welcome, the driver's answer to hello.
 * @features: the feature bits both sides offered.
 * @interval_ms: how often the driver pings, in milliseconds.
 */
struct sgwire_welcome {
	__u64 features;
	__u32 interval_ms;
};

/**
 * struct sgwire_ping - The payload of a ping, and of the pong that answers it.
 * @nonce: the ping's number, which its pong carries back.
 */
struct sgwire_ping {
	__u64 nonce;
};

/**
 * struct sgwire_bye - The payload of a bye: the helper is exiting on purpose.
 * @reason: SGWIRE_BYE_ASKED if it was asked to stop, else the helper's own reason.
 */
struct sgwire_bye {
	__u32 reason;
};

/**
 * sgwire_put_hello() - Write a hello's payload.
 * @p: its SGWIRE_HELLO_SIZE bytes; all of them are written, pads zero.
 * @m: the values.
 */
static inline void sgwire_put_hello(__u8 *p, const struct sgwire_hello *m)
{
	memset(p, 0, SGWIRE_HELLO_SIZE);
	sgwire_put_u16(p, m->version);
	sgwire_put_u32(p + 4, m->pid);
	sgwire_put_u64(p + 8, m->features);
	sgwire_put_string(p + 16, m->name, SGWIRE_NAME_SIZE);
}

/**
 * sgwire_get_hello() - Check and read a hello's payload.
 * @p: its SGWIRE_HELLO_SIZE bytes.
 * @m: the values; written only when the payload is valid.
 *
 * The version is not judged here: a hello of another runtime version is well formed, and its
 * reader ends the stream with -EPROTO.
 *
 * Return: 0, or -EBADMSG for a non-zero pad or a name without its NUL or with a non-zero byte
 * after it.
 */
static inline int sgwire_get_hello(const __u8 *p, struct sgwire_hello *m)
{
	if (sgwire_get_u16(p + 2) || !sgwire_valid_string(p + 16, SGWIRE_NAME_SIZE))
		return -EBADMSG;
	m->version = sgwire_get_u16(p);
	m->pid = sgwire_get_u32(p + 4);
	m->features = sgwire_get_u64(p + 8);
	sgwire_get_string(p + 16, m->name, SGWIRE_NAME_SIZE);
	return 0;
}

/**
 * sgwire_put_welcome() - Write a welcome's payload.
 * @p: its SGWIRE_WELCOME_SIZE bytes; all of them are written, pad zero.
 * @m: the values.
 */
static inline void sgwire_put_welcome(__u8 *p, const struct sgwire_welcome *m)
{
	sgwire_put_u64(p, m->features);
	sgwire_put_u32(p + 8, m->interval_ms);
	sgwire_put_u32(p + 12, 0);
}

/**
 * sgwire_get_welcome() - Check and read a welcome's payload.
 * @p: its SGWIRE_WELCOME_SIZE bytes.
 * @m: the values; written only when the payload is valid.
 *
 * Return: 0, or -EBADMSG for a non-zero pad.
 */
static inline int sgwire_get_welcome(const __u8 *p, struct sgwire_welcome *m)
{
	if (sgwire_get_u32(p + 12))
		return -EBADMSG;
	m->features = sgwire_get_u64(p);
	m->interval_ms = sgwire_get_u32(p + 8);
	return 0;
}

/**
 * sgwire_put_ping() - Write the payload of a ping or a pong.
 * @p: its SGWIRE_PING_SIZE bytes.
 * @m: the values.
 */
static inline void sgwire_put_ping(__u8 *p, const struct sgwire_ping *m)
{
	sgwire_put_u64(p, m->nonce);
}

/**
 * sgwire_get_ping() - Read the payload of a ping or a pong; every value is valid.
 * @p: its SGWIRE_PING_SIZE bytes.
 * @m: the values.
 *
 * Return: 0.
 */
static inline int sgwire_get_ping(const __u8 *p, struct sgwire_ping *m)
{
	m->nonce = sgwire_get_u64(p);
	return 0;
}

/**
 * sgwire_put_bye() - Write a bye's payload.
 * @p: its SGWIRE_BYE_SIZE bytes; all of them are written, pad zero.
 * @m: the values.
 */
static inline void sgwire_put_bye(__u8 *p, const struct sgwire_bye *m)
{
	sgwire_put_u32(p, m->reason);
	sgwire_put_u32(p + 4, 0);
}

/**
 * sgwire_get_bye() - Check and read a bye's payload.
 * @p: its SGWIRE_BYE_SIZE bytes.
 * @m: the values; written only when the payload is valid.
 *
 * Return: 0, or -EBADMSG for a non-zero pad.
 */
static inline int sgwire_get_bye(const __u8 *p, struct sgwire_bye *m)
{
	if (sgwire_get_u32(p + 4))
		return -EBADMSG;
	m->reason = sgwire_get_u32(p);
	return 0;
}

/**
 * sgwire_check_control() - Check a control frame's payload.
 * @type: the frame's type, a control frame's (sgwire_control_type() knows it).
 * @p: its payload, of the type's size.
 *
 * What a protocol's decoder calls for a control frame, whose payload it has no struct for.
 *
 * Return: 0, or -EBADMSG for a payload the type's decoder refuses or a type that is no control
 * frame.
 */
static inline int sgwire_check_control(__u16 type, const __u8 *p)
{
	union {
		struct sgwire_hello hello;
		struct sgwire_welcome welcome;
		struct sgwire_ping ping;
		struct sgwire_bye bye;
	} m;

	switch (type) {
	case SGWIRE_MSG_HELLO:
		return sgwire_get_hello(p, &m.hello);
	case SGWIRE_MSG_WELCOME:
		return sgwire_get_welcome(p, &m.welcome);
	case SGWIRE_MSG_PING:
	case SGWIRE_MSG_PONG:
		return sgwire_get_ping(p, &m.ping);
	case SGWIRE_MSG_BYE:
		return sgwire_get_bye(p, &m.bye);
	}
	return -EBADMSG;
}

/**
 * sgwire_encode_hello() - Encode a hello frame.
 * @frame: room for SGWIRE_HEADER_SIZE + SGWIRE_HELLO_SIZE bytes.
 * @proto: the protocol, whose magic and version the header gets.
 * @m: the payload's values.
 *
 * Return: the frame's size, or -EINVAL for a name with no NUL in its SGWIRE_NAME_SIZE bytes.
 */
static inline int sgwire_encode_hello(__u8 *frame, const struct sgwire_protocol *proto,
				      const struct sgwire_hello *m)
{
	sgwire_put_header(frame, proto, SGWIRE_MSG_HELLO, SGWIRE_HELLO_SIZE, 0);
	sgwire_put_hello(frame + SGWIRE_HEADER_SIZE, m);
	if (!sgwire_valid_string(frame + SGWIRE_HEADER_SIZE + 16, SGWIRE_NAME_SIZE))
		return -EINVAL;
	return SGWIRE_HEADER_SIZE + SGWIRE_HELLO_SIZE;
}

/**
 * sgwire_encode_welcome() - Encode a welcome frame.
 * @frame: room for SGWIRE_HEADER_SIZE + SGWIRE_WELCOME_SIZE bytes.
 * @proto: the protocol, whose magic and version the header gets.
 * @m: the payload's values.
 *
 * Return: the frame's size.
 */
static inline int sgwire_encode_welcome(__u8 *frame, const struct sgwire_protocol *proto,
					const struct sgwire_welcome *m)
{
	sgwire_put_header(frame, proto, SGWIRE_MSG_WELCOME, SGWIRE_WELCOME_SIZE, 0);
	sgwire_put_welcome(frame + SGWIRE_HEADER_SIZE, m);
	return SGWIRE_HEADER_SIZE + SGWIRE_WELCOME_SIZE;
}

/**
 * sgwire_encode_ping() - Encode a ping frame.
 * @frame: room for SGWIRE_HEADER_SIZE + SGWIRE_PING_SIZE bytes.
 * @proto: the protocol, whose magic and version the header gets.
 * @m: the payload's values.
 *
 * Return: the frame's size.
 */
static inline int sgwire_encode_ping(__u8 *frame, const struct sgwire_protocol *proto,
				     const struct sgwire_ping *m)
{
	sgwire_put_header(frame, proto, SGWIRE_MSG_PING, SGWIRE_PING_SIZE, 0);
	sgwire_put_ping(frame + SGWIRE_HEADER_SIZE, m);
	return SGWIRE_HEADER_SIZE + SGWIRE_PING_SIZE;
}

/**
 * sgwire_encode_pong() - Encode a pong frame, the answer to a ping.
 * @frame: room for SGWIRE_HEADER_SIZE + SGWIRE_PONG_SIZE bytes.
 * @proto: the protocol, whose magic and version the header gets.
 * @m: the payload's values: the ping's nonce.
 *
 * Return: the frame's size.
 */
static inline int sgwire_encode_pong(__u8 *frame, const struct sgwire_protocol *proto,
				     const struct sgwire_ping *m)
{
	sgwire_put_header(frame, proto, SGWIRE_MSG_PONG, SGWIRE_PONG_SIZE, 0);
	sgwire_put_ping(frame + SGWIRE_HEADER_SIZE, m);
	return SGWIRE_HEADER_SIZE + SGWIRE_PONG_SIZE;
}

/**
 * sgwire_encode_bye() - Encode a bye frame.
 * @frame: room for SGWIRE_HEADER_SIZE + SGWIRE_BYE_SIZE bytes.
 * @proto: the protocol, whose magic and version the header gets.
 * @m: the payload's values.
 *
 * Return: the frame's size.
 */
static inline int sgwire_encode_bye(__u8 *frame, const struct sgwire_protocol *proto,
				    const struct sgwire_bye *m)
{
	sgwire_put_header(frame, proto, SGWIRE_MSG_BYE, SGWIRE_BYE_SIZE, 0);
	sgwire_put_bye(frame + SGWIRE_HEADER_SIZE, m);
	return SGWIRE_HEADER_SIZE + SGWIRE_BYE_SIZE;
}

/**
 * sgwire_check_frame() - Check a whole frame's header and size, and a control frame's payload.
 * @proto: the protocol.
 * @frame: the frame.
 * @len: its size: reading stops there, and a frame of any other size than its type's is refused.
 * @accept: the directions the receiver accepts, SGWIRE_TO_KERNEL and/or SGWIRE_TO_HELPER.
 *
 * The payload of the protocol's own types is its decoder's to check; a control frame's, which
 * no protocol's decoder knows, is checked here (sgwire_check_control()).
 *
 * Return: the message type, -EPROTO for another protocol version, or -EBADMSG for a frame
 * shorter than a header, a header sgwire_check_header() refuses, a size other than the type's, or
 * a control frame whose payload sgwire_check_control() refuses.
 */
static inline int sgwire_check_frame(const struct sgwire_protocol *proto, const __u8 *frame,
				     size_t len, unsigned int accept)
{
	__u16 type;
	int size;

	if (len < SGWIRE_HEADER_SIZE)
		return -EBADMSG;
	size = sgwire_check_header(proto, frame, accept);
	if (size < 0)
		return size;
	if (len != SGWIRE_HEADER_SIZE + (size_t)size)
		return -EBADMSG;
	type = sgwire_get_u16(frame + 6);
	if (!sgwire_find_type(proto, type) &&
	    sgwire_check_control(type, frame + SGWIRE_HEADER_SIZE))
		return -EBADMSG;
	return type;
}

/**
 * sgwire_read_full() - Read exactly @n bytes from a pipe, over short reads.
 * @from: the pipe: umd_info.pipe_from_umh in the kernel, a file descriptor in user space.
 * @buf: where the bytes go.
 * @n: how many.
 *
 * End of file is -EPIPE even after some of the bytes: the writer is gone, and a frame it cut
 * short belongs to a lost stream, not to a malformed frame (-EBADMSG) that a reader could skip.
 *
 * Return: 0, -EPIPE at end of file, or sgwire_read_some()'s error (after which the stream is
 * out of step and should be dropped).
 */
static inline int sgwire_read_full(SGWIRE_PIPE from, __u8 *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t ret = sgwire_read_some(from, buf + done, n - done);

		if (ret < 0)
			return (int)ret;
		if (!ret)
			return -EPIPE;
		done += (size_t)ret;
	}
	return 0;
}

/**
 * sgwire_read_frame() - Read one whole frame from a pipe, its header checked before its payload.
 * @from: the pipe: umd_info.pipe_from_umh in the kernel, a file descriptor in user space.
 * @proto: the protocol.
 * @accept: the directions the receiver accepts, SGWIRE_TO_KERNEL and/or SGWIRE_TO_HELPER.
 * @buf: where the frame goes.
 * @room: the size of @buf; the protocol's largest frame is always enough.
 *
 * Reads the header and checks it, so a bad length is refused before any payload is read; then
 * reads exactly the payload its type has. The payload is not checked: the protocol's decoder does
 * that, and a frame it refuses leaves the stream in step.
 *
 * Return: the frame's size; -EPIPE at end of file, even inside a frame; -EPROTO for a header
 * sgwire_check_header() refuses (another protocol version, a bad magic, a type unknown or not
 * accepted, a length other than the type's: the reader cannot know where the next frame starts,
 * so the stream is lost, never skipped); -EMSGSIZE if the frame does not fit in @room; or the
 * read's error. After any error the stream is out of step, and @buf holds what was read of the
 * header. -EBADMSG is never returned here: it is kept for a payload the decoder refuses, after
 * which the stream is still in step.
 */
static inline int sgwire_read_frame(SGWIRE_PIPE from, const struct sgwire_protocol *proto,
				    unsigned int accept, __u8 *buf, size_t room)
{
	int size, err;

	if (room < SGWIRE_HEADER_SIZE)
		return -EMSGSIZE;
	err = sgwire_read_full(from, buf, SGWIRE_HEADER_SIZE);
	if (err)
		return err;
	size = sgwire_check_header(proto, buf, accept);
	if (size < 0)
		return -EPROTO;
	if ((size_t)size > room - SGWIRE_HEADER_SIZE)
		return -EMSGSIZE;
	err = sgwire_read_full(from, buf + SGWIRE_HEADER_SIZE, size);
	if (err)
		return err;
	return SGWIRE_HEADER_SIZE + size;
}

/**
 * struct sgwire_reader - Reads frames from a pipe through a buffer.
 * @buf: the buffer: SGWIRE_MAX_FRAME bytes hold the protocol's largest frame.
 * @room: its size.
 * @start: where the next frame begins in @buf.
 * @end: the end of the bytes read.
 *
 * Each read takes whatever the pipe holds, up to the room left, so a frame costs one read instead
 * of sgwire_read_frame()'s two, and frames that arrived together cost one read between them.
 */
struct sgwire_reader {
	__u8 *buf;
	size_t room;
	size_t start;
	size_t end;
};

/**
 * sgwire_reader_init() - Start a reader on an empty buffer: at the start of a stream.
 * @r: the reader.
 * @buf: its buffer.
 * @room: the buffer's size.
 */
static inline void sgwire_reader_init(struct sgwire_reader *r, __u8 *buf, size_t room)
{
	r->buf = buf;
	r->room = room;
	r->start = 0;
	r->end = 0;
}

/**
 * sgwire_reader_next() - Read the next whole frame, its header checked once it is in.
 * @r: the reader.
 * @from: the pipe: umd_info.pipe_from_umh in the kernel, a file descriptor in user space.
 * @proto: the protocol.
 * @accept: the directions the receiver accepts, SGWIRE_TO_KERNEL and/or SGWIRE_TO_HELPER.
 * @frame: set to the frame, inside @r's buffer, good until the next call.
 *
 * The results are sgwire_read_frame()'s, for the same bytes: a header is checked as soon as its
 * 16 bytes are in, and a bad one ends the stream before the reader waits for more.
 *
 * Return: the frame's size; -EPIPE at end of file, even inside a frame; -EPROTO for a header
 * sgwire_check_header() refuses (the header is then at r->buf + r->start); -EMSGSIZE for a
 * frame larger than the buffer; or the read's error. After an error the stream is out of step.
 */
static inline int sgwire_reader_next(struct sgwire_reader *r, SGWIRE_PIPE from,
				     const struct sgwire_protocol *proto, unsigned int accept,
				     const __u8 **frame)
{
	if (r->room < SGWIRE_HEADER_SIZE)
		return -EMSGSIZE;
	for (;;) {
		size_t have = r->end - r->start;
		ssize_t n;
		int size;

		if (have >= SGWIRE_HEADER_SIZE) {
			size = sgwire_check_header(proto, r->buf + r->start, accept);
			if (size < 0)
				return -EPROTO;
			if ((size_t)size > r->room - SGWIRE_HEADER_SIZE)
				return -EMSGSIZE;
			size += SGWIRE_HEADER_SIZE;
			if (have >= (size_t)size) {
				*frame = r->buf + r->start;
				r->start += size;
				return size;
			}
		}
		/* A partial frame moves to the front, so the room left holds the rest of it. */
		if (r->start) {
			memmove(r->buf, r->buf + r->start, have);
			r->start = 0;
			r->end = have;
		}
		n = sgwire_read_some(from, r->buf + r->end, r->room - r->end);
		if (n < 0)
			return n;
		if (!n)
			return -EPIPE;
		r->end += n;
	}
}

/**
 * sgwire_reader_unread() - Put back the frame sgwire_reader_next() just returned.
 * @r: the reader.
 * @size: that frame's size, sgwire_reader_next()'s result.
 *
 * The next sgwire_reader_next() returns the same frame again, without reading.
 */
static inline void sgwire_reader_unread(struct sgwire_reader *r, int size)
{
	r->start -= size;
}

#endif /* _SYSCALLGEN_SGWIRE_H */
