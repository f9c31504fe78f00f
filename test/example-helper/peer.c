// SPDX-License-Identifier: MIT
/*
 * Plays the eprog driver against the example's Go helper, with the user-space side of the
 * generated eprog.h. It starts the helper as the User Mode Driver does (fd 0 the read end of a
 * pipe to it, fd 1 the write end of a pipe from it) and checks, in order:
 *
 *   - "helper ready", then the handshake of the call runtime: the helper's hello (runtime
 *     version, name), our welcome; a ping, answered by a pong with its nonce;
 *   - echo round trips (100, or 10 with --short): data and a + b come back for each;
 *   - read_file of /proc/version (the bytes we read ourselves) and of paths it must refuse;
 *   - send_garbage: a status frame with a non-zero pad byte, rejected with -EBADMSG and read
 *     whole, then the call's reply, and the next request is answered;
 *   - status messages: at least two, uptime rising, counters equal to what we sent and saw;
 *   - exit: an error line, end of file, exit status 3;
 *   - a second helper: the handshake, then we close the pipe: exit status 0.
 *
 * Frames that may come at any time (log lines, status) are handled wherever they arrive. We
 * number calls from 0x1000, as the driver would with its own sequence numbers.
 *
 * usage: peer [--short] HELPER [ARG...]   (e.g. qemu-aarch64-static ./helper)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include "eprog.h"

/* How long one frame may take to come: generous, since the helper may run under qemu-user. */
#define WAIT_MS 30000

static int passed, failed;

static void __attribute__((format(printf, 2, 3))) check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf(ok ? "ok   " : "FAIL ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (ok)
		passed++;
	else
		failed++;
}

/* What the helper said and reported, gathered from every frame that may come at any time. */
static struct {
	int logs[8];		/* log lines per level */
	int ready;		/* "helper ready" seen */
	int exit_line;		/* the exit request's error line seen */
	int statuses;
	struct eprog_status last;
	int status_bad;		/* a status whose uptime went back */
} seen;

static struct eprog_reader reader;
static int to_helper, from_helper;
static pid_t helper_pid;

static const char *err_name(int ret)
{
	static char why[64];

	if (ret == -ETIMEDOUT) {
		snprintf(why, sizeof(why), "nothing came in %d s", WAIT_MS / 1000);
		return why;
	}
	return strerror(-ret);
}

static void note_log(const struct eprog_log *log)
{
	printf("helper: <%u> %s\n", log->level, log->text);
	seen.logs[log->level & 7]++;
	if (log->level == EPROG_LOG_LEVEL_INFO && !strcmp(log->text, "helper ready"))
		seen.ready++;
	if (log->level == EPROG_LOG_LEVEL_ERR && strstr(log->text, "exit"))
		seen.exit_line++;
}

static void note_status(const struct eprog_status *s)
{
	printf("status: uptime %llu ms, %llu requests, %u failures, max rss %llu KiB\n",
	       (unsigned long long)s->uptime_ms, (unsigned long long)s->requests, s->failures,
	       (unsigned long long)s->max_rss_kb);
	if (seen.statuses && s->uptime_ms <= seen.last.uptime_ms)
		seen.status_bad++;
	seen.statuses++;
	seen.last = *s;
}

/*
 * The next frame that is not a log line or a status (those are noted on the way): its type, or
 * -errno from eprog_recv(), or -ETIMEDOUT when nothing comes in WAIT_MS.
 */
static int next_frame(struct eprog_msg *out, int keep_status)
{
	for (;;) {
		struct pollfd p = { .fd = from_helper, .events = POLLIN };
		int n, type;

		do
			n = poll(&p, 1, WAIT_MS);
		while (n < 0 && errno == EINTR);
		if (n == 0)
			return -ETIMEDOUT;
		if (n < 0)
			return -errno;
		type = eprog_recv(from_helper, &reader, out, EPROG_TO_KERNEL);
		if (type == EPROG_MSG_LOG) {
			note_log(&out->u.log);
			continue;
		}
		if (type == EPROG_MSG_STATUS) {
			note_status(&out->u.status);
			if (keep_status)
				return type;
			continue;
		}
		return type;
	}
}

static int send_request(__u32 seq, __u16 op, __s64 a, __s64 b, const char *text)
{
	struct eprog_request req = { .op = op, .a = a, .b = b };
	int ret;

	strncpy(req.text, text, sizeof(req.text) - 1);
	ret = eprog_send_request(to_helper, seq, &req);
	if (ret)
		check(0, "send request seq %u op %u: %s", seq, op, strerror(-ret));
	return ret;
}

/* Sends a request and returns its reply in *out, 0, or a negative errno (already reported). */
static int round_trip(__u32 seq, __u16 op, __s64 a, __s64 b, const char *text, struct eprog_msg *out)
{
	int type;

	if (send_request(seq, op, a, b, text))
		return -EIO;
	type = next_frame(out, 0);
	if (type != EPROG_MSG_REPLY) {
		check(0, "reply to seq %u: got %s", seq, type < 0 ? err_name(type) : "another message");
		return type < 0 ? type : -EBADMSG;
	}
	if (out->seq != seq) {
		check(0, "reply to seq %u has seq %u", seq, out->seq);
		return -EBADMSG;
	}
	return 0;
}

static pid_t start_helper(char **argv)
{
	int a[2], b[2];
	pid_t pid;

	if (pipe2(a, O_CLOEXEC) || pipe2(b, O_CLOEXEC))
		return -1;
	pid = fork();
	if (pid == 0) {
		/* As the User Mode Driver does: the helper reads fd 0 and writes fd 1, and no fd 2. */
		if (dup2(a[0], 0) < 0 || dup2(b[1], 1) < 0)
			_exit(126);
		close(2);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(a[0]);
	close(b[1]);
	to_helper = a[1];
	from_helper = b[0];
	return pid;
}

/* Waits for the helper; its exit status, or -1 (reported) if it was killed or did not stop. */
static int reap(void)
{
	int status;

	for (int i = 0; i < WAIT_MS / 10; i++) {
		pid_t w = waitpid(helper_pid, &status, WNOHANG);

		if (w == helper_pid) {
			if (WIFEXITED(status))
				return WEXITSTATUS(status);
			check(0, "helper killed by signal %d", WTERMSIG(status));
			return -1;
		}
		usleep(10000);
	}
	check(0, "helper still running %d s after end of file", WAIT_MS / 1000);
	kill(helper_pid, SIGKILL);
	waitpid(helper_pid, &status, 0);
	return -1;
}

/* Writes a control frame of the runtime's: welcome or ping. */
static int send_control(__u8 *frame, int size, const char *what)
{
	int ret = sgwire_write_frame(to_helper, frame, (size_t)size);

	if (ret)
		check(0, "send %s: %s", what, strerror(-ret));
	return ret;
}

/* The helper's hello (a control frame: eprog_decode() leaves its payload in the reader). */
static int handshake(void)
{
	struct sgwire_welcome welcome = { .features = 0, .interval_ms = 1000 };
	__u8 frame[SGWIRE_HEADER_SIZE + SGWIRE_WELCOME_SIZE];
	struct sgwire_hello hello;
	struct eprog_msg m;
	int type;

	type = next_frame(&m, 0);
	if (type != SGWIRE_MSG_HELLO || sgwire_get_hello(reader.buf + SGWIRE_HEADER_SIZE, &hello)) {
		check(0, "helper's hello: got %s", type < 0 ? err_name(type) : "another message");
		return -1;
	}
	check(hello.version == SGWIRE_RUNTIME_VERSION && hello.pid > 0 && hello.features == 0 &&
	      !strcmp(hello.name, "eprog-helper"),
	      "helper's hello: runtime version %u, features %#llx, name \"%s\"", hello.version,
	      (unsigned long long)hello.features, hello.name);
	return send_control(frame, sgwire_encode_welcome(frame, eprog_protocol(), &welcome), "welcome");
}

/* The driver's heartbeat: a ping, which the helper answers with its nonce. */
static void ping(void)
{
	struct sgwire_ping ping = { .nonce = 0x1234567890abcdefULL }, pong = { 0 };
	__u8 frame[SGWIRE_HEADER_SIZE + SGWIRE_PING_SIZE];
	struct eprog_msg m;
	int type;

	if (send_control(frame, sgwire_encode_ping(frame, eprog_protocol(), &ping), "ping"))
		return;
	type = next_frame(&m, 0);
	if (type == SGWIRE_MSG_PONG)
		sgwire_get_ping(reader.buf + SGWIRE_HEADER_SIZE, &pong);
	check(type == SGWIRE_MSG_PONG && pong.nonce == ping.nonce, "pong with the ping's nonce (%s)",
	      type < 0 ? err_name(type) : type == SGWIRE_MSG_PONG ? "a pong" : "another frame");
}

static void echo_trips(__u32 *seq, int count)
{
	struct eprog_msg m;
	char text[128];
	int good = 0;

	for (int i = 0; i < count; i++) {
		size_t len = (size_t)(i * 37) % 128;
		__s64 a = (__s64)i * 1000003 - 0x7000000000000000LL, b = -((__s64)i << 40);

		/* Every non-NUL byte value turns up; lengths 0 to 127. */
		for (size_t k = 0; k < len; k++)
			text[k] = (char)(1 + (i * 131 + k * 7) % 255);
		text[len] = 0;
		if (round_trip(++*seq, EPROG_OP_ECHO, a, b, text, &m))
			break;
		if (m.u.reply.status == 0 && m.u.reply.value == a + b && m.u.reply.data_len == len &&
		    !memcmp(m.u.reply.data, text, len))
			good++;
		else
			check(0, "echo %d: status %d, value %lld (want %lld), %u bytes (want %zu)", i,
			      m.u.reply.status, (long long)m.u.reply.value, (long long)(a + b),
			      m.u.reply.data_len, len);
	}
	check(good == count, "%d of %d echo round trips: data and a + b back", good, count);
}

/* Returns the number of requests answered with an error status. */
static int read_files(__u32 *seq)
{
	static const struct {
		const char *path;
		int errs[3];	/* acceptable negative statuses */
	} refused[] = {
		{ "/etc/passwd", { -EACCES } },
		/* openat2's RESOLVE_BENEATH: EXDEV; its fallback's procfs/sysfs check: EACCES. */
		{ "/proc/../etc/passwd", { -EXDEV, -EACCES } },
		/* openat2's RESOLVE_NO_MAGICLINKS: ELOOP; its fallback's procfs/sysfs check: EACCES. */
		{ "/proc/self/root/etc/passwd", { -ELOOP, -EXDEV, -EACCES } },
		{ "/proc/no-such-file", { -ENOENT } },
		{ "/sys", { -EACCES } },
	};
	struct eprog_msg m;
	char want[256];
	ssize_t n;
	int fd, fails = 0;

	fd = open("/proc/version", O_RDONLY);
	n = fd < 0 ? -1 : read(fd, want, sizeof(want));
	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		check(0, "read /proc/version ourselves");
		return 0;
	}
	if (!round_trip(++*seq, EPROG_OP_READ_FILE, 0, 0, "/proc/version", &m))
		check(m.u.reply.status == 0 && m.u.reply.data_len == n && !memcmp(m.u.reply.data, want, (size_t)n),
		      "read_file /proc/version: status %d, %u bytes: %.*s", m.u.reply.status,
		      m.u.reply.data_len, (int)strcspn((char *)m.u.reply.data, "\n"), (char *)m.u.reply.data);
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		int s, ok;

		if (round_trip(++*seq, EPROG_OP_READ_FILE, 0, 0, refused[i].path, &m))
			continue;
		s = m.u.reply.status;
		ok = m.u.reply.data_len == 0 && s < 0 &&
		     (s == refused[i].errs[0] || s == refused[i].errs[1] || s == refused[i].errs[2]);
		check(ok, "read_file %s refused: status %d (%s)", refused[i].path, s, strerror(-s));
		fails += s != 0;
	}
	return fails;
}

static void garbage(__u32 *seq)
{
	struct eprog_msg m;
	int type;

	if (send_request(++*seq, EPROG_OP_SEND_GARBAGE, 0, 0, ""))
		return;
	type = next_frame(&m, 0);
	check(type == -EBADMSG, "send_garbage: the malformed status is rejected: %s",
	      type < 0 ? err_name(type) : "a valid frame came");
	type = next_frame(&m, 0);
	check(type == EPROG_MSG_REPLY && m.seq == *seq && m.u.reply.status == 0,
	      "send_garbage: then its reply (%s)", type < 0 ? err_name(type) : "a frame");
	if (!round_trip(++*seq, EPROG_OP_ECHO, 40, 2, "after the garbage", &m))
		check(m.u.reply.status == 0 && m.u.reply.value == 42 && m.u.reply.data_len == 17 &&
		      !memcmp(m.u.reply.data, "after the garbage", 17),
		      "the request after send_garbage is answered (seq %u)", m.seq);
}

static void statuses(int requests, int fails)
{
	struct eprog_msg m;
	int type, before = seen.statuses;

	/* Each of our requests is answered before the next: the next status counts them all. */
	while (seen.statuses < before + 1 || seen.statuses < 2) {
		type = next_frame(&m, 1);
		if (type != EPROG_MSG_STATUS) {
			check(0, "status messages: got %s", type < 0 ? err_name(type) : "another message");
			return;
		}
	}
	check(!seen.status_bad, "%d status messages, uptime rising", seen.statuses);
	check(seen.last.requests == (__u64)requests && seen.last.failures == (__u32)fails,
	      "status counts %llu requests (want %d), %u failures (want %d)",
	      (unsigned long long)seen.last.requests, requests, seen.last.failures, fails);
	check(seen.last.max_rss_kb > 100 && seen.last.max_rss_kb < 256 * 1024,
	      "status max_rss_kb %llu is plausible", (unsigned long long)seen.last.max_rss_kb);
}

static void exit_request(__u32 *seq)
{
	struct eprog_msg m;
	int type, code;

	if (send_request(++*seq, EPROG_OP_EXIT, 0, 0, ""))
		return;
	type = next_frame(&m, 0);
	check(type == -EPIPE && seen.exit_line == 1, "exit: an error line, then end of file (%s)",
	      type < 0 ? err_name(type) : "a frame came");
	code = reap();
	check(code == 3, "exit: helper exited %d, want 3", code);
}

int main(int argc, char **argv)
{
	int count = 100, requests, fails, code;
	__u32 seq = 0x1000;

	if (argc > 1 && !strcmp(argv[1], "--short")) {
		count = 10;
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: peer [--short] HELPER [ARG...]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);

	helper_pid = start_helper(argv + 1);
	if (helper_pid < 0 || handshake())
		goto out;
	check(seen.ready == 1, "\"helper ready\" logged at info level before the hello");
	ping();
	echo_trips(&seq, count);
	fails = read_files(&seq);
	garbage(&seq);
	requests = (int)(seq - 0x1000);
	statuses(requests, fails);
	check(seen.logs[EPROG_LOG_LEVEL_WARNING] == 0 && seen.logs[EPROG_LOG_LEVEL_ERR] == 0,
	      "no warning or error lines before the exit");
	exit_request(&seq);
	close(to_helper);
	close(from_helper);

	/* A second helper: the driver closing the pipe is a clean exit. */
	memset(&seen, 0, sizeof(seen));
	helper_pid = start_helper(argv + 1);
	if (helper_pid < 0 || handshake())
		goto out;
	close(to_helper);
	while (next_frame(&(struct eprog_msg){ 0 }, 0) >= 0)
		;
	code = reap();
	check(code == 0 && seen.ready == 1, "end of file from the driver: helper ready, then exit %d", code);
out:
	printf("%d passed, %d failed\n", passed, failed);
	return failed || !passed ? 1 : 0;
}
