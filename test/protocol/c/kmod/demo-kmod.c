// SPDX-License-Identifier: GPL-2.0
/*
 * Builds demo.h as a driver would use it, so the kernel half of the header and of the runtime it
 * includes, sgwire.h (kernel_read and kernel_write, the unaligned accessors, printk,
 * static_assert from build_bug.h), is compiled by Kbuild with the kernel's own warnings, and with
 * it the call runtime's kernel API, which the module's other object, the generated demo_helper.c,
 * defines over sgwire_helper.c. sgwire.h comes first, to show it needs nothing before it. Never
 * loaded: each API is only referenced.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/slab.h>
#include "sgwire.h"
#include "demo.h"

/* Called from the module's reader thread in a real driver; here only so it is built. */
int demo_kmod_serve(struct file *to_umh, struct file *from_umh);
int demo_kmod_serve(struct file *to_umh, struct file *from_umh)
{
	struct demo_reader *r = kmalloc(sizeof(*r), GFP_KERNEL);
	struct demo_msg *msg = kmalloc(sizeof(*msg), GFP_KERNEL);
	struct demo_request req = { .kind = DEMO_KIND_ECHO, .path = "/" };
	struct demo_hello hello = { .features = 1, .name = "kmod" };
	struct demo_ping ping = {};
	int ret;

	if (!r || !msg) {
		ret = -ENOMEM;
		goto out;
	}
	ret = demo_send_hello(to_umh, 1, &hello);
	if (!ret)
		ret = demo_send_request(to_umh, 2, &req);
	if (!ret)
		ret = demo_send_ping(to_umh, 3, &ping);
	while (!ret) {
		ret = demo_recv(from_umh, r, msg);
		if (ret == DEMO_MSG_LOG)
			demo_printk_log(&msg->u.log);
		/* A malformed frame was skipped whole: the stream is in step. */
		if (ret == -EBADMSG) {
			struct sgwire_header h;

			sgwire_get_header(r->buf, &h);
			pr_warn_ratelimited("malformed frame %u skipped\n", h.seq);
		}
		if (ret >= 0 || ret == -EBADMSG)
			ret = 0;
	}
out:
	kfree(msg);
	kfree(r);
	return ret == -EPIPE ? 0 : ret;
}
EXPORT_SYMBOL_GPL(demo_kmod_serve);

/* A notification from the helper, on the runtime's reader thread. */
static void demo_kmod_report(struct demo_helper *h, const struct demo_report *msg)
{
	const char *tag = demo_helper_priv(h);

	pr_info("%s: helper up %llu ns\n", tag, (unsigned long long)msg->uptime_ns);
}

static const struct demo_ops demo_kmod_ops = {
	.report = demo_kmod_report,
};

/* What a driver does with the call runtime: create, start, a call, a notification, destroy. */
int demo_kmod_run(const void *blob, const void *blob_end);
int demo_kmod_run(const void *blob, const void *blob_end)
{
	struct sgwire_helper_config cfg = {
		.name = "demo-kmod", .blob = blob, .blob_end = blob_end, .priv = "kmod",
	};
	struct demo_request req = { .kind = DEMO_KIND_SUM, .values = { 1, 2 } };
	struct demo_reply *reply = kzalloc(sizeof(*reply), GFP_KERNEL);
	struct sgwire_helper_stats stats;
	struct demo_ping ping = {};
	struct demo_helper *h;
	int ret;

	if (!reply)
		return -ENOMEM;
	h = demo_helper_create(&cfg, &demo_kmod_ops);
	if (IS_ERR(h)) {
		kfree(reply);
		return PTR_ERR(h);
	}
	ret = demo_helper_start(h);
	if (!ret)
		ret = demo_call_query(h, &req, reply);
	if (!ret)
		ret = demo_notify_ping(h, &ping);
	demo_helper_stats(h, &stats);
	pr_info("%llu calls, %llu replies\n", stats.calls, stats.replies);
	demo_helper_destroy(h);
	kfree(reply);
	return ret;
}
EXPORT_SYMBOL_GPL(demo_kmod_run);

MODULE_DESCRIPTION("Build test of a syscallgen protocol header");
MODULE_LICENSE("GPL");
