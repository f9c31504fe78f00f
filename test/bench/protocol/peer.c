// SPDX-License-Identifier: MIT
/*
 * Round-trip latency between this C peer (playing the driver's side in user space) and a Go
 * helper over two pipes, set up as the User Mode Driver does: the helper's fd 0 reads what we
 * write, its fd 1 writes what we read. "raw" times an 8-byte ping-pong with read/write; "proto"
 * times a ping frame sent with the generated header and echoed by the generated Go Conn.
 *
 * usage: peer HELPER raw|proto ITERATIONS   -> prints ns per round trip
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include "demo.h"

static int full(int fd, void *buf, size_t n, int writing)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = writing ? write(fd, (char *)buf + done, n - done) : read(fd, (char *)buf + done, n - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		done += r;
	}
	return 0;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	int to[2], from[2], status, proto;
	long i, n, warmup = 2000;
	struct demo_reader reader;
	struct demo_msg msg;
	struct demo_ping ping;
	char word[8] = "pingpong";
	double start = 0;
	pid_t pid;

	if (argc != 4)
		return 2;
	proto = strcmp(argv[2], "proto") == 0;
	n = atol(argv[3]);
	if (pipe(to) || pipe(from))
		return 1;
	pid = fork();
	if (pid == 0) {
		dup2(to[0], 0);
		dup2(from[1], 1);
		close(to[0]); close(to[1]); close(from[0]); close(from[1]);
		setenv("SYSCALLGEN_BENCH_MODE", argv[2], 1);
		execl(argv[1], argv[1], argv[2], (char *)NULL);
		_exit(127);
	}
	close(to[0]);
	close(from[1]);
	memset(&ping, 0, sizeof(ping));
	for (i = 0; i < warmup + n; i++) {
		if (i == warmup)
			start = now_ns();
		if (proto) {
			if (demo_send_ping(to[1], (__u32)i, &ping) < 0 ||
			    demo_recv(from[0], &reader, &msg, DEMO_TO_KERNEL) != DEMO_MSG_PING || msg.seq != (__u32)i) {
				fprintf(stderr, "peer: protocol round trip %ld failed\n", i);
				return 1;
			}
		} else if (full(to[1], word, 8, 1) || full(from[0], word, 8, 0)) {
			fprintf(stderr, "peer: raw round trip %ld failed\n", i);
			return 1;
		}
	}
	printf("%.1f\n", (now_ns() - start) / n);
	close(to[1]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
