// SPDX-License-Identifier: MIT
/*
 * A helper written in C for the call runtime's smoke test (smoke.c): it speaks the control frames
 * with sgwire.h alone, over fds 0 and 1 as the User Mode Driver sets them up, and misbehaves as
 * the first word of /mode says (the test's init writes it before each insmod):
 *
 *   normal          hello, then answers every call (sum = a + b), pong, and an event per config
 *   hang            answers nothing, not even pings          (calls time out; killed as hung)
 *   late            answers each call after 300 ms           (late replies dropped and counted)
 *   badreply        answers the second call with an event    (a notification, not its reply)
 *   flood           1000 log lines after hello               (rate limit, log_dropped)
 *   ctrl            log lines with control characters, a forged kernel line, KERN_EMERG, a bad one
 *   noread          hello, then never reads its stdin        (the sender blocks; killed as hung)
 *   forkchild       forks a child that keeps the pipes, then exits   (no end of file comes)
 *   midframe        exits in the middle of a frame
 *   handshake-exit  exits before hello
 *   garbage         sends bytes that are no frame
 *   version         speaks another protocol version
 *   bye             says bye after its third answer
 *
 * Built static (gcc -static -I <dir of sgwire.h>) and embedded in smoke.ko.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "sgwire.h"

/* The smoke protocol: add (a, b) to the helper, sum back, event to the kernel, config to the helper. */
static const struct sgwire_type types[] = {
	{ SGWIRE_MSG_LOG, SGWIRE_TO_KERNEL, SGWIRE_LOG_SIZE },
	{ 2, SGWIRE_TO_HELPER, 16 },
	{ 3, SGWIRE_TO_KERNEL, 8 },
	{ 4, SGWIRE_TO_KERNEL, 8 },
	{ 5, SGWIRE_TO_HELPER, 8 },
};
static struct sgwire_protocol proto = { 0x4b4d4f44, 1, 5, types };
static char mode[64] = "normal";

static int is(const char *m)
{
	return !strcmp(mode, m);
}

static void out(const __u8 *frame, size_t n)
{
	if (sgwire_write_frame(1, frame, n))
		exit(3);
}

static void logline(int level, const char *text)
{
	__u8 f[SGWIRE_HEADER_SIZE + SGWIRE_LOG_SIZE];

	memset(f, 0, sizeof(f));
	sgwire_put_header(f, &proto, SGWIRE_MSG_LOG, SGWIRE_LOG_SIZE, 0);
	f[SGWIRE_HEADER_SIZE] = (__u8)level;
	strncpy((char *)f + SGWIRE_HEADER_SIZE + 1, text, SGWIRE_LOG_TEXT_SIZE - 1);
	out(f, sizeof(f));
}

static void u64frame(__u16 type, __u32 seq, __u64 v)
{
	__u8 f[SGWIRE_HEADER_SIZE + 8];

	sgwire_put_header(f, &proto, type, 8, seq);
	sgwire_put_u64(f + SGWIRE_HEADER_SIZE, v);
	out(f, sizeof(f));
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void misbehave_first(void)
{
	__u8 bad[SGWIRE_HEADER_SIZE + SGWIRE_LOG_SIZE];
	int n;

	if (is("noread") || is("garbage"))
		for (;;) {
			if (is("garbage")) {
				sleep_ms(200);
				out((const __u8 *)"garbage garbage garbage!", 24);
			}
			pause();
		}
	if (is("forkchild")) {
		if (fork() == 0)
			for (;;)
				pause();
		sleep_ms(500);
		exit(0);
	}
	if (is("midframe")) {
		sleep_ms(200);
		out(bad, 10);
		exit(0);
	}
	if (is("flood"))
		for (n = 0; n < 1000; n++)
			logline(3, "flood line");
	if (is("ctrl")) {
		logline(0, "emerg from helper, clamped");
		logline(3, "line one\n<0>forged kernel line\x1b[31m red \x01" "0 soh");
		logline(7, "debug line");
		memset(bad, 0, sizeof(bad));
		sgwire_put_header(bad, &proto, SGWIRE_MSG_LOG, SGWIRE_LOG_SIZE, 0);
		bad[SGWIRE_HEADER_SIZE] = 9;	/* no such level: a malformed frame, skipped */
		out(bad, sizeof(bad));
	}
}

int main(void)
{
	struct sgwire_hello hello = { SGWIRE_RUNTIME_VERSION, 0, 0x3, "smoke-helper" };
	__u8 buf[SGWIRE_MAX_FRAME], f[64];
	FILE *m = fopen("/mode", "r");
	int n, adds = 0;

	signal(SIGPIPE, SIG_IGN);
	if (m) {
		if (fscanf(m, "%63s", mode) != 1)
			strcpy(mode, "normal");
		fclose(m);
	}
	hello.pid = (__u32)getpid();
	logline(6, "starting");
	if (is("handshake-exit"))
		return 1;
	if (is("version"))
		proto.version = 2;
	out(f, (size_t)sgwire_encode_hello(f, &proto, &hello));
	misbehave_first();
	for (;;) {
		struct sgwire_header h;
		struct sgwire_ping p;
		struct sgwire_bye b = { SGWIRE_BYE_ASKED };

		n = sgwire_read_frame(0, &proto, SGWIRE_TO_HELPER, buf, sizeof(buf));
		if (n < 0)
			return n == -EPIPE ? 0 : 2;
		sgwire_get_header(buf, &h);
		switch (h.type) {
		case SGWIRE_MSG_WELCOME:
			logline(6, "welcomed");
			break;
		case SGWIRE_MSG_PING:
			if (is("hang"))
				break;
			sgwire_get_ping(buf + SGWIRE_HEADER_SIZE, &p);
			out(f, (size_t)sgwire_encode_pong(f, &proto, &p));
			break;
		case 2:
			adds++;
			if (is("hang"))
				break;
			if (is("late"))
				sleep_ms(300);
			if (is("badreply") && adds == 2) {
				u64frame(4, h.seq, 1);
				break;
			}
			u64frame(3, h.seq, sgwire_get_u64(buf + 16) + sgwire_get_u64(buf + 24));
			if (is("bye") && adds == 3) {
				out(f, (size_t)sgwire_encode_bye(f, &proto, &b));
				return 0;
			}
			break;
		case 5:
			u64frame(4, 0, sgwire_get_u64(buf + SGWIRE_HEADER_SIZE) * 10);
			break;
		}
	}
}
