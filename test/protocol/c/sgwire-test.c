// SPDX-License-Identifier: MIT
/*
 * Unit tests of sgwire.h in user space, with no generated header: its loads and stores against
 * bytes written out by hand (at odd addresses, so nothing may assume alignment), the checks of
 * padding, strings and byte blobs, the frame header and its checks against a small protocol
 * table of its own, and whole-frame I/O over real pipes: short reads and writes, EINTR, end of
 * file anywhere in a frame, a bad header refused before its payload is read, a buffer too small.
 * And the frames every protocol shares: the control frames' types, which sgwire_check_header()
 * accepts after the protocol's own, their encoders and checked decoders against bytes written
 * out by hand, and the log message's check. Run natively, -m32 and big-endian under qemu.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "sgwire.h"

static int checks, failures;

#define CHECK(cond, ...) do {						\
	checks++;							\
	if (!(cond)) {							\
		fprintf(stderr, "FAIL %s:%d: ", __func__, __LINE__);	\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		failures++;						\
	}								\
} while (0)

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Whether @n bytes at @p are @want, and the bytes just around them still 0xaa. */
static int bytes_are(const __u8 *p, const __u8 *want, size_t n)
{
	return !memcmp(p, want, n) && p[-1] == 0xaa && p[n] == 0xaa;
}

static void test_integers(void)
{
	static const __u8 le16[] = { 0xef, 0xbe };
	static const __u8 le32[] = { 0xef, 0xbe, 0xad, 0xde };
	static const __u8 le64[] = { 0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x81 };
	__u8 buf[16];

	memset(buf, 0xaa, sizeof(buf));
	sgwire_put_u8(buf + 1, 0x81);
	CHECK(bytes_are(buf + 1, (const __u8[]){ 0x81 }, 1), "put_u8");
	CHECK(sgwire_get_u8(buf + 1) == 0x81, "get_u8");

	memset(buf, 0xaa, sizeof(buf));
	sgwire_put_u16(buf + 1, 0xbeef);
	CHECK(bytes_are(buf + 1, le16, sizeof(le16)), "put_u16 is little-endian");
	CHECK(sgwire_get_u16(buf + 1) == 0xbeef, "get_u16 gives %#x", sgwire_get_u16(buf + 1));

	memset(buf, 0xaa, sizeof(buf));
	sgwire_put_u32(buf + 3, 0xdeadbeef);
	CHECK(bytes_are(buf + 3, le32, sizeof(le32)), "put_u32 is little-endian");
	CHECK(sgwire_get_u32(buf + 3) == 0xdeadbeef, "get_u32 gives %#x", sgwire_get_u32(buf + 3));

	memset(buf, 0xaa, sizeof(buf));
	sgwire_put_u64(buf + 5, 0x8123456789abcdefULL);
	CHECK(bytes_are(buf + 5, le64, sizeof(le64)), "put_u64 is little-endian");
	CHECK(sgwire_get_u64(buf + 5) == 0x8123456789abcdefULL, "get_u64 gives %#llx",
	      (unsigned long long)sgwire_get_u64(buf + 5));

	/* The top bit of each half survives: no sign extension on the way in or out. */
	sgwire_put_u64(buf, 0xffffffff80008000ULL);
	CHECK(sgwire_get_u64(buf) == 0xffffffff80008000ULL, "get_u64 of high bits");
	CHECK(sgwire_get_u32(buf + 4) == 0xffffffffU, "get_u32 of all ones");
	CHECK(sgwire_get_u16(buf) == 0x8000, "get_u16 of the top bit");
}

static void test_zero(void)
{
	__u8 buf[9] = { 0 };
	size_t i;

	CHECK(sgwire_zero(buf, 0), "no bytes are all zero");
	CHECK(sgwire_zero(buf, sizeof(buf)), "zeros");
	for (i = 0; i < sizeof(buf); i++) {
		buf[i] = 0x80;
		CHECK(!sgwire_zero(buf, sizeof(buf)), "a non-zero byte at %zu", i);
		CHECK(sgwire_zero(buf, i), "bytes before it are zero");
		buf[i] = 0;
	}
}

static void test_strings(void)
{
	char member[8] = "abc";
	char full[8];
	__u8 wire[10];

	memset(wire, 0xaa, sizeof(wire));
	memset(wire + 1, 0, 8);
	member[5] = 'x';	/* junk after the NUL is not sent */
	sgwire_put_string(wire + 1, member, sizeof(member));
	CHECK(bytes_are(wire + 1, (const __u8 *)"abc\0\0\0\0\0", 8), "put_string: text, then zeros");
	CHECK(sgwire_valid_string(wire + 1, 8), "the text is valid");
	memset(full, 'x', sizeof(full));
	sgwire_get_string(wire + 1, full, sizeof(full));
	CHECK(!memcmp(full, "abc\0\0\0\0\0", 8), "get_string copies the field whole");

	CHECK(sgwire_valid_string((const __u8 *)"\0", 1), "an empty string of bound 0");
	CHECK(sgwire_valid_string((const __u8 *)"1234567", 8), "NUL in the last byte");
	CHECK(!sgwire_valid_string((const __u8 *)"12345678", 8), "no NUL");
	CHECK(!sgwire_valid_string((const __u8 *)"ab\0\0\0z\0", 8), "a byte after the NUL");

	memset(full, 'n', sizeof(full));
	memset(wire + 1, 0, 8);
	sgwire_put_string(wire + 1, full, sizeof(full));
	CHECK(!sgwire_valid_string(wire + 1, 8), "a member without its NUL is copied whole, so refused");
}

static void test_bytes(void)
{
	static const __u8 data[6] = { 1, 2, 3, 4, 5, 6 };
	__u8 wire[8], member[4];

	memset(wire, 0xaa, sizeof(wire));
	memset(wire + 1, 0, 6);
	sgwire_put_bytes(wire + 1, 3, data, 4);
	CHECK(bytes_are(wire + 1, (const __u8[]){ 3, 0, 1, 2, 3, 0 }, 6), "put_bytes: length, blob, zeros");
	CHECK(sgwire_valid_bytes(wire + 1, 4), "the blob is valid");
	memset(member, 0xee, sizeof(member));
	CHECK(sgwire_get_bytes(wire + 1, member, 4) == 3, "get_bytes gives the length");
	CHECK(!memcmp(member, (const __u8[]){ 1, 2, 3, 0 }, 4), "get_bytes copies the bound whole");

	CHECK(sgwire_valid_bytes((const __u8[]){ 4, 0, 1, 2, 3, 4 }, 4), "a blob of its bound");
	CHECK(sgwire_valid_bytes((const __u8[]){ 0, 0 }, 0), "an empty blob of bound 0");
	CHECK(!sgwire_valid_bytes((const __u8[]){ 5, 0, 1, 2, 3, 4 }, 4), "a length over the bound");
	CHECK(!sgwire_valid_bytes((const __u8[]){ 0, 1, 0, 0, 0, 0 }, 4), "a length of 256");
	CHECK(!sgwire_valid_bytes((const __u8[]){ 2, 0, 1, 2, 0, 9 }, 4), "a byte past the length");

	memset(wire + 1, 0, 6);
	sgwire_put_bytes(wire + 1, 5, data, 4);
	CHECK(wire[6] == 4 && wire[7] == 0xaa, "put_bytes copies at most the bound");
	CHECK(!sgwire_valid_bytes(wire + 1, 4), "a length over the bound is stored, so refused");
}

/* A protocol of three types: one each way and one both ways. */
static const struct sgwire_type types[] = {
	{ .type = 0, .dirs = SGWIRE_TO_KERNEL, .size = 8 },
	{ .type = 7, .dirs = SGWIRE_TO_HELPER, .size = 0 },
	{ .type = 0x8001, .dirs = SGWIRE_TO_KERNEL | SGWIRE_TO_HELPER, .size = 24 },
};

static const struct sgwire_protocol proto = {
	.magic = 0x11223344,
	.version = 0x0102,
	.ntypes = COUNT(types),
	.types = types,
};

/* The header of a type-0x8001 frame with seq 0xa1b2c3d4, written out by hand. */
static const __u8 header[SGWIRE_HEADER_SIZE] = {
	0x44, 0x33, 0x22, 0x11, 0x02, 0x01, 0x01, 0x80, 24, 0, 0, 0, 0xd4, 0xc3, 0xb2, 0xa1,
};

static void test_header(void)
{
	struct sgwire_header h;
	__u8 frame[SGWIRE_HEADER_SIZE + 24 + 2];
	int accept;

	memset(frame, 0xaa, sizeof(frame));
	sgwire_put_header(frame + 1, &proto, 0x8001, 24, 0xa1b2c3d4);
	CHECK(bytes_are(frame + 1, header, sizeof(header)), "put_header writes the bytes of the format");
	sgwire_get_header(header, &h);
	CHECK(h.magic == 0x11223344 && h.version == 0x0102 && h.type == 0x8001 && h.length == 24 &&
	      h.seq == 0xa1b2c3d4, "get_header reads them back");

	CHECK(sgwire_find_type(&proto, 7) == &types[1], "find_type");
	CHECK(!sgwire_find_type(&proto, 1), "find_type of an unknown type");

	for (accept = 0; accept <= 3; accept++)
		CHECK(sgwire_check_header(&proto, header, accept) == (accept ? 24 : -EBADMSG),
		      "check_header of a both-ways type, accepting %d", accept);
	memcpy(frame, header, sizeof(header));
	sgwire_put_u16(frame + 6, 7);
	sgwire_put_u32(frame + 8, 0);
	CHECK(sgwire_check_header(&proto, frame, SGWIRE_TO_HELPER) == 0, "an empty payload");
	CHECK(sgwire_check_header(&proto, frame, SGWIRE_TO_KERNEL) == -EBADMSG, "the wrong way");
	sgwire_put_u16(frame + 6, 8);
	CHECK(sgwire_check_header(&proto, frame, 3) == -EBADMSG, "an unknown type");
	sgwire_put_u16(frame + 6, 0);
	sgwire_put_u32(frame + 8, 16);
	CHECK(sgwire_check_header(&proto, frame, 3) == -EBADMSG, "a length other than the type's");
	sgwire_put_u32(frame + 8, 8);
	CHECK(sgwire_check_header(&proto, frame, 3) == 8, "type 0, length 8");
	frame[4] = 0x03;
	CHECK(sgwire_check_header(&proto, frame, 3) == -EPROTO, "another version");
	frame[0] = 0x45;
	CHECK(sgwire_check_header(&proto, frame, 3) == -EBADMSG, "a bad magic comes first");
}

static void test_frame(void)
{
	__u8 frame[SGWIRE_HEADER_SIZE + 24];

	memset(frame, 0, sizeof(frame));
	memcpy(frame, header, sizeof(header));
	CHECK(sgwire_check_frame(&proto, frame, sizeof(frame), 3) == 0x8001, "check_frame gives the type");
	CHECK(sgwire_check_frame(&proto, frame, sizeof(frame) - 1, 3) == -EBADMSG, "a byte short");
	CHECK(sgwire_check_frame(&proto, frame, sizeof(frame) + 1, 3) == -EBADMSG, "a byte over");
	CHECK(sgwire_check_frame(&proto, frame, SGWIRE_HEADER_SIZE - 1, 3) == -EBADMSG,
	      "shorter than a header");
	CHECK(sgwire_check_frame(&proto, frame, 0, 3) == -EBADMSG, "no bytes");
	frame[5] = 9;
	CHECK(sgwire_check_frame(&proto, frame, sizeof(frame), 3) == -EPROTO, "another version");
}

/* A frame of type 0x8001 whose payload counts up from 1. */
static void fill_frame(__u8 *frame)
{
	size_t i;

	memcpy(frame, header, sizeof(header));
	for (i = 0; i < 24; i++)
		frame[SGWIRE_HEADER_SIZE + i] = (__u8)(i + 1);
}

static volatile sig_atomic_t ticks;

static void on_tick(int sig)
{
	(void)sig;
	ticks++;
}

/* SIGALRM every 200 us, without SA_RESTART: a blocked read or write fails with EINTR. */
static void ticking(int on)
{
	struct itimerval every = { { 0, on ? 200 : 0 }, { 0, on ? 200 : 0 } };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_tick;
	if (sigaction(SIGALRM, &sa, NULL) || setitimer(ITIMER_REAL, &every, NULL))
		abort();
}

/* A child that writes @n bytes of @p to @fd in pieces of @piece, pausing between them. */
static pid_t slow_writer(int fd, const __u8 *p, size_t n, size_t piece)
{
	pid_t pid = fork();
	size_t done;

	if (pid)
		return pid;
	signal(SIGALRM, SIG_IGN);
	for (done = 0; done < n; done += piece) {
		size_t len = n - done < piece ? n - done : piece;

		if (write(fd, p + done, len) != (ssize_t)len)
			_exit(1);
		usleep(2000);
	}
	_exit(0);
}

static int reap(pid_t pid)
{
	int status;

	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_read_frame(void)
{
	__u8 frame[SGWIRE_HEADER_SIZE + 24], buf[SGWIRE_MAX_FRAME], rest[8];
	int fds[2], ret, cut;
	pid_t pid;

	fill_frame(frame);
	/* A byte at a time, reads interrupted all along. */
	if (pipe(fds))
		abort();
	pid = slow_writer(fds[1], frame, sizeof(frame), 1);
	close(fds[1]);
	ticks = 0;
	ticking(1);
	ret = sgwire_read_frame(fds[0], &proto, SGWIRE_TO_KERNEL, buf, sizeof(buf));
	ticking(0);
	CHECK(ret == (int)sizeof(frame) && !memcmp(buf, frame, sizeof(frame)),
	      "read_frame over short reads and %d signals returned %d", (int)ticks, ret);
	CHECK(ticks > 0, "no signal came while reading");
	ret = sgwire_read_frame(fds[0], &proto, SGWIRE_TO_KERNEL, buf, sizeof(buf));
	CHECK(ret == -EPIPE, "read_frame at end of file returned %d", ret);
	CHECK(reap(pid) == 0, "writer");
	close(fds[0]);

	/* End of file anywhere in a frame is -EPIPE, never -EBADMSG. */
	for (cut = 0; cut < (int)sizeof(frame); cut++) {
		if (pipe(fds))
			abort();
		if (write(fds[1], frame, cut) != cut)
			abort();
		close(fds[1]);
		ret = sgwire_read_frame(fds[0], &proto, SGWIRE_TO_KERNEL, buf, sizeof(buf));
		CHECK(ret == -EPIPE, "%d bytes then end of file returned %d", cut, ret);
		close(fds[0]);
	}

	/* A bad header is refused before the payload is read, and so is a frame with no room. */
	if (pipe(fds))
		abort();
	frame[4] = 9;
	if (write(fds[1], frame, SGWIRE_HEADER_SIZE) != SGWIRE_HEADER_SIZE ||
	    write(fds[1], "marker!", sizeof(rest)) != sizeof(rest))
		abort();
	ret = sgwire_read_frame(fds[0], &proto, SGWIRE_TO_KERNEL, buf, sizeof(buf));
	CHECK(ret == -EPROTO, "read_frame of another version returned %d", ret);
	CHECK(read(fds[0], rest, sizeof(rest)) == sizeof(rest) && !memcmp(rest, "marker!", 8),
	      "read_frame read past a bad header");
	/* Any header refused loses the stream: -EPROTO, never the -EBADMSG of a frame skipped. */
	frame[4] = 2;
	frame[0] ^= 0xff;
	if (write(fds[1], frame, SGWIRE_HEADER_SIZE) != SGWIRE_HEADER_SIZE)
		abort();
	ret = sgwire_read_frame(fds[0], &proto, SGWIRE_TO_KERNEL, buf, sizeof(buf));
	CHECK(ret == -EPROTO, "read_frame of a bad magic returned %d", ret);
	frame[0] ^= 0xff;
	if (write(fds[1], frame, sizeof(frame)) != sizeof(frame))
		abort();
	ret = sgwire_read_frame(fds[0], &proto, 3, buf, sizeof(frame) - 1);
	CHECK(ret == -EMSGSIZE, "a frame bigger than the buffer returned %d", ret);
	CHECK(read(fds[0], rest, sizeof(rest)) == sizeof(rest) && rest[0] == 1,
	      "a frame bigger than the buffer leaves its payload in the pipe");
	ret = sgwire_read_frame(fds[0], &proto, 3, buf, SGWIRE_HEADER_SIZE - 1);
	CHECK(ret == -EMSGSIZE, "no room for a header returned %d", ret);
	ret = sgwire_read_full(fds[0], buf, 0);
	CHECK(ret == 0, "read_full of nothing returned %d", ret);
	close(fds[1]);
	close(fds[0]);
	CHECK(sgwire_read_frame(fds[0], &proto, 3, buf, sizeof(buf)) == -EBADF, "a closed fd");
}

static void test_write_frame(void)
{
	/* Bigger than a pipe holds, read slowly: the writer blocks, is interrupted, writes short. */
	static __u8 big[1 << 18];
	__u8 buf[4096];
	size_t i, got = 0;
	int fds[2], ret, bad = 0;
	pid_t pid;

	for (i = 0; i < sizeof(big); i++)
		big[i] = (__u8)(i * 7 + i / 251);
	if (pipe(fds))
		abort();
	pid = fork();
	if (!pid) {
		signal(SIGALRM, SIG_IGN);
		close(fds[1]);
		while ((ret = read(fds[0], buf, sizeof(buf))) > 0) {
			for (i = 0; i < (size_t)ret; i++)
				bad |= buf[i] != big[got + i];
			got += ret;
			usleep(100);
		}
		_exit(bad || got != sizeof(big));
	}
	close(fds[0]);
	ticks = 0;
	ticking(1);
	ret = sgwire_write_frame(fds[1], big, sizeof(big));
	ticking(0);
	CHECK(ret == 0, "write_frame of %zu bytes returned %d", sizeof(big), ret);
	CHECK(ticks > 0, "no signal came while writing");
	close(fds[1]);
	CHECK(reap(pid) == 0, "the reader got other bytes");

	/* Nobody reading: -EPIPE, SIGPIPE ignored as a helper would. */
	signal(SIGPIPE, SIG_IGN);
	if (pipe(fds))
		abort();
	close(fds[0]);
	ret = sgwire_write_frame(fds[1], header, sizeof(header));
	CHECK(ret == -EPIPE, "write_frame to a closed pipe returned %d", ret);
	close(fds[1]);
	CHECK(sgwire_write_frame(fds[1], header, 0) == 0, "write_frame of nothing");
}

/* A frame of @type: @proto's header with seq 9, then @payload. */
static size_t control_frame(__u8 *frame, __u16 type, const __u8 *payload, size_t size)
{
	sgwire_put_header(frame, &proto, type, (__u32)size, 9);
	memcpy(frame + SGWIRE_HEADER_SIZE, payload, size);
	return SGWIRE_HEADER_SIZE + size;
}

static void test_control_types(void)
{
	static const struct { __u16 type; unsigned int dirs; __u32 size; } want[] = {
		{ 0xff01, SGWIRE_TO_KERNEL, 48 },
		{ 0xff02, SGWIRE_TO_HELPER, 16 },
		{ 0xff03, SGWIRE_TO_HELPER, 8 },
		{ 0xff04, SGWIRE_TO_KERNEL, 8 },
		{ 0xff05, SGWIRE_TO_KERNEL, 8 },
	};
	static const __u16 none[] = { 0, 1, 0x8001, 0xfeff, 0xff00, 0xff06, 0xffff };
	/* A protocol whose own type 0xff03 (no spec may have one) is looked up first. */
	static const struct sgwire_type own[] = { { 0xff03, SGWIRE_TO_KERNEL, 4 } };
	static const struct sgwire_protocol shadowing = {
		.magic = 0x11223344, .version = 0x0102, .ntypes = 1, .types = own,
	};
	__u8 frame[SGWIRE_HEADER_SIZE];
	unsigned int accept;
	size_t i;

	for (i = 0; i < COUNT(want); i++) {
		const struct sgwire_type *t = sgwire_control_type(want[i].type);

		CHECK(t && t->type == want[i].type && t->dirs == want[i].dirs && t->size == want[i].size,
		      "control type %#x", want[i].type);
		CHECK(!sgwire_find_type(&proto, want[i].type), "no protocol table lists %#x", want[i].type);
		sgwire_put_header(frame, &proto, want[i].type, want[i].size, 0);
		for (accept = 0; accept <= 3; accept++)
			CHECK(sgwire_check_header(&proto, frame, accept) ==
			      (accept & want[i].dirs ? (int)want[i].size : -EBADMSG),
			      "check_header of control type %#x accepting %u", want[i].type, accept);
		sgwire_put_u32(frame + 8, want[i].size + 8);
		CHECK(sgwire_check_header(&proto, frame, 3) == -EBADMSG,
		      "control type %#x with another length", want[i].type);
		frame[4] ^= 1;
		CHECK(sgwire_check_header(&proto, frame, 3) == -EPROTO,
		      "control type %#x of another protocol version", want[i].type);
	}
	for (i = 0; i < COUNT(none); i++)
		CHECK(!sgwire_control_type(none[i]), "%#x is no control type", none[i]);

	sgwire_put_header(frame, &shadowing, 0xff03, 4, 0);
	CHECK(sgwire_check_header(&shadowing, frame, SGWIRE_TO_KERNEL) == 4,
	      "the protocol's own type comes first");
	sgwire_put_header(frame, &shadowing, 0xff03, 8, 0);
	CHECK(sgwire_check_header(&shadowing, frame, 3) == -EBADMSG,
	      "a control frame's size does not apply to the protocol's own type");
	sgwire_put_header(frame, &shadowing, 0xff04, 8, 0);
	CHECK(sgwire_check_header(&shadowing, frame, SGWIRE_TO_KERNEL) == 8,
	      "the other control types still apply");
}

static void test_hello(void)
{
	static const __u8 wire[48] = {
		1, 0, 0, 0, 0x04, 0x03, 0x02, 0x01,
		0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,
		'h', 'e', 'l', 'p', 'e', 'r',
	};
	struct sgwire_hello m, back;
	__u8 frame[SGWIRE_HEADER_SIZE + 48 + 1], bad[48];
	size_t i;

	memset(&m, 0, sizeof(m));
	m.version = 1;
	m.pid = 0x01020304;
	m.features = 0x1122334455667788ULL;
	strcpy(m.name, "helper");
	m.name[10] = 'x';	/* junk after the NUL is not sent */
	memset(frame, 0xaa, sizeof(frame));
	CHECK(sgwire_encode_hello(frame, &proto, &m) == SGWIRE_HEADER_SIZE + 48, "encode_hello's size");
	CHECK(!memcmp(frame + SGWIRE_HEADER_SIZE, wire, sizeof(wire)) && frame[sizeof(frame) - 1] == 0xaa,
	      "encode_hello writes the bytes of the format");
	CHECK(sgwire_get_u16(frame + 6) == SGWIRE_MSG_HELLO && sgwire_get_u32(frame + 8) == 48 &&
	      sgwire_get_u32(frame + 12) == 0, "encode_hello's header: type, length, seq 0");
	CHECK(sgwire_check_frame(&proto, frame, SGWIRE_HEADER_SIZE + 48, SGWIRE_TO_KERNEL) ==
	      SGWIRE_MSG_HELLO, "check_frame of a hello");
	memset(&back, 0xee, sizeof(back));
	CHECK(sgwire_get_hello(wire, &back) == 0 && back.version == 1 && back.pid == 0x01020304 &&
	      back.features == 0x1122334455667788ULL && !memcmp(back.name, "helper\0\0\0\0\0", 11),
	      "get_hello reads them back, the name whole");
	back.version = 2;
	CHECK(sgwire_check_control(SGWIRE_MSG_HELLO, wire) == 0, "check_control of a hello");

	for (i = 2; i < 4; i++) {
		memcpy(bad, wire, sizeof(bad));
		bad[i] = 1;
		CHECK(sgwire_get_hello(bad, &back) == -EBADMSG, "a hello with pad byte %zu set", i);
		CHECK(sgwire_check_control(SGWIRE_MSG_HELLO, bad) == -EBADMSG, "check_control agrees");
		control_frame(frame, SGWIRE_MSG_HELLO, bad, 48);
		CHECK(sgwire_check_frame(&proto, frame, SGWIRE_HEADER_SIZE + 48, 3) == -EBADMSG,
		      "check_frame refuses a control frame whose payload is bad");
	}
	memcpy(bad, wire, sizeof(bad));
	bad[47] = 'z';
	CHECK(sgwire_get_hello(bad, &back) == -EBADMSG, "a byte after the name's NUL");
	memset(bad + 16, 'n', 32);
	CHECK(sgwire_get_hello(bad, &back) == -EBADMSG, "a name without its NUL");
	memset(m.name, 'n', sizeof(m.name));
	CHECK(sgwire_encode_hello(frame, &proto, &m) == -EINVAL, "encode_hello of a name without NUL");
	memset(m.name, 0, sizeof(m.name));
	memset(m.name, 'n', sizeof(m.name) - 1);
	CHECK(sgwire_encode_hello(frame, &proto, &m) > 0, "a name of 31 bytes");
	/* Another runtime version is well formed: its reader judges it. */
	memcpy(bad, wire, sizeof(bad));
	bad[0] = 2;
	CHECK(sgwire_get_hello(bad, &back) == 0 && back.version == 2, "another runtime version decodes");
}

static void test_welcome_ping_bye(void)
{
	static const __u8 welcome[16] = { 0x0f, 0, 0, 0, 0, 0, 0, 0x80, 0xe8, 0x03, 0, 0 };
	static const __u8 ping[8] = { 0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01 };
	static const __u8 bye[8] = { 7, 0, 0, 0 };
	struct sgwire_welcome w = { 0x800000000000000fULL, 1000 }, wb;
	struct sgwire_ping p = { 0x0123456789abcdefULL }, pb;
	struct sgwire_bye b = { 7 }, bb;
	__u8 frame[SGWIRE_HEADER_SIZE + 16], bad[16];
	int size;

	size = sgwire_encode_welcome(frame, &proto, &w);
	CHECK(size == SGWIRE_HEADER_SIZE + 16 && !memcmp(frame + SGWIRE_HEADER_SIZE, welcome, 16) &&
	      sgwire_get_u16(frame + 6) == SGWIRE_MSG_WELCOME, "encode_welcome");
	CHECK(sgwire_check_frame(&proto, frame, size, SGWIRE_TO_HELPER) == SGWIRE_MSG_WELCOME,
	      "check_frame of a welcome");
	CHECK(sgwire_check_frame(&proto, frame, size, SGWIRE_TO_KERNEL) == -EBADMSG,
	      "a welcome travels to the helper only");
	CHECK(sgwire_get_welcome(welcome, &wb) == 0 && wb.features == w.features &&
	      wb.interval_ms == 1000, "get_welcome");
	memcpy(bad, welcome, 16);
	bad[15] = 1;
	CHECK(sgwire_get_welcome(bad, &wb) == -EBADMSG, "a welcome with its pad set");
	CHECK(sgwire_check_control(SGWIRE_MSG_WELCOME, bad) == -EBADMSG, "check_control agrees");

	size = sgwire_encode_ping(frame, &proto, &p);
	CHECK(size == SGWIRE_HEADER_SIZE + 8 && !memcmp(frame + SGWIRE_HEADER_SIZE, ping, 8) &&
	      sgwire_get_u16(frame + 6) == SGWIRE_MSG_PING, "encode_ping");
	size = sgwire_encode_pong(frame, &proto, &p);
	CHECK(size == SGWIRE_HEADER_SIZE + 8 && !memcmp(frame + SGWIRE_HEADER_SIZE, ping, 8) &&
	      sgwire_get_u16(frame + 6) == SGWIRE_MSG_PONG, "encode_pong");
	CHECK(sgwire_check_frame(&proto, frame, size, SGWIRE_TO_KERNEL) == SGWIRE_MSG_PONG,
	      "check_frame of a pong");
	CHECK(sgwire_get_ping(ping, &pb) == 0 && pb.nonce == p.nonce, "get_ping");
	CHECK(sgwire_check_control(SGWIRE_MSG_PING, ping) == 0 &&
	      sgwire_check_control(SGWIRE_MSG_PONG, ping) == 0, "every nonce is valid");

	size = sgwire_encode_bye(frame, &proto, &b);
	CHECK(size == SGWIRE_HEADER_SIZE + 8 && !memcmp(frame + SGWIRE_HEADER_SIZE, bye, 8) &&
	      sgwire_get_u16(frame + 6) == SGWIRE_MSG_BYE, "encode_bye");
	CHECK(sgwire_get_bye(bye, &bb) == 0 && bb.reason == 7, "get_bye");
	memcpy(bad, bye, 8);
	bad[4] = 1;
	CHECK(sgwire_get_bye(bad, &bb) == -EBADMSG, "a bye with its pad set");
	CHECK(sgwire_check_control(SGWIRE_MSG_BYE, bad) == -EBADMSG, "check_control agrees");
	CHECK(sgwire_check_control(0xff00, ping) == -EBADMSG && sgwire_check_control(7, ping) == -EBADMSG,
	      "check_control of a type that is no control frame");
}

static void test_log(void)
{
	__u8 p[SGWIRE_LOG_SIZE];

	memset(p, 0, sizeof(p));
	p[0] = 7;
	memcpy(p + 1, "text", 4);
	CHECK(SGWIRE_LOG_SIZE == 248 && SGWIRE_LOG_TEXT_SIZE == 240, "the log message's layout");
	CHECK(sgwire_check_log(p) == 0, "a log line");
	p[0] = 8;
	CHECK(sgwire_check_log(p) == -EBADMSG, "a level over 7");
	p[0] = 0;
	CHECK(sgwire_check_log(p) == 0, "level 0");
	p[247] = 1;
	CHECK(sgwire_check_log(p) == -EBADMSG, "a pad byte set");
	p[247] = 0;
	p[100] = 'x';
	CHECK(sgwire_check_log(p) == -EBADMSG, "a byte after the text's NUL");
	memset(p + 1, 'x', SGWIRE_LOG_TEXT_SIZE);
	CHECK(sgwire_check_log(p) == -EBADMSG, "a text without its NUL");
}

static void test_read_control(void)
{
	struct sgwire_ping m = { 42 };
	__u8 frame[SGWIRE_HEADER_SIZE + 8], buf[64];
	int fds[2], ret;

	if (pipe(fds))
		abort();
	sgwire_encode_pong(frame, &proto, &m);
	if (write(fds[1], frame, sizeof(frame)) != sizeof(frame))
		abort();
	ret = sgwire_read_frame(fds[0], &proto, SGWIRE_TO_KERNEL, buf, sizeof(buf));
	CHECK(ret == (int)sizeof(frame) && !memcmp(buf, frame, sizeof(frame)),
	      "read_frame of a pong returned %d", ret);
	if (write(fds[1], frame, sizeof(frame)) != sizeof(frame))
		abort();
	ret = sgwire_read_frame(fds[0], &proto, SGWIRE_TO_HELPER, buf, sizeof(buf));
	/* Refused by its header, before its payload is read: the stream is lost. */
	CHECK(ret == -EPROTO, "a pong read by the helper returned %d", ret);
	close(fds[1]);
	close(fds[0]);
}

int main(void)
{
	test_integers();
	test_zero();
	test_strings();
	test_bytes();
	test_header();
	test_frame();
	test_read_frame();
	test_write_frame();
	test_control_types();
	test_hello();
	test_welcome_ping_bye();
	test_log();
	test_read_control();
	printf("%d checks, %d failures\n", checks, failures);
	return failures != 0;
}
