// SPDX-License-Identifier: MIT
/*
 * Checks the generated demo.h against golden frames made by an independent encoder: every valid
 * frame decodes to its message and its message encodes to exactly its bytes; every bad frame is
 * rejected with its errno and leaves the output untouched; the fd API moves frames over a pipe,
 * across short reads, stops at a bad header before reading the payload, and reports end of file
 * inside a frame as -EPIPE. Run natively, -m32
 * and big-endian under qemu.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include "demo-messages.h"

struct good_vector {
	const char *name;
	const __u8 *frame;
	size_t len;
	struct demo_msg msg;
};

struct bad_vector {
	const char *name;
	const __u8 *frame;
	size_t len;
	unsigned int accept;
	int want;
};

#include "vectors.inc"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int failures;

#define FAIL(...) do { fprintf(stderr, "FAIL: " __VA_ARGS__); fputc('\n', stderr); failures++; } while (0)

static void dump(const char *what, const __u8 *p, size_t n)
{
	fprintf(stderr, "  %s:", what);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s%02x", i % 32 ? "" : "\n    ", p[i]);
	fputc('\n', stderr);
}

static int same_msg(const struct demo_msg *a, const struct demo_msg *b)
{
	return a->type == b->type && a->seq == b->seq && !memcmp(&a->u, &b->u, payload_size(a->type));
}

static void check_good(const struct good_vector *v)
{
	/* One byte in, so nothing may assume an aligned frame. */
	__u8 buf[DEMO_MAX_FRAME + 8];
	struct demo_msg out;
	int ret;

	memcpy(buf + 1, v->frame, v->len);
	ret = demo_decode(buf + 1, v->len, direction(v->msg.type), &out);
	if (ret != v->msg.type || !same_msg(&out, &v->msg)) {
		FAIL("%s: decode returned %d, or other fields", v->name, ret);
		dump("want", (const __u8 *)&v->msg.u, payload_size(v->msg.type));
		dump("got", (const __u8 *)&out.u, payload_size(v->msg.type));
	}
	memset(buf, 0xaa, sizeof(buf));
	ret = encode(&v->msg, buf + 1);
	if (ret != (int)v->len || memcmp(buf + 1, v->frame, v->len)) {
		FAIL("%s: encode returned %d, or other bytes", v->name, ret);
		dump("want", v->frame, v->len);
		dump("got", buf + 1, v->len);
	}
	if (buf[0] != 0xaa || buf[1 + v->len] != 0xaa)
		FAIL("%s: encode wrote outside its frame", v->name);
}

static void check_bad(const struct bad_vector *v)
{
	struct demo_msg out, untouched;
	int ret;

	memset(&out, 0x5a, sizeof(out));
	memset(&untouched, 0x5a, sizeof(untouched));
	ret = demo_decode(v->frame, v->len, v->accept, &out);
	if (ret != v->want)
		FAIL("%s: decode returned %d, want %d", v->name, ret, v->want);
	if (memcmp(&out, &untouched, sizeof(out)))
		FAIL("%s: a rejected frame changed the output", v->name);
}

/* Messages the encoder must refuse, since the peer would reject their frames. */
static void check_encode_rejects(void)
{
	__u8 frame[DEMO_MAX_FRAME];
	struct demo_request req = { .kind = DEMO_KIND_SUM, .verbose = 2 };
	struct demo_hello hello = { 0 };
	struct demo_reply reply = { .status = DEMO_STATUS_OK, .data_len = 201 };
	struct demo_log log = { .level = 8 };

	if (demo_encode_request(frame, 1, &req) != -EINVAL)
		FAIL("encode: bool 2 accepted");
	req.verbose = 1;
	req.kind = 9;
	if (demo_encode_request(frame, 1, &req) != -EINVAL)
		FAIL("encode: kind 9 accepted");
	memset(hello.name, 'n', sizeof(hello.name));
	if (demo_encode_hello(frame, 1, &hello) != -EINVAL)
		FAIL("encode: a string without its NUL accepted");
	if (demo_encode_reply(frame, 1, &reply) != -EINVAL)
		FAIL("encode: a blob over its bound accepted");
	if (demo_encode_log(frame, 1, &log) != -EINVAL)
		FAIL("encode: log level 8 accepted");
	/* Junk after a string's NUL in the struct is not sent: the wire gets zeros. */
	strcpy(hello.name, "ab");
	if (demo_encode_hello(frame, 1, &hello) != 16 + (int)sizeof(hello) ||
	    !sgwire_zero(frame + 16 + offsetof(struct demo_hello, name) + 2, sizeof(hello.name) - 2))
		FAIL("encode: bytes after a string's NUL sent");
}

/* Writes a frame a byte at a time from a child, so every read of the receiver is short. */
static void check_short_reads(const struct good_vector *v)
{
	struct demo_reader r;
	struct demo_msg out;
	int fds[2], status, ret;
	pid_t pid;

	if (pipe(fds))
		abort();
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (size_t i = 0; i < v->len; i++) {
			if (write(fds[1], v->frame + i, 1) != 1)
				_exit(1);
			usleep(200);
		}
		_exit(0);
	}
	close(fds[1]);
	ret = demo_recv(fds[0], &r, &out, DEMO_TO_KERNEL | DEMO_TO_HELPER);
	if (ret != v->msg.type || !same_msg(&out, &v->msg))
		FAIL("%s: recv over short reads returned %d, or other fields", v->name, ret);
	ret = demo_recv(fds[0], &r, &out, DEMO_TO_KERNEL | DEMO_TO_HELPER);
	if (ret != -EPIPE)
		FAIL("recv at end of file returned %d, want -EPIPE", ret);
	close(fds[0]);
	waitpid(pid, &status, 0);
}

static void check_pipe(void)
{
	static const __u8 marker[8] = "marker!";
	struct demo_reader r;
	struct demo_msg out;
	__u8 frame[DEMO_MAX_FRAME], rest[sizeof(marker)];
	int fds[2], ret, size;

	if (pipe(fds))
		abort();
	for (size_t i = 0; i < COUNT(good); i++) {
		ret = send_msg(fds[1], &good[i].msg);
		if (ret)
			FAIL("%s: send returned %d", good[i].name, ret);
		ret = demo_recv(fds[0], &r, &out, direction(good[i].msg.type));
		if (ret != good[i].msg.type || !same_msg(&out, &good[i].msg))
			FAIL("%s: recv returned %d, or other fields", good[i].name, ret);
	}
	/* A header whose length is not its type's: rejected before the payload is read. */
	size = encode(&good[0].msg, frame);
	sgwire_put_u32(frame + 8, 4000);
	if (write(fds[1], frame, 16) != 16 || write(fds[1], marker, sizeof(marker)) != sizeof(marker))
		abort();
	ret = demo_recv(fds[0], &r, &out, DEMO_TO_KERNEL | DEMO_TO_HELPER);
	if (ret != -EPROTO)
		FAIL("recv of a bad length returned %d, not the -EPROTO of a lost stream", ret);
	if (read(fds[0], rest, sizeof(rest)) != sizeof(rest) || memcmp(rest, marker, sizeof(marker)))
		FAIL("recv read past a bad header");
	/* Another version: -EPROTO, also before the payload. */
	encode(&good[0].msg, frame);
	sgwire_put_u16(frame + 4, DEMO_VERSION + 1);
	if (write(fds[1], frame, size) != size)
		abort();
	ret = demo_recv(fds[0], &r, &out, DEMO_TO_KERNEL | DEMO_TO_HELPER);
	if (ret != -EPROTO)
		FAIL("recv of another version returned %d", ret);
	if (read(fds[0], frame, size - 16) != size - 16)
		abort();
	close(fds[1]);
	close(fds[0]);
}

/*
 * End of file is -EPIPE wherever it falls, as in Go: a frame cut short by the end of the pipe is
 * a lost stream, not a malformed frame that a reader could skip (-EBADMSG).
 */
static const struct good_vector *report_vector(void)
{
	for (size_t i = 0; i < COUNT(good); i++)
		if (good[i].msg.type == DEMO_MSG_REPORT)
			return &good[i];
	abort();
}

static void check_eof(void)
{
	const struct good_vector *v = report_vector();
	__u8 frame[DEMO_MAX_FRAME];
	int size = encode(&v->msg, frame);
	const int cuts[] = { 0, 7, DEMO_HEADER_SIZE, DEMO_HEADER_SIZE + 1, size / 2, size - 1 };
	struct demo_reader r;
	struct demo_msg out;
	int fds[2], ret;

	for (size_t i = 0; i < COUNT(cuts); i++) {
		if (pipe(fds))
			abort();
		if (write(fds[1], frame, cuts[i]) != cuts[i])
			abort();
		close(fds[1]);
		ret = demo_recv(fds[0], &r, &out, DEMO_TO_KERNEL | DEMO_TO_HELPER);
		if (ret != -EPIPE)
			FAIL("recv of %d of a %d-byte frame, then end of file, returned %d, want -EPIPE",
			     cuts[i], size, ret);
		close(fds[0]);
	}
}

int main(void)
{
	for (size_t i = 0; i < COUNT(good); i++)
		check_good(&good[i]);
	for (size_t i = 0; i < COUNT(bad); i++)
		check_bad(&bad[i]);
	check_encode_rejects();
	check_pipe();
	check_eof();
	for (size_t i = 0; i < COUNT(good); i++)
		if (good[i].msg.type == DEMO_MSG_REPORT)
			check_short_reads(&good[i]);
	printf("%zu good frames, %zu bad frames, %d failures\n", COUNT(good), COUNT(bad), failures);
	return failures != 0;
}
