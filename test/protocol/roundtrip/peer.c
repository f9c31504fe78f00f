// SPDX-License-Identifier: MIT
/*
 * The C end of the C/Go round trip, playing the driver with the user-space side of demo.h. It
 * starts the helper as the User Mode Driver does (fd 0 the read end of the pipe to it, fd 1 the
 * write end of the pipe from it), sends every to-helper frame of expected.inc, then receives every
 * to-kernel frame and checks it field by field and byte by byte, closes its pipe and checks the
 * helper exited 0. A log frame with seq 0 is the helper's own voice (Conn.Log): its verdicts on
 * the frames it received (info: passed, error: failed) are counted, everything it says printed.
 *
 * usage: peer HELPER [ARG...]   (e.g. qemu-s390x-static ./helper when binfmt_misc cannot run it)
 */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "demo.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PATH_SIZE 256
/* How long a frame may take to come: generous, since both ends may run under qemu-user. */
#define WAIT_MS 60000

struct frame {
	const char *name;
	struct demo_msg msg;
};

static int passed, failed;

/*
 * Writes a field's path into sub (PATH_SIZE bytes). Not snprintf() in the generated code: GCC
 * would warn that a path nested in a path may not fit, and a cut report line is harmless.
 */
static void __attribute__((format(printf, 2, 3))) at(char *sub, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sub, PATH_SIZE, fmt, ap);
	va_end(ap);
}
/* Differences found in the frame being checked; the check_*() helpers add to it. */
static int diffs;
static const char *where;

static void differ(const char *path, const char *got, const char *want)
{
	diffs++;
	printf("  %s: %s = %s, want %s\n", where, path, got, want);
}

static void check_uint(const char *path, unsigned long long got, unsigned long long want)
{
	char g[32], w[32];

	if (got == want)
		return;
	snprintf(g, sizeof(g), "%llu", got);
	snprintf(w, sizeof(w), "%llu", want);
	differ(path, g, w);
}

static void check_int(const char *path, long long got, long long want)
{
	char g[32], w[32];

	if (got == want)
		return;
	snprintf(g, sizeof(g), "%lld", got);
	snprintf(w, sizeof(w), "%lld", want);
	differ(path, g, w);
}

/* Shows a string member's text up to its NUL (or its end), cut short to keep reports readable. */
static void quote(char *out, size_t size, const char *t, size_t n)
{
	size_t o = 0;

	out[o++] = '"';
	for (size_t i = 0; i < n && t[i] && o + 8 < size; i++) {
		unsigned char c = (unsigned char)t[i];

		if (i == 40) {
			o += (size_t)snprintf(out + o, size - o, "...");
			break;
		}
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			o += (size_t)snprintf(out + o, size - o, "\\x%02x", c);
		else
			out[o++] = (char)c;
	}
	snprintf(out + o, size - o, "\"");
}

/* Whole arrays: the bytes after the NUL are part of the decoded value too (all zero). */
static void check_text(const char *path, const char *got, const char *want, size_t size)
{
	char g[96], w[96];

	for (size_t i = 0; i < size; i++) {
		if (got[i] == want[i])
			continue;
		quote(g, sizeof(g) - 24, got, size);
		quote(w, sizeof(w) - 24, want, size);
		snprintf(g + strlen(g), 24, " (byte %zu 0x%02x)", i, (unsigned char)got[i]);
		snprintf(w + strlen(w), 24, " (0x%02x)", (unsigned char)want[i]);
		differ(path, g, w);
		return;
	}
}

/* Whole data arrays: the bytes past the length are part of the decoded value too (all zero). */
static void check_blob(const char *path, unsigned int got_len, const __u8 *got, unsigned int want_len,
		       const __u8 *want, size_t max)
{
	char sub[PATH_SIZE + 16], g[8], w[8];

	snprintf(sub, sizeof(sub), "%s length", path);
	check_uint(sub, got_len, want_len);
	for (size_t i = 0; i < max; i++) {
		if (got[i] == want[i])
			continue;
		snprintf(sub, sizeof(sub), "%s byte %zu", path, i);
		snprintf(g, sizeof(g), "0x%02x", got[i]);
		snprintf(w, sizeof(w), "0x%02x", want[i]);
		differ(sub, g, w);
		return;
	}
}

#include "expected.inc"

static void verdict(const char *dir, const char *name, __u32 seq)
{
	if (diffs) {
		printf("FAIL %s %s: %d difference(s)\n", dir, name, diffs);
		failed++;
	} else {
		printf("ok   %s %s seq 0x%08x\n", dir, name, seq);
		passed++;
	}
}

/* Prints what the helper said, and counts its verdicts: info is a pass, error a failure. */
static void helper_says(const struct demo_log *log)
{
	printf("helper: %s\n", log->text);
	if (log->level == DEMO_LOG_LEVEL_INFO)
		passed++;
	else if (log->level <= DEMO_LOG_LEVEL_ERR)
		failed++;
}

static const char *type_name(int type)
{
	static char other[16];
	const char *name = message_name(type);

	if (name)
		return name;
	snprintf(other, sizeof(other), "type %d", type);
	return other;
}

static void check_frame(const struct demo_msg *got, int type, const struct frame *want)
{
	char g[16], w[16];

	diffs = 0;
	where = want->name;
	if (type != want->msg.type) {
		differ("type", type_name(type), type_name(want->msg.type));
	} else {
		compare_payload(got, &want->msg);
		/*
		 * Valid: demo_decode() zeroes *out and copies string and blob members whole, the payload
		 * structs have only explicit pads (the header asserts every offset and the size), and a
		 * static initializer zeroes every member it does not name.
		 */
		if (!diffs && memcmp(&got->u, &want->msg.u, payload_size(type)))
			differ("payload", "other bytes", "the same bytes (a field has no comparison)");
	}
	if (got->seq != want->msg.seq) {
		snprintf(g, sizeof(g), "0x%08x", got->seq);
		snprintf(w, sizeof(w), "0x%08x", want->msg.seq);
		differ("seq", g, w);
	}
	verdict("to-kernel", want->name, got->seq);
}

/*
 * Receives the next frame, unless none comes in WAIT_MS: a helper waiting for a frame we never
 * sent would otherwise wait for us as we wait for it, and the report would be only a timeout.
 */
static int recv_frame(int fd, struct demo_reader *r, struct demo_msg *out)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int n;

	do
		n = poll(&p, 1, WAIT_MS);
	while (n < 0 && errno == EINTR);
	if (n == 0)
		return -ETIMEDOUT;
	if (n < 0)
		return -errno;
	/* demo_decode() must write all that is compared: poisoned bytes show it if it does not. */
	memset(out, 0xa5, sizeof(*out));
	return demo_recv(fd, r, out, DEMO_TO_KERNEL);
}

static const char *recv_error(int ret)
{
	static char why[64];

	if (ret != -ETIMEDOUT)
		return strerror(-ret);
	snprintf(why, sizeof(why), "nothing came in %d s", WAIT_MS / 1000);
	return why;
}

static pid_t start_helper(char **argv, int *to, int *from)
{
	int a[2], b[2];
	pid_t pid;

	if (pipe(a) || pipe(b))
		return -1;
	pid = fork();
	if (pid == 0) {
		/* As the User Mode Driver does: the helper reads fd 0 and writes fd 1. */
		if (dup2(a[0], 0) < 0 || dup2(b[1], 1) < 0)
			_exit(126);
		close(a[0]); close(a[1]); close(b[0]); close(b[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "peer: cannot exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(a[0]);
	close(b[1]);
	*to = a[1];
	*from = b[0];
	return pid;
}

int main(int argc, char **argv)
{
	static struct demo_reader reader;
	struct demo_msg msg;
	int to, from, status, ret = 0;
	size_t next = 0;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: peer HELPER [ARG...]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* A helper gone early must show as a failed write, not kill the peer before it reports. */
	signal(SIGPIPE, SIG_IGN);
	pid = start_helper(argv + 1, &to, &from);
	if (pid < 0) {
		perror("peer: pipe or fork");
		return 1;
	}
	for (size_t i = 0; i < COUNT(to_helper); i++) {
		ret = send_frame(to, &to_helper[i].msg);
		if (ret < 0) {
			printf("FAIL to-helper %s: send: %s\n", to_helper[i].name, strerror(-ret));
			failed++;
		}
	}
	while (next < COUNT(to_kernel)) {
		ret = recv_frame(from, &reader, &msg);
		if (ret < 0) {
			printf("FAIL to-kernel %s: recv: %s\n", to_kernel[next].name, recv_error(ret));
			failed++;
			break;
		}
		if (ret == DEMO_MSG_LOG && msg.seq == 0) {
			helper_says(&msg.u.log);
			continue;
		}
		check_frame(&msg, ret, &to_kernel[next++]);
	}
	close(to);
	/* The helper exits at our end of file: what it says until then is still read and counted. */
	while (ret != -ETIMEDOUT) {
		ret = recv_frame(from, &reader, &msg);
		if (ret == -EPIPE)
			break;
		if (ret == DEMO_MSG_LOG && msg.seq == 0) {
			helper_says(&msg.u.log);
			continue;
		}
		if (ret < 0)
			printf("FAIL after the last frame: recv: %s\n", recv_error(ret));
		else
			printf("FAIL after the last frame: an extra %s seq 0x%08x\n", type_name(ret), msg.seq);
		failed++;
		if (ret < 0)
			break;
	}
	/* A helper that sent nothing for WAIT_MS is stuck, maybe waiting for a frame we did not send. */
	if (ret == -ETIMEDOUT)
		kill(pid, SIGKILL);
	close(from);
	if (waitpid(pid, &status, 0) != pid) {
		perror("peer: waitpid");
		failed++;
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFEXITED(status))
			printf("FAIL helper exited %d\n", WEXITSTATUS(status));
		else
			printf("FAIL helper killed by signal %d\n", WTERMSIG(status));
		failed++;
	}
	/* Each frame gets one verdict, ours or the helper's: a frame never checked is a failure too. */
	if (!failed && passed != (int)(COUNT(to_helper) + COUNT(to_kernel))) {
		printf("FAIL %d frames passed of %zu\n", passed, COUNT(to_helper) + COUNT(to_kernel));
		failed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
