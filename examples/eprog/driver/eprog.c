// SPDX-License-Identifier: GPL-2.0
/*
 * eprog: a built-in driver that carries a Go helper program in the kernel image,
 * runs it as a User Mode Driver and talks to it over the UMD pipes with the
 * framed protocol that syscallgen generates from examples/eprog/eprog.ts.
 *
 * Life of a helper:
 *
 *  - At boot, the initcall copies the helper from the image into a private
 *    tmpfs (umd_load_blob()) and queues the start work. Each start forks the
 *    helper from that tmpfs, starts a reader kthread and waits for the
 *    handshake: the helper sends hello, the reader checks its version and
 *    answers with the driver's hello. Requests are sent only after that.
 *  - The reader decodes every frame the helper writes. Log messages are
 *    printed at their printk level, status messages recorded, replies handed
 *    to the request waiting for their sequence number. A malformed frame is
 *    counted and logged; if its header was sound the stream is still in step
 *    and the reader carries on. The end of the pipe (the helper died), another
 *    protocol version or a stream out of step fails the requests in flight
 *    and queues the start work, which reaps the old helper and forks a new
 *    one. The reader never does that itself: reaping means stopping the
 *    reader.
 *  - Teardown (on respawn and on reboot) goes in the one order that cannot
 *    hang: SIGKILL the helper, wait for its thread group to exit, stop the
 *    reader (which has seen the end of the pipe by then, or is woken by a
 *    signal if something else still holds the pipe open), release the pipes,
 *    and on reboot unload the blob. Stopping the reader first would wait for
 *    a frame the helper may never write.
 *
 * /sys/kernel/debug/eprog has request (write a command, read the last reply),
 * kill (SIGKILL the helper, to exercise the respawn) and stats.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/file.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/reboot.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/usermode_driver.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "eprog.h"

/* The helper's name: its file in the UMD tmpfs, hence its comm. */
#define EPROG_HELPER_NAME	"eprog_helper"

/* A Go runtime starting under TCG emulation takes a while; be generous. */
#define EPROG_HANDSHAKE_TIMEOUT	(30 * HZ)
/* How long a request waits for the helper to be up, then for its reply. */
#define EPROG_UP_TIMEOUT	(30 * HZ)
#define EPROG_REPLY_TIMEOUT	(10 * HZ)
/*
 * SIGKILL ends every interruptible or killable sleep, so the helper exits
 * promptly; the bound only keeps a helper stuck in an uninterruptible sleep
 * from holding up a reboot for ever.
 */
#define EPROG_EXIT_TIMEOUT	(10 * HZ)
/* Respawn at once, then back off while helpers keep dying young. */
#define EPROG_BACKOFF_MIN	(HZ / 2)
#define EPROG_BACKOFF_MAX	(30 * HZ)
#define EPROG_HEALTHY_UPTIME	(60 * HZ)

/* What the driver tells the helper it supports: nothing optional yet. */
#define EPROG_FEATURES		0

/* The longest command a debugfs write takes: "read_file " and a path. */
#define EPROG_CMD_MAX		256
/* "status=S value=V data=" and 256 bytes of data, each escaped to at most 4. */
#define EPROG_LAST_MAX		(64 + 4 * sizeof_field(struct eprog_reply, data))

/* The helper binary, from eprog_blob.S; in init memory, see there. */
extern const u8 eprog_blob_start[];
extern const u8 eprog_blob_end[];

/**
 * struct eprog_call - One request, from the debugfs write to its reply.
 * @ref: the caller and the send work each hold one.
 * @node: on eprog.pending while a reply may still come; under eprog.lock.
 * @send_work: writes the frame, see eprog_send_work().
 * @done: completed when @node leaves eprog.pending with an answer in @err.
 * @to_umh: the pipe the request goes to, a reference of the send work's own.
 * @seq: the frame's sequence number, unique among requests in flight.
 * @err: 0 with @reply filled, or why there is no reply.
 * @req: the request.
 * @reply: the reply.
 */
struct eprog_call {
	struct kref ref;
	struct list_head node;
	struct work_struct send_work;
	struct completion done;
	struct file *to_umh;
	u32 seq;
	int err;
	struct eprog_request req;
	struct eprog_reply reply;
};

/**
 * struct eprog_stats - Counters shown in debugfs stats; under eprog.lock.
 * @requests: requests sent.
 * @replies: replies matched to a request.
 * @stray: replies matching no request in flight (late, after a timeout).
 * @failed: requests that ended without a reply.
 * @badmsg: malformed frames from the helper.
 * @respawns: helpers started again after one died.
 * @statuses: status messages received.
 */
struct eprog_stats {
	u64 requests;
	u64 replies;
	u64 stray;
	u64 failed;
	u64 badmsg;
	u64 respawns;
	u64 statuses;
};

static struct {
	/*
	 * Helper lifecycle: @info's pipes and tgid, @reader, @task, @born.
	 * Held by the start work, teardown and debugfs kill, never by the
	 * reader, since teardown waits for the reader to stop.
	 */
	struct mutex life;
	struct umd_info info;
	bool blob_loaded;
	struct task_struct *reader;
	struct task_struct *task;
	unsigned long born;
	unsigned long backoff;
	struct workqueue_struct *wq;
	struct delayed_work start_work;
	struct completion handshake;

	/* State the reader, senders and debugfs share. */
	spinlock_t lock;
	bool up;		/* handshake done: requests may be sent */
	bool stopping;		/* teardown began: the end of the pipe is expected */
	bool shutdown;		/* rebooting: nothing starts again */
	int lost;		/* why the reader gave up on the helper, or 0 */
	struct file *to_umh;	/* info.pipe_to_umh while up */
	pid_t pid;
	u32 next_seq;
	struct list_head pending;
	struct eprog_stats stats;
	struct eprog_status status;
	bool have_status;
	wait_queue_head_t up_wait;

	/* The reader's frame and message: too big for a kthread stack. */
	struct eprog_reader rbuf;
	struct eprog_msg rmsg;

	/* The last answer, as debugfs request reads it back. */
	struct mutex last_lock;
	char last[EPROG_LAST_MAX];
	size_t last_len;
} eprog = {
	.life = __MUTEX_INITIALIZER(eprog.life),
	.info = { .driver_name = EPROG_HELPER_NAME },
	.lock = __SPIN_LOCK_UNLOCKED(eprog.lock),
	.pending = LIST_HEAD_INIT(eprog.pending),
	.up_wait = __WAIT_QUEUE_HEAD_INITIALIZER(eprog.up_wait),
	.handshake = COMPLETION_INITIALIZER(eprog.handshake),
	.last_lock = __MUTEX_INITIALIZER(eprog.last_lock),
};

static void eprog_call_release(struct kref *ref)
{
	kfree(container_of(ref, struct eprog_call, ref));
}

/*
 * Ends a request in flight with @err and, if there is one, @reply. Whoever
 * takes the request off eprog.pending answers it, so a reply racing a
 * timeout or a helper's death is answered once.
 */
static bool eprog_finish_locked(u32 seq, int err, const struct eprog_reply *reply)
{
	struct eprog_call *call;

	lockdep_assert_held(&eprog.lock);
	list_for_each_entry(call, &eprog.pending, node) {
		if (call->seq != seq)
			continue;
		list_del_init(&call->node);
		call->err = err;
		if (reply)
			call->reply = *reply;
		if (err)
			eprog.stats.failed++;
		complete(&call->done);
		return true;
	}
	return false;
}

/* The helper is gone or useless: nothing in flight will be answered. */
static void eprog_fail_all_locked(int err)
{
	struct eprog_call *call, *tmp;

	lockdep_assert_held(&eprog.lock);
	list_for_each_entry_safe(call, tmp, &eprog.pending, node) {
		list_del_init(&call->node);
		call->err = err;
		eprog.stats.failed++;
		complete(&call->done);
	}
}

/*
 * Called by the reader when the stream from the helper ended or cannot be
 * trusted any more. Unless teardown already expects this, the requests in
 * flight fail and the start work reaps the helper and forks a new one: the
 * reader cannot do it itself, as reaping stops the reader.
 */
static void eprog_helper_lost(int err)
{
	bool expected, respawn;

	spin_lock(&eprog.lock);
	expected = eprog.stopping || eprog.shutdown;
	/*
	 * Before the handshake the start work is still waiting for it and
	 * handles the failure itself, with its backoff: wake it, nothing more.
	 */
	respawn = eprog.up && !expected && !eprog.shutdown;
	WRITE_ONCE(eprog.up, false);
	eprog.to_umh = NULL;
	if (!expected)
		eprog.lost = err;
	eprog_fail_all_locked(-ECONNRESET);
	spin_unlock(&eprog.lock);
	complete(&eprog.handshake);
	if (expected)
		return;

	if (err == -EPIPE)
		pr_warn("helper closed its pipe\n");
	else
		pr_err("dropping the helper's stream: %d\n", err);
	if (respawn)
		queue_delayed_work(eprog.wq, &eprog.start_work, 0);
}

/* The reader got the helper's hello: check it and answer with ours. */
static int eprog_handshake(struct file *to_umh, const struct eprog_hello *theirs)
{
	struct eprog_hello ours = {
		.protocol_version = EPROG_VERSION,
		.features = EPROG_FEATURES,
	};
	int err;

	/* The frame header's version matched; the payload has to agree. */
	if (theirs->protocol_version != EPROG_VERSION) {
		pr_err("helper speaks protocol %u, driver %u\n",
		       theirs->protocol_version, EPROG_VERSION);
		return -EPROTO;
	}
	strscpy(ours.name, "eprog kernel", sizeof(ours.name));
	/*
	 * Sent from the reader kthread: a kthread ignores the SIGPIPE that
	 * writing to a dead helper's pipe raises.
	 */
	err = eprog_send_hello(to_umh, 0, &ours);
	if (err) {
		pr_err("cannot send hello: %d\n", err);
		return err;
	}

	/*
	 * Teardown may have begun while we answered (the start work gave up
	 * waiting): the pipe is about to be released, so it must not be
	 * published to senders.
	 */
	spin_lock(&eprog.lock);
	if (eprog.stopping || eprog.shutdown) {
		spin_unlock(&eprog.lock);
		return -ESHUTDOWN;
	}
	WRITE_ONCE(eprog.up, true);
	eprog.to_umh = to_umh;
	spin_unlock(&eprog.lock);
	wake_up_all(&eprog.up_wait);
	complete(&eprog.handshake);

	/* The name is the helper's text: escape what is not printable. */
	pr_info("handshake ok (protocol %u), helper \"%*pE\" pid %d\n",
		theirs->protocol_version, (int)strnlen(theirs->name, sizeof(theirs->name)),
		theirs->name, READ_ONCE(eprog.pid));
	return 0;
}

static int eprog_dispatch(struct file *to_umh, const struct eprog_msg *msg, bool *greeted)
{
	/* The helper speaks first, with hello; it may log before that. */
	if (!*greeted && msg->type != EPROG_MSG_HELLO && msg->type != EPROG_MSG_LOG) {
		pr_err("message type %u before hello\n", msg->type);
		return -EPROTO;
	}

	switch (msg->type) {
	case EPROG_MSG_LOG:
		eprog_printk_log(&msg->u.log);
		return 0;
	case EPROG_MSG_HELLO:
		if (*greeted) {
			pr_err("second hello from helper\n");
			return -EPROTO;
		}
		*greeted = true;
		return eprog_handshake(to_umh, &msg->u.hello);
	case EPROG_MSG_REPLY: {
		bool found;

		spin_lock(&eprog.lock);
		found = eprog_finish_locked(msg->seq, 0, &msg->u.reply);
		if (found)
			eprog.stats.replies++;
		else
			eprog.stats.stray++;
		spin_unlock(&eprog.lock);
		/* After a timeout a late reply is harmless: drop it. */
		if (!found)
			pr_warn_ratelimited("reply %u matches no request in flight\n", msg->seq);
		return 0;
	}
	case EPROG_MSG_STATUS:
		spin_lock(&eprog.lock);
		eprog.status = msg->u.status;
		eprog.have_status = true;
		eprog.stats.statuses++;
		spin_unlock(&eprog.lock);
		return 0;
	}
	/* eprog_recv() accepts only the types above. */
	return -EPROTO;
}

/*
 * A malformed frame: if its header was sound, eprog_recv() read exactly the
 * payload the header announced and the stream is still in step, so the
 * request the frame answered fails and reading goes on. A bad header leaves
 * an unknown number of the frame's bytes in the pipe, and nothing tells
 * where the next frame starts.
 */
static bool eprog_badmsg(void)
{
	const u8 *hdr = eprog.rbuf.buf;
	struct sgwire_header h;
	bool in_step;

	/* The runtime's header check, the one eprog_recv() made. */
	in_step = sgwire_check_header(eprog_protocol(), hdr,
				      EPROG_TO_KERNEL) >= 0;
	sgwire_get_header(hdr, &h);
	if (in_step)
		pr_warn("malformed frame from helper: %d (seq %u), carrying on\n",
			-EBADMSG, h.seq);
	else
		pr_warn("malformed frame from helper: %d (bad header)\n", -EBADMSG);
	spin_lock(&eprog.lock);
	eprog.stats.badmsg++;
	if (in_step)
		eprog_finish_locked(h.seq, -EBADMSG, NULL);
	spin_unlock(&eprog.lock);
	return in_step;
}

static int eprog_reader_fn(void *data)
{
	struct file *from_umh = eprog.info.pipe_from_umh;
	struct file *to_umh = data;
	bool greeted = false;
	int ret;

	/* See step 3 of eprog_stop_helper(). */
	allow_signal(SIGKILL);
	for (;;) {
		/*
		 * A header cut short by the end of the pipe must not be
		 * completed by the previous frame's bytes in eprog_badmsg().
		 */
		memset(eprog.rbuf.buf, 0, EPROG_HEADER_SIZE);
		ret = eprog_recv(from_umh, &eprog.rbuf, &eprog.rmsg);
		if (ret >= 0)
			ret = eprog_dispatch(to_umh, &eprog.rmsg, &greeted);
		else if (ret == -EBADMSG && eprog_badmsg())
			ret = 0;
		if (ret)
			break;
	}
	eprog_helper_lost(ret);

	/*
	 * Teardown stops us with kthread_stop(), which needs us alive. Idle,
	 * not interruptible: a pending SIGKILL would make this loop spin.
	 */
	for (;;) {
		set_current_state(TASK_IDLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* The pidfd poll rule: the whole thread group is gone, not just its leader. */
static bool eprog_helper_exited(struct pid *tgid)
{
	struct task_struct *task;
	bool exited;

	rcu_read_lock();
	task = pid_task(tgid, PIDTYPE_PID);
	exited = !task || (task->exit_state && !delay_group_leader(task));
	rcu_read_unlock();
	return exited;
}

/*
 * How the helper ended: @lost is what the reader saw, or 0 if teardown came
 * first; the exit code is the leader's wait status.
 */
static void eprog_describe_exit(char *buf, size_t size, int lost)
{
	int code = eprog.task ? eprog.task->exit_code : -1;

	if (lost && lost != -EPIPE)
		scnprintf(buf, size, "broken stream %d, killed", lost);
	else if (code < 0)
		scnprintf(buf, size, "exit status unknown");
	else if (code & 0x7f)
		scnprintf(buf, size, "killed by signal %d", code & 0x7f);
	else
		scnprintf(buf, size, "exit code %d", (code >> 8) & 0xff);
}

/* Drops the reference that keeps the helper's exit code readable. */
static void eprog_put_task(void)
{
	if (eprog.task) {
		put_task_struct(eprog.task);
		eprog.task = NULL;
	}
}

/*
 * Reaps the current helper in the order that cannot hang and describes, in
 * @how, the way it ended. Called with eprog.life held, when a helper exists
 * (eprog.reader is set).
 */
static void eprog_stop_helper(int fail_with, char *how, size_t size)
{
	struct pid *tgid = eprog.info.tgid;
	int lost;

	lockdep_assert_held(&eprog.life);
	spin_lock(&eprog.lock);
	lost = eprog.lost;
	eprog.stopping = true;
	WRITE_ONCE(eprog.up, false);
	eprog.to_umh = NULL;
	WRITE_ONCE(eprog.pid, 0);
	eprog_fail_all_locked(fail_with);
	spin_unlock(&eprog.lock);

	/* 1. Kill it: the only thing that ends the reader's blocking read. */
	kill_pid(tgid, SIGKILL, 1);
	/* 2. Wait for every thread, so nothing writes to the pipes any more. */
	if (!wait_event_timeout(tgid->wait_pidfd, eprog_helper_exited(tgid),
				EPROG_EXIT_TIMEOUT))
		pr_warn("helper pid %d has not exited after SIGKILL\n", pid_nr(tgid));
	/*
	 * 3. Stop the reader. It has normally seen the end of the pipe by now,
	 * but a process the helper forked may still hold the pipe's write end,
	 * and then no end comes: a signal ends its read either way.
	 */
	send_sig(SIGKILL, eprog.reader, 1);
	kthread_stop(eprog.reader);
	put_task_struct(eprog.reader);
	eprog.reader = NULL;
	/* 4. Release the pipes and the pid. */
	umd_cleanup_helper(&eprog.info);

	eprog_describe_exit(how, size, lost);
	eprog_put_task();
}

/* Forks a helper and waits for its handshake. Called with eprog.life held. */
static int eprog_start_helper(void)
{
	struct task_struct *reader;
	char how[48];
	int err;

	lockdep_assert_held(&eprog.life);
	reinit_completion(&eprog.handshake);
	spin_lock(&eprog.lock);
	eprog.stopping = false;
	eprog.lost = 0;
	spin_unlock(&eprog.lock);
	/* After the reinit: a reboot's complete() from before it is lost. */
	if (READ_ONCE(eprog.shutdown))
		return -ESHUTDOWN;

	err = fork_usermode_driver(&eprog.info);
	if (err) {
		pr_err("cannot start the helper: %d\n", err);
		return err;
	}
	/* Keeps the leader's task_struct, and so its exit code, after reaping. */
	eprog.task = get_pid_task(eprog.info.tgid, PIDTYPE_PID);
	eprog.born = jiffies;
	WRITE_ONCE(eprog.pid, pid_nr(eprog.info.tgid));

	reader = kthread_create(eprog_reader_fn, eprog.info.pipe_to_umh, "eprog_reader");
	if (IS_ERR(reader)) {
		err = PTR_ERR(reader);
		pr_err("cannot start the reader: %d\n", err);
		kill_pid(eprog.info.tgid, SIGKILL, 1);
		wait_event_timeout(eprog.info.tgid->wait_pidfd,
				   eprog_helper_exited(eprog.info.tgid), EPROG_EXIT_TIMEOUT);
		umd_cleanup_helper(&eprog.info);
		eprog_put_task();
		return err;
	}
	/* A reference of our own: the reader may return before kthread_stop(). */
	get_task_struct(reader);
	eprog.reader = reader;
	wake_up_process(reader);

	if (!wait_for_completion_timeout(&eprog.handshake, EPROG_HANDSHAKE_TIMEOUT)) {
		pr_err("no handshake from the helper in %d s\n",
		       EPROG_HANDSHAKE_TIMEOUT / HZ);
		err = -ETIMEDOUT;
	} else if (!READ_ONCE(eprog.up)) {
		err = -EPROTO;
	} else {
		return 0;
	}
	eprog_stop_helper(-ECONNRESET, how, sizeof(how));
	if (!READ_ONCE(eprog.shutdown))
		pr_err("helper failed before the handshake (%s)\n", how);
	return err;
}

/*
 * Starts the first helper and every respawn. A helper that still exists
 * has died or broken its stream: reap it first.
 */
static void eprog_start_work_fn(struct work_struct *work)
{
	char how[48];

	mutex_lock(&eprog.life);
	if (READ_ONCE(eprog.shutdown))
		goto out;

	if (eprog.reader) {
		eprog_stop_helper(-ECONNRESET, how, sizeof(how));

		/* A helper that lived long enough resets the backoff. */
		if (time_after(jiffies, eprog.born + EPROG_HEALTHY_UPTIME))
			eprog.backoff = 0;
		spin_lock(&eprog.lock);
		eprog.stats.respawns++;
		spin_unlock(&eprog.lock);
		pr_warn("helper died (%s), respawning\n", how);
		if (eprog.backoff) {
			queue_delayed_work(eprog.wq, &eprog.start_work, eprog.backoff);
			eprog.backoff = min(2 * eprog.backoff, EPROG_BACKOFF_MAX);
			goto out;
		}
		eprog.backoff = EPROG_BACKOFF_MIN;
	}

	if (eprog_start_helper()) {
		eprog.backoff = clamp(2 * eprog.backoff, EPROG_BACKOFF_MIN, EPROG_BACKOFF_MAX);
		if (!READ_ONCE(eprog.shutdown)) {
			pr_warn("retrying in %lu ms\n", eprog.backoff * 1000 / HZ);
			queue_delayed_work(eprog.wq, &eprog.start_work, eprog.backoff);
		}
	}
out:
	mutex_unlock(&eprog.life);
}

/*
 * Writes a request's frame. It runs in a kworker, not in the process that
 * wrote to debugfs: writing to the pipe of a helper that just died raises
 * SIGPIPE in the writer, which a kernel thread ignores.
 */
static void eprog_send_work(struct work_struct *work)
{
	struct eprog_call *call = container_of(work, struct eprog_call, send_work);
	int err;

	err = eprog_send_request(call->to_umh, call->seq, &call->req);
	fput(call->to_umh);
	if (err) {
		spin_lock(&eprog.lock);
		eprog_finish_locked(call->seq, err, NULL);
		spin_unlock(&eprog.lock);
	}
	kref_put(&call->ref, eprog_call_release);
}

static bool eprog_up_or_gone(void)
{
	return READ_ONCE(eprog.up) || READ_ONCE(eprog.shutdown);
}

/*
 * Sends @req and waits for its reply. Waits first for a helper that is
 * being (re)started. Return: 0 with @reply filled, or a negative errno:
 * -ETIMEDOUT, -ECONNRESET (the helper died with the request in flight),
 * -EBADMSG (its answer was malformed), -ENOTCONN (no helper came up).
 */
static int eprog_call(const struct eprog_request *req, struct eprog_reply *reply)
{
	struct eprog_call *call;
	long left;
	int err;

	left = wait_event_killable_timeout(eprog.up_wait, eprog_up_or_gone(), EPROG_UP_TIMEOUT);
	if (left < 0)
		return left;

	call = kzalloc(sizeof(*call), GFP_KERNEL);
	if (!call)
		return -ENOMEM;
	kref_init(&call->ref);
	INIT_LIST_HEAD(&call->node);
	INIT_WORK(&call->send_work, eprog_send_work);
	init_completion(&call->done);
	call->req = *req;

	/*
	 * Checking up, numbering and queueing under one lock: a helper lost
	 * after this finds the request on the list and fails it.
	 */
	spin_lock(&eprog.lock);
	if (!eprog.up || eprog.shutdown) {
		spin_unlock(&eprog.lock);
		kfree(call);
		return -ENOTCONN;
	}
	/* 0 is the sequence number of unsolicited messages. */
	if (++eprog.next_seq == 0)
		++eprog.next_seq;
	call->seq = eprog.next_seq;
	call->to_umh = get_file(eprog.to_umh);
	list_add_tail(&call->node, &eprog.pending);
	eprog.stats.requests++;
	spin_unlock(&eprog.lock);

	kref_get(&call->ref);
	queue_work(system_unbound_wq, &call->send_work);

	left = wait_for_completion_killable_timeout(&call->done, EPROG_REPLY_TIMEOUT);
	spin_lock(&eprog.lock);
	if (!list_empty(&call->node)) {
		/* Nobody answered: a late reply will find nothing. */
		list_del_init(&call->node);
		eprog.stats.failed++;
		err = left < 0 ? left : -ETIMEDOUT;
	} else {
		err = call->err;
		if (!err)
			*reply = call->reply;
	}
	spin_unlock(&eprog.lock);
	kref_put(&call->ref, eprog_call_release);
	return err;
}

/* Records the answer debugfs request reads back. */
static void eprog_set_last(int err, const struct eprog_reply *reply)
{
	mutex_lock(&eprog.last_lock);
	if (err)
		eprog.last_len = scnprintf(eprog.last, sizeof(eprog.last), "error=%d\n", err);
	else
		/* Helper bytes: escape anything not printable, newlines too. */
		eprog.last_len = scnprintf(eprog.last, sizeof(eprog.last),
					   "status=%d value=%lld data=%*pE\n",
					   reply->status, (long long)reply->value,
					   (int)reply->data_len, reply->data);
	mutex_unlock(&eprog.last_lock);
}

/* Parses "echo A B TEXT", "read_file PATH", "garbage" or "exit". */
static int eprog_parse(char *cmd, struct eprog_request *req)
{
	char *word = strsep(&cmd, " ");
	const char *text = "";
	char *a, *b;
	int err;

	memset(req, 0, sizeof(*req));
	if (!strcmp(word, "echo")) {
		a = strsep(&cmd, " ");
		b = strsep(&cmd, " ");
		if (!a || !b)
			return -EINVAL;
		err = kstrtos64(a, 0, &req->a);
		if (!err)
			err = kstrtos64(b, 0, &req->b);
		if (err)
			return err;
		req->op = EPROG_OP_ECHO;
		text = cmd ?: "";
	} else if (!strcmp(word, "read_file")) {
		if (!cmd || !*cmd)
			return -EINVAL;
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
	if (strscpy(req->text, text, sizeof(req->text)) < 0)
		return -E2BIG;
	return 0;
}

static ssize_t eprog_request_write(struct file *file, const char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct eprog_request req;
	struct eprog_reply reply;
	char cmd[EPROG_CMD_MAX];
	int err;

	if (count >= sizeof(cmd))
		return -E2BIG;
	if (copy_from_user(cmd, ubuf, count))
		return -EFAULT;
	cmd[count] = '\0';
	/* echo(1) adds a newline; a TEXT keeps its inner spaces. */
	if (count && cmd[count - 1] == '\n')
		cmd[count - 1] = '\0';

	err = eprog_parse(cmd, &req);
	if (err)
		return err;
	err = eprog_call(&req, &reply);
	eprog_set_last(err, &reply);
	return err ? err : count;
}

static ssize_t eprog_request_read(struct file *file, char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&eprog.last_lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, eprog.last, eprog.last_len);
	mutex_unlock(&eprog.last_lock);
	return ret;
}

static const struct file_operations eprog_request_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = eprog_request_read,
	.write = eprog_request_write,
	.llseek = default_llseek,
};

static ssize_t eprog_kill_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	int err = -ESRCH;

	/* eprog.life keeps info.tgid from being released under us. */
	if (mutex_lock_killable(&eprog.life))
		return -EINTR;
	if (eprog.info.tgid) {
		pr_info("killing helper pid %d on request\n", pid_nr(eprog.info.tgid));
		err = kill_pid(eprog.info.tgid, SIGKILL, 1);
	}
	mutex_unlock(&eprog.life);
	return err ? err : count;
}

static const struct file_operations eprog_kill_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = eprog_kill_write,
	.llseek = noop_llseek,
};

static int eprog_stats_show(struct seq_file *m, void *unused)
{
	struct eprog_status status;
	struct eprog_stats stats;
	bool have_status, up;
	pid_t pid;

	spin_lock(&eprog.lock);
	stats = eprog.stats;
	status = eprog.status;
	have_status = eprog.have_status;
	up = eprog.up;
	pid = eprog.pid;
	spin_unlock(&eprog.lock);

	seq_printf(m, "requests: %llu\n", stats.requests);
	seq_printf(m, "replies: %llu\n", stats.replies);
	seq_printf(m, "failed: %llu\n", stats.failed);
	seq_printf(m, "stray: %llu\n", stats.stray);
	seq_printf(m, "badmsg: %llu\n", stats.badmsg);
	seq_printf(m, "respawns: %llu\n", stats.respawns);
	seq_printf(m, "helper_pid: %d\n", pid);
	seq_printf(m, "helper_up: %d\n", up);
	seq_printf(m, "statuses: %llu\n", stats.statuses);
	if (have_status)
		seq_printf(m, "last_status: uptime_ms=%llu requests=%llu failures=%u max_rss_kb=%u\n",
			   status.uptime_ms, status.requests, status.failures, status.max_rss_kb);
	else
		seq_puts(m, "last_status: none\n");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(eprog_stats);

static void __init eprog_debugfs_init(void)
{
	struct dentry *dir = debugfs_create_dir("eprog", NULL);

	/* debugfs is for testing and tracing: the driver works without it. */
	debugfs_create_file("request", 0600, dir, NULL, &eprog_request_fops);
	debugfs_create_file("kill", 0200, dir, NULL, &eprog_kill_fops);
	debugfs_create_file("stats", 0400, dir, NULL, &eprog_stats_fops);
}

/*
 * Reboot, halt and power-off: reap the helper while processes can still
 * run, so it does not outlive the driver's pipes, and fail what waits.
 */
static int eprog_reboot(struct notifier_block *nb, unsigned long action, void *data)
{
	char how[48] = "none running";

	spin_lock(&eprog.lock);
	WRITE_ONCE(eprog.shutdown, true);
	spin_unlock(&eprog.lock);
	wake_up_all(&eprog.up_wait);
	/* A start work waiting for a handshake stops waiting. */
	complete(&eprog.handshake);
	cancel_delayed_work_sync(&eprog.start_work);

	mutex_lock(&eprog.life);
	if (eprog.reader)
		eprog_stop_helper(-ESHUTDOWN, how, sizeof(how));
	if (eprog.blob_loaded) {
		umd_unload_blob(&eprog.info);
		eprog.blob_loaded = false;
	}
	mutex_unlock(&eprog.life);
	pr_info("helper stopped (%s), shut down\n", how);
	return NOTIFY_DONE;
}

static struct notifier_block eprog_reboot_nb = {
	.notifier_call = eprog_reboot,
};

static int __init eprog_init(void)
{
	size_t len = eprog_blob_end - eprog_blob_start;
	int err;

	INIT_DELAYED_WORK(&eprog.start_work, eprog_start_work_fn);
	/* Ordered: one start at a time, and never two respawns racing. */
	eprog.wq = alloc_ordered_workqueue("eprog", 0);
	if (!eprog.wq)
		return -ENOMEM;

	/* Now, while the blob's init memory is still there; see eprog_blob.S. */
	err = umd_load_blob(&eprog.info, eprog_blob_start, len);
	if (err) {
		pr_err("cannot load the helper (%zu bytes): %d\n", len, err);
		destroy_workqueue(eprog.wq);
		return err;
	}
	eprog.blob_loaded = true;

	eprog_debugfs_init();
	register_reboot_notifier(&eprog_reboot_nb);
	/* Forking and the handshake take a while: do not hold up the boot. */
	queue_delayed_work(eprog.wq, &eprog.start_work, 0);
	pr_info("helper of %zu bytes loaded\n", len);
	return 0;
}
device_initcall(eprog_init);
