// SPDX-License-Identifier: GPL-2.0
/*
 * A smoke test of the call runtime, sgwire_helper.c, in a booted kernel: a module that embeds
 * peer.c as its helper and, at insmod, starts it and makes calls from kernel threads, checking
 * every sum, then prints the runtime's counters and its own tally of results ("SMOKE ..." lines);
 * rmmod destroys the runtime. The runtime's own messages show the rest (see the top of
 * sgwire_helper.c). Built against a kernel build with CONFIG_MODULES and CONFIG_USERMODE_DRIVER
 * (which only something built in can select):
 *
 *   gcc -static -O2 -I <dir of sgwire.h> peer.c -o peer
 *   make -C <kernel build> M=<dir with this, Kbuild, smoke-blob.S and the runtime> \
 *        SMOKE_PEER=<dir>/peer modules
 *
 * and in the booted kernel, for each mode of peer.c:
 *
 *   echo hang > /mode; insmod smoke.ko mode=hang threads=2 calls=3 timeout_ms=300; sleep 6; rmmod smoke
 *
 * Parameters: threads and calls (8 x 1000), timeout_ms of each call, notifies (notifications sent
 * first, to fill a pipe nobody reads), interrupt (SIGKILL the callers after that many ms: some
 * calls return -EINTR, their late replies are dropped), background (return from insmod while the
 * callers go on, to reboot under them), wait_ms (before the final counters).
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include "sgwire_helper.c"

static char *mode = "normal";
module_param(mode, charp, 0444);
static int threads = 8;
module_param(threads, int, 0444);
static int calls = 1000;
module_param(calls, int, 0444);
static int timeout_ms = 2000;
module_param(timeout_ms, int, 0444);
static int wait_ms;
module_param(wait_ms, int, 0444);
static int interrupt;
module_param(interrupt, int, 0444);
static int notifies;
module_param(notifies, int, 0444);
static int background;
module_param(background, int, 0444);

extern const u8 smoke_blob_start[], smoke_blob_end[];

static const struct sgwire_type smoke_types[] = {
	{ SGWIRE_MSG_LOG, SGWIRE_TO_KERNEL, SGWIRE_LOG_SIZE },
	{ 2, SGWIRE_TO_HELPER, 16 },
	{ 3, SGWIRE_TO_KERNEL, 8 },
	{ 4, SGWIRE_TO_KERNEL, 8 },
	{ 5, SGWIRE_TO_HELPER, 8 },
};
static const struct sgwire_protocol smoke_protocol = { 0x4b4d4f44, 1, 5, smoke_types };

struct smoke_add { u64 a, b; };

static int enc_add(u8 *p, const void *msg)
{
	const struct smoke_add *m = msg;

	sgwire_put_u64(p, m->a);
	sgwire_put_u64(p + 8, m->b);
	return 0;
}

static int enc_u64(u8 *p, const void *msg)
{
	sgwire_put_u64(p, *(const u64 *)msg);
	return 0;
}

static int dec_u64(const u8 *p, void *msg)
{
	*(u64 *)msg = sgwire_get_u64(p);
	return 0;
}

static atomic64_t events, last_event;

static int smoke_dispatch(struct sgwire_helper *h, u16 type, const u8 *p)
{
	if (type != 4)
		return -EBADMSG;
	atomic64_inc(&events);
	atomic64_set(&last_event, sgwire_get_u64(p));
	return 0;
}

static const struct sgwire_helper_desc smoke_desc = {
	.proto = &smoke_protocol,
	.liveness_interval_ms = 1000,
	.liveness_timeout_ms = 3000,
	.max_request = 16,
	.dispatch = smoke_dispatch,
};

static struct sgwire_helper *rt;
static atomic_t results[8];	/* 0 ok, 1 ETIMEDOUT, 2 EINTR, 3 ECONNRESET, 4 ESHUTDOWN, 5 EAGAIN, 6 EBADMSG, 7 other */
static atomic_t wrong;
static atomic_t running;
static DECLARE_WAIT_QUEUE_HEAD(done_wq);

static int slot_of(int err)
{
	switch (err) {
	case 0: return 0;
	case -ETIMEDOUT: return 1;
	case -EINTR: return 2;
	case -ECONNRESET: return 3;
	case -ESHUTDOWN: return 4;
	case -EAGAIN: return 5;
	case -EBADMSG: return 6;
	}
	return 7;
}

static int smoke_thread(void *data)
{
	long id = (long)data;
	int i;

	if (interrupt)
		allow_signal(SIGKILL);
	for (i = 0; i < calls; i++) {
		struct smoke_add add = { .a = id * 100000 + i, .b = i };
		u64 sum = 0;
		int err = sgwire_helper_call(rt, 2, enc_add, &add, 3, dec_u64, &sum, timeout_ms);

		if (!err && sum != add.a + add.b)
			atomic_inc(&wrong);
		atomic_inc(&results[slot_of(err)]);
		if (err == -EINTR)
			break;
	}
	if (background)
		pr_info("SMOKE thread %ld ended after %d calls: ok %d eshutdown %d econnreset %d etimedout %d\n",
			id, i, atomic_read(&results[0]), atomic_read(&results[4]),
			atomic_read(&results[3]), atomic_read(&results[1]));
	if (atomic_dec_and_test(&running))
		wake_up(&done_wq);
	return 0;
}

static void show(const char *when)
{
	struct sgwire_helper_stats s;

	sgwire_helper_get_stats(rt, &s);
	pr_info("SMOKE %s: calls %llu replies %llu timeouts %llu interrupted %llu failed %llu late %llu nsent %llu nrecv %llu log %llu logdrop %llu bad %llu baddrop %llu lost %llu hung %llu respawns %llu byes %llu pid %u features %llx\n",
		when, s.calls, s.replies, s.timeouts, s.interrupted, s.failed, s.late_replies,
		s.notifications_sent, s.notifications_received, s.log_lines, s.log_dropped,
		s.bad_frames, s.bad_frames_dropped, s.lost_streams, s.hung, s.respawns, s.byes,
		s.pid, s.features);
	pr_info("SMOKE %s: ok %d etimedout %d eintr %d econnreset %d eshutdown %d eagain %d ebadmsg %d other %d wrong %d events %lld last %lld\n",
		when, atomic_read(&results[0]), atomic_read(&results[1]), atomic_read(&results[2]),
		atomic_read(&results[3]), atomic_read(&results[4]), atomic_read(&results[5]),
		atomic_read(&results[6]), atomic_read(&results[7]), atomic_read(&wrong),
		atomic64_read(&events), atomic64_read(&last_event));
}

static int __init smoke_init(void)
{
	struct sgwire_helper_config cfg = {
		.name = "smoke",
		.blob = smoke_blob_start,
		.blob_end = smoke_blob_end,
		.features = 0x5,
		.max_calls = 16,
	};
	struct task_struct *t[16];
	u64 config = 7;
	long i;
	int err;

	rt = sgwire_helper_create(&smoke_desc, &cfg, 0);
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	err = sgwire_helper_start(rt);
	pr_info("SMOKE mode %s start %d\n", mode, err);
	for (i = 0; i < notifies; i++) {
		err = sgwire_helper_notify(rt, 5, enc_u64, &config);
		if (err) {
			pr_info("SMOKE notify %ld: %d\n", i, err);
			break;
		}
	}
	atomic_set(&running, threads);
	for (i = 0; i < threads && i < 16; i++)
		t[i] = kthread_run(smoke_thread, (void *)i, "smoke%ld", i);
	if (interrupt) {
		msleep(interrupt);
		for (i = 0; i < threads; i++)
			send_sig(SIGKILL, t[i], 1);
	}
	if (background)
		return 0;
	wait_event(done_wq, !atomic_read(&running));
	err = sgwire_helper_notify(rt, 5, enc_u64, &config);
	pr_info("SMOKE notify %d\n", err);
	show("calls done");
	if (wait_ms)
		msleep(wait_ms);
	show("end");
	return 0;
}

static void __exit smoke_exit(void)
{
	sgwire_helper_destroy(rt);
	pr_info("SMOKE destroyed\n");
}

module_init(smoke_init);
module_exit(smoke_exit);
MODULE_DESCRIPTION("Smoke test of the syscallgen call runtime");
MODULE_LICENSE("GPL");
