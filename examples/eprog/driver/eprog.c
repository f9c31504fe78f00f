// SPDX-License-Identifier: GPL-2.0
/*
 * eprog: a driver that carries a Go helper program in its image and runs it as
 * a User Mode Driver, through the call runtime syscallgen generates from
 * examples/eprog/eprog.ts (eprog_helper.c): the runtime starts the helper, does
 * the handshake, pings it, restarts it when it dies or hangs, prints its log
 * lines and stops it at reboot. This file makes calls and keeps the helper's
 * status. /sys/kernel/debug/eprog: write a command to request and read the
 * answer back; stats has the runtime's counters and the last status.
 */
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "eprog.h"

/* The helper binary, from eprog_blob.S: init memory, which create copies. */
extern const u8 eprog_blob_start[], eprog_blob_end[];

/* The longest command a debugfs write takes: "read_file " and a path. */
#define EPROG_CMD_MAX	256
/* "status=S value=V data=" and 256 bytes of data, each escaped to at most 4. */
#define EPROG_LAST_MAX	(64 + 4 * sizeof_field(struct eprog_reply, data))

/* One debugfs request: together too big for a kernel stack. */
struct eprog_cmd {
	char text[EPROG_CMD_MAX];
	struct eprog_request req;
	struct eprog_reply reply;
};

static struct eprog_helper *eprog;
static struct dentry *eprog_dir;

/* Under eprog_lock: the helper's last status and their count, and the last answer. */
static DEFINE_MUTEX(eprog_lock);
static struct eprog_status eprog_last_status;
static u64 eprog_statuses;
static char eprog_last[EPROG_LAST_MAX];
static size_t eprog_last_len;

static void eprog_status(struct eprog_helper *h, const struct eprog_status *msg)
{
	mutex_lock(&eprog_lock);
	eprog_last_status = *msg;
	eprog_statuses++;
	mutex_unlock(&eprog_lock);
}

static const struct eprog_ops eprog_ops = { .status = eprog_status };

/* Parses "echo A B TEXT", "read_file PATH", "garbage" or "exit". */
static int eprog_parse(char *cmd, struct eprog_request *req)
{
	char *word = strsep(&cmd, " ");
	const char *text = "";
	char *a, *b;

	if (!strcmp(word, "echo")) {
		a = strsep(&cmd, " ");
		b = strsep(&cmd, " ");
		if (!a || !b || kstrtos64(a, 0, &req->a) || kstrtos64(b, 0, &req->b))
			return -EINVAL;
		req->op = EPROG_OP_ECHO;
		text = cmd ?: "";
	} else if (!strcmp(word, "read_file") && cmd && *cmd) {
		req->op = EPROG_OP_READ_FILE;
		text = cmd;
	} else if (!strcmp(word, "garbage") && !cmd) {
		req->op = EPROG_OP_SEND_GARBAGE;
	} else if (!strcmp(word, "exit") && !cmd) {
		req->op = EPROG_OP_EXIT;
	} else {
		return -EINVAL;
	}
	/* The wire takes at most 127 bytes: refuse rather than cut. */
	return strscpy(req->text, text, sizeof(req->text)) < 0 ? -E2BIG : 0;
}

static ssize_t eprog_request_write(struct file *file, const char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct eprog_cmd *cmd;
	int err;

	if (count >= EPROG_CMD_MAX)
		return -E2BIG;
	cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	err = copy_from_user(cmd->text, ubuf, count) ? -EFAULT : 0;
	/* echo(1) adds a newline; a TEXT keeps its inner spaces. */
	if (count && cmd->text[count - 1] == '\n')
		cmd->text[count - 1] = '\0';
	if (!err)
		err = eprog_parse(cmd->text, &cmd->req);
	if (!err) {
		err = eprog_call_request(eprog, &cmd->req, &cmd->reply);
		mutex_lock(&eprog_lock);
		/* Helper bytes: %pE escapes anything not printable, newlines too. */
		eprog_last_len = err ? scnprintf(eprog_last, EPROG_LAST_MAX, "error=%d\n", err) :
			scnprintf(eprog_last, EPROG_LAST_MAX, "status=%d value=%lld data=%*pE\n",
				  cmd->reply.status, (long long)cmd->reply.value,
				  (int)cmd->reply.data_len, cmd->reply.data);
		mutex_unlock(&eprog_lock);
	}
	kfree(cmd);
	return err ? err : count;
}

static ssize_t eprog_request_read(struct file *file, char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&eprog_lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, eprog_last, eprog_last_len);
	mutex_unlock(&eprog_lock);
	return ret;
}

static const struct file_operations eprog_request_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = eprog_request_read,
	.write = eprog_request_write,
	.llseek = default_llseek,
};

static int eprog_stats_show(struct seq_file *m, void *unused)
{
	struct sgwire_helper_stats s;
	struct eprog_status st;
	u64 n;

	eprog_helper_stats(eprog, &s);
	mutex_lock(&eprog_lock);
	st = eprog_last_status;
	n = eprog_statuses;
	mutex_unlock(&eprog_lock);
	seq_printf(m, "calls: %llu\nreplies: %llu\ntimeouts: %llu\nfailed: %llu\n",
		   s.calls, s.replies, s.timeouts, s.interrupted + s.failed);
	seq_printf(m, "late_replies: %llu\nbad_frames: %llu\nlog_lines: %llu\nlog_dropped: %llu\n",
		   s.late_replies, s.bad_frames, s.log_lines, s.log_dropped);
	seq_printf(m, "lost_streams: %llu\nhung: %llu\nrespawns: %llu\nhelper_pid: %u\n",
		   s.lost_streams, s.hung, s.respawns, s.pid);
	seq_printf(m, "statuses: %llu\nlast_status: uptime_ms=%llu requests=%llu failures=%u max_rss_kb=%llu\n",
		   n, st.uptime_ms, st.requests, st.failures, st.max_rss_kb);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(eprog_stats);

static int __init eprog_init(void)
{
	struct sgwire_helper_config cfg = {
		.name = "eprog",
		.blob = eprog_blob_start,
		.blob_end = eprog_blob_end,
		/* A helper's line prints at its own level, or at worst as a warning. */
		.log_ceiling = LOGLEVEL_WARNING,
	};

	int err;

	eprog = eprog_helper_create(&cfg, &eprog_ops);
	if (IS_ERR(eprog))
		return PTR_ERR(eprog);
	pr_info("eprog: helper of %td bytes loaded\n", eprog_blob_end - eprog_blob_start);
	/* Returns at once: the runtime forks the helper from its reader thread. */
	err = eprog_helper_start(eprog);
	if (err) {
		eprog_helper_destroy(eprog);
		return err;
	}
	/* debugfs is for testing: the driver works without it. */
	eprog_dir = debugfs_create_dir("eprog", NULL);
	debugfs_create_file("request", 0600, eprog_dir, NULL, &eprog_request_fops);
	debugfs_create_file("stats", 0400, eprog_dir, NULL, &eprog_stats_fops);
	return 0;
}
module_init(eprog_init);

static void __exit eprog_exit(void)
{
	/* Waits for the debugfs files' callers, so none calls into a destroyed runtime. */
	debugfs_remove(eprog_dir);
	eprog_helper_destroy(eprog);
}
module_exit(eprog_exit);

MODULE_DESCRIPTION("Example driver with an embedded Go helper");
MODULE_LICENSE("GPL");
