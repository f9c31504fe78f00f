/* SPDX-License-Identifier: GPL-2.0 OR MIT */
/* Copied by syscallgen from its generator/protocol/runtime/c/sgwire_helper.h; DO NOT EDIT. */
/*
 * sgwire_helper.h: what a kernel driver sees of the call runtime, sgwire_helper.c, that runs the
 * helper program it embeds (a User Mode Driver) and turns a protocol into typed calls and
 * notifications. The driver fills a struct sgwire_helper_config for <proto>_helper_create() and
 * reads a struct sgwire_helper_stats from <proto>_helper_stats(); the functions are the generated
 * <proto>_helper.c's, declared in <proto>.h. Kernel only: in user space this header is empty.
 */
#ifndef _SYSCALLGEN_SGWIRE_HELPER_H
#define _SYSCALLGEN_SGWIRE_HELPER_H

#ifdef __KERNEL__

#include <linux/types.h>

/**
 * struct sgwire_helper_config - How a driver runs its helper; given to <proto>_helper_create().
 * @name: the driver's name, 1 to 31 characters, no '/': the helper's file in the private tmpfs
 *        it runs from (so its comm), and the prefix of every line the runtime prints. Copied.
 * @blob: the first byte of the helper's ELF image, e.g. from .incbin; read only by create,
 *        which copies it (umd_load_blob()), so it may be in init memory.
 * @blob_end: the byte after its last.
 * @priv: the driver's own, for its ops: <proto>_helper_priv() returns it.
 * @log_ceiling: the most severe printk level a helper's log line prints at, LOGLEVEL_ALERT (1) to
 *               LOGLEVEL_DEBUG (7); 0 means LOGLEVEL_WARNING. A more severe line is printed at
 *               the ceiling.
 * @features: the feature bits the driver offers; the welcome carries the ones both sides have.
 * @max_calls: how many calls and notifications may be in flight at once, the slots allocated at
 *             create; 0 means 32, at most 1024.
 *
 * The struct is copied by create, so it may live on the caller's stack.
 */
struct sgwire_helper_config {
	const char *name;
	const void *blob;
	const void *blob_end;
	void *priv;
	int log_ceiling;
	u64 features;
	unsigned int max_calls;
};

/**
 * struct sgwire_helper_stats - The runtime's counters, all since create.
 * @calls: calls made (<proto>_call_*()): when none is in progress, the sum of @replies,
 *         @timeouts, @interrupted and @failed.
 * @replies: calls that returned 0, with their reply.
 * @timeouts: calls that returned -ETIMEDOUT.
 * @interrupted: calls that returned -EINTR (a fatal signal).
 * @failed: calls that returned any other error.
 * @late_replies: replies that matched no call in flight (their call had given up): dropped.
 * @notifications_sent: notifications written to the helper.
 * @notifications_received: notifications from the helper handed to the driver's ops.
 * @log_lines: well-formed log lines from the helper.
 * @log_dropped: of those, the ones not printed: over the rate limit, or more than the runtime
 *               holds while the console catches up.
 * @bad_frames: malformed frames whose header was sound: skipped, the stream still in step.
 * @bad_frames_dropped: of those, the ones not reported, over the rate limit.
 * @lost_streams: helpers that ended other than by a bye or the runtime stopping: they exited or
 *                were killed, broke their stream, or hung.
 * @hung: of those, helpers killed for a missing pong or hello.
 * @respawns: helpers started again after one ended.
 * @byes: helpers that said bye.
 * @pid: the running helper's pid, 0 when none runs.
 * @features: the feature bits agreed at the last handshake.
 */
struct sgwire_helper_stats {
	u64 calls;
	u64 replies;
	u64 timeouts;
	u64 interrupted;
	u64 failed;
	u64 late_replies;
	u64 notifications_sent;
	u64 notifications_received;
	u64 log_lines;
	u64 log_dropped;
	u64 bad_frames;
	u64 bad_frames_dropped;
	u64 lost_streams;
	u64 hung;
	u64 respawns;
	u64 byes;
	u32 pid;
	u64 features;
};

#endif /* __KERNEL__ */

#endif /* _SYSCALLGEN_SGWIRE_HELPER_H */
