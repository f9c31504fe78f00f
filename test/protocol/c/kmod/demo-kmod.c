// SPDX-License-Identifier: GPL-2.0
/*
 * Builds demo.h as a driver would use it, so the kernel half of the header and of the runtime it
 * includes, sgwire.h (kernel_read and kernel_write, the unaligned accessors, printk,
 * static_assert from build_bug.h), is compiled by Kbuild with the kernel's own warnings.
 * sgwire.h comes first, to show it needs nothing before it. Never loaded: each API is only
 * referenced.
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
		if (ret >= 0)
			ret = 0;
	}
	/* What a driver asks of a frame that demo_recv() refused: was its header sound? */
	if (ret == -EBADMSG && sgwire_check_header(demo_protocol(), r->buf, DEMO_TO_KERNEL) >= 0) {
		struct sgwire_header h;

		sgwire_get_header(r->buf, &h);
		pr_warn("malformed frame %u, stream in step\n", h.seq);
	}
out:
	kfree(msg);
	kfree(r);
	return ret == -EPIPE ? 0 : ret;
}
EXPORT_SYMBOL_GPL(demo_kmod_serve);

MODULE_DESCRIPTION("Build test of a syscallgen protocol header");
MODULE_LICENSE("GPL");
