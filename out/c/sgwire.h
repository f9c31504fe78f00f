/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* Copied by syscallgen from its generator/protocol/runtime/c/sgwire.h; DO NOT EDIT. */
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
#include <linux/unaligned.h>	/* <asm/unaligned.h> before Linux 6.12 */

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
 * sgwire_read_full() - Read exactly @n bytes from a pipe, over short reads.
 * @from: the pipe, e.g. umd_info.pipe_from_umh.
 * @buf: where the bytes go.
 * @n: how many.
 *
 * End of file is -EPIPE even after some of the bytes: the writer is gone, and a frame it cut
 * short belongs to a lost stream, not to a malformed frame (-EBADMSG) that a reader could skip.
 *
 * Return: 0, -EPIPE at end of file, or kernel_read()'s error (after which the stream is out of
 * step and should be dropped).
 */
static inline int sgwire_read_full(struct file *from, __u8 *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		loff_t pos = 0;
		ssize_t ret = kernel_read(from, buf + done, n - done, &pos);

		if (ret < 0)
			return ret;
		if (!ret)
			return -EPIPE;
		done += ret;
	}
	return 0;
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
 * sgwire_read_full() and sgwire_write_frame() on a file descriptor: both retry EINTR, and
 * sgwire_write_frame() writes on over short writes. Errors are -errno.
 */

static inline int sgwire_read_full(int fd, __u8 *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t ret = read(fd, buf + done, n - done);

		if (ret < 0 && errno == EINTR)
			continue;
		if (ret < 0)
			return -errno;
		if (!ret)
			return -EPIPE;
		done += (size_t)ret;
	}
	return 0;
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
 * sgwire_check_header() - Check a frame header, before any payload is read.
 * @proto: the protocol.
 * @frame: the frame's first SGWIRE_HEADER_SIZE bytes.
 * @accept: the directions the receiver accepts, SGWIRE_TO_KERNEL and/or SGWIRE_TO_HELPER.
 *
 * A header this accepts announces exactly the payload its type has: reading that many bytes
 * keeps the stream in step whatever the payload holds.
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
	if (!t || !(t->dirs & accept) || h.length != t->size)
		return -EBADMSG;
	return t->size;
}

/**
 * sgwire_check_frame() - Check a whole frame's header and size, not its payload.
 * @proto: the protocol.
 * @frame: the frame.
 * @len: its size: reading stops there, and a frame of any other size than its type's is refused.
 * @accept: the directions the receiver accepts, SGWIRE_TO_KERNEL and/or SGWIRE_TO_HELPER.
 *
 * Return: the message type, -EPROTO for another protocol version, or -EBADMSG for a frame
 * shorter than a header, a header sgwire_check_header() refuses, or a size other than the type's.
 */
static inline int sgwire_check_frame(const struct sgwire_protocol *proto, const __u8 *frame,
				     size_t len, unsigned int accept)
{
	int size;

	if (len < SGWIRE_HEADER_SIZE)
		return -EBADMSG;
	size = sgwire_check_header(proto, frame, accept);
	if (size < 0)
		return size;
	if (len != SGWIRE_HEADER_SIZE + (size_t)size)
		return -EBADMSG;
	return sgwire_get_u16(frame + 6);
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
 * Return: the frame's size; -EPIPE at end of file, even inside a frame; -EPROTO for another
 * protocol version; -EBADMSG for a header sgwire_check_header() refuses; -EMSGSIZE if the frame
 * does not fit in @room; or the read's error. After any error the stream is out of step, and
 * @buf holds what was read of the header.
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
		return size;
	if ((size_t)size > room - SGWIRE_HEADER_SIZE)
		return -EMSGSIZE;
	err = sgwire_read_full(from, buf + SGWIRE_HEADER_SIZE, size);
	if (err)
		return err;
	return SGWIRE_HEADER_SIZE + size;
}

#endif /* _SYSCALLGEN_SGWIRE_H */
