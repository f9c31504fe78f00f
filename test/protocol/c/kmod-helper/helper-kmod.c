// SPDX-License-Identifier: GPL-2.0
/*
 * The call runtime, sgwire_helper.c, built by Kbuild as a driver builds it: included by one file
 * that describes its protocol in a struct sgwire_helper_desc, as a generated <proto>_helper.c
 * does. The protocol is a tiny one written out here by hand (an add call, and a notification each
 * way), so this test depends on no generated code. It is built, never loaded (its blob is no
 * program): gcc with W=1 and -Wframe-larger-than=512, with and without KASAN's stack
 * instrumentation, and sparse must find nothing in it.
 */
#include <linux/module.h>

/*
 * Kernels before 5.18 build with -std=gnu89: the runtime may declare nothing after a statement.
 * 6.12's own headers do, so they come first: runtime-includes.h, which the test writes, has the
 * kernel includes of sgwire_helper.c. Only the runtime is compiled with the warning an error.
 */
#include "runtime-includes.h"
#include "sgwire.h"
#include "sgwire_helper.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wdeclaration-after-statement"
#include "sgwire_helper.c"
#pragma GCC diagnostic pop

#define KMOD_MSG_ADD		2	/* to the helper: a, b (u64 each) */
#define KMOD_MSG_SUM		3	/* to the kernel: the sum (u64) */
#define KMOD_MSG_EVENT		4	/* to the kernel: a counter (u64) */
#define KMOD_MSG_CONFIG		5	/* to the helper: a value (u64) */

static const struct sgwire_type kmod_types[] = {
	{ SGWIRE_MSG_LOG, SGWIRE_TO_KERNEL, SGWIRE_LOG_SIZE },
	{ KMOD_MSG_ADD, SGWIRE_TO_HELPER, 16 },
	{ KMOD_MSG_SUM, SGWIRE_TO_KERNEL, 8 },
	{ KMOD_MSG_EVENT, SGWIRE_TO_KERNEL, 8 },
	{ KMOD_MSG_CONFIG, SGWIRE_TO_HELPER, 8 },
};

static const struct sgwire_protocol kmod_protocol = {
	.magic = 0x4b4d4f44,
	.version = 1,
	.ntypes = ARRAY_SIZE(kmod_types),
	.types = kmod_types,
};

struct kmod_add {
	u64 a;
	u64 b;
};

/**
 * struct kmod_helper - The runtime and what the driver keeps beside it.
 * @rt: the runtime, first.
 * @events: the events the helper sent.
 * @last: the last event's counter.
 */
struct kmod_helper {
	struct sgwire_helper rt;
	atomic64_t events;
	u64 last;
};

static int kmod_encode_add(u8 *payload, const void *msg)
{
	const struct kmod_add *m = msg;

	sgwire_put_u64(payload, m->a);
	sgwire_put_u64(payload + 8, m->b);
	return 0;
}

static int kmod_encode_u64(u8 *payload, const void *msg)
{
	sgwire_put_u64(payload, *(const u64 *)msg);
	return 0;
}

static int kmod_decode_u64(const u8 *payload, void *msg)
{
	*(u64 *)msg = sgwire_get_u64(payload);
	return 0;
}

static int kmod_dispatch(struct sgwire_helper *rt, u16 type, const u8 *payload)
{
	struct kmod_helper *h = container_of(rt, struct kmod_helper, rt);

	if (type != KMOD_MSG_EVENT)
		return -EBADMSG;
	h->last = sgwire_get_u64(payload);
	atomic64_inc(&h->events);
	return 0;
}

static const struct sgwire_helper_desc kmod_desc = {
	.proto = &kmod_protocol,
	.liveness_interval_ms = 1000,
	.liveness_timeout_ms = 5000,
	.max_request = 16,
	.dispatch = kmod_dispatch,
};

static struct kmod_helper *kmod;
static const u8 kmod_blob[] = { 0x7f, 'E', 'L', 'F' };

/* One call and one notification, as a driver's own interface would make them. */
static noinline int kmod_traffic(struct sgwire_helper *rt)
{
	struct kmod_add add = { .a = 1, .b = 2 };
	u64 sum = 0, config = 7;
	int err;

	err = sgwire_helper_call(rt, KMOD_MSG_ADD, kmod_encode_add, &add, KMOD_MSG_SUM,
				 kmod_decode_u64, &sum, 100);
	if (!err)
		err = sgwire_helper_notify(rt, KMOD_MSG_CONFIG, kmod_encode_u64, &config);
	return err;
}

static noinline void kmod_show(struct sgwire_helper *rt)
{
	struct sgwire_helper_stats stats;

	sgwire_helper_get_stats(rt, &stats);
	pr_info("kmod: calls %llu, replies %llu, priv %p\n", stats.calls, stats.replies,
		sgwire_helper_priv(rt));
}

static int __init kmod_init(void)
{
	struct sgwire_helper_config cfg = {
		.name = "kmod_helper",
		.blob = kmod_blob,
		.blob_end = kmod_blob + sizeof(kmod_blob),
		.log_ceiling = LOGLEVEL_NOTICE,
		.max_calls = 8,
	};
	struct sgwire_helper *rt;
	int err;

	rt = sgwire_helper_create(&kmod_desc, &cfg, sizeof(*kmod));
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	kmod = container_of(rt, struct kmod_helper, rt);
	err = sgwire_helper_start(rt);
	if (!err)
		err = kmod_traffic(rt);
	kmod_show(rt);
	return 0;
}

static void __exit kmod_exit(void)
{
	sgwire_helper_destroy(&kmod->rt);
}

module_init(kmod_init);
module_exit(kmod_exit);
MODULE_DESCRIPTION("Build test of the syscallgen call runtime");
MODULE_LICENSE("GPL");
