// SPDX-License-Identifier: GPL-2.0
/*
 * sgwtest: the kernel tests' driver of the syscallgen call runtime. It runs its Go helper
 * (helper/main.go) on the runtime through the API generated from sgwtest.ts, and gives the tests
 * (test/kernel/init.sh) debugfs files under /sys/kernel/debug/sgwtest:
 *
 *   stats       the runtime's counters, and the events the helper sent, on one line
 *   start_mode  the mode the next helper reads at its start (emptied as it is read)
 *   ctl         a command per write, each printing one "sgwtest: ..." line with its result:
 *                 add A B          the add call; the sum is checked
 *                 probe TAG        the probe call (8 s timeout), recorded by the helper
 *                 quick TAG        the quick call (300 ms timeout), recorded by the helper
 *                 seen TAG         whether the helper saw a probe, quick or fill with TAG
 *                 mode M ARG       the set_mode notification (enum sgwtest_mode)
 *                 pause MS         the pause notification: the helper stops reading for MS ms
 *                 fill N TAG       N fill notifications, tags TAG.., until one fails
 *                 start            start the helper again (after a bye)
 *                 stress T N       T kernel threads make N add calls each, every reply checked
 *                 bench T N        the same, timed: calls/s, p50 and p99 latency
 *                 rawbench N       N round trips of a raw pipe ping-pong with the helper
 *                                  started as sgwtest_raw, no runtime: the benchmark's baseline
 *
 * A command's write returns its error, so the shell sees it too.
 */
#include <linux/debugfs.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/uaccess.h>
#include <linux/usermode_driver.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>

#include "sgwtest.h"
#include "sgwtest_blob.h"

#define SGW_MODE_SIZE	16
/* The raw baseline's frames: the add request's and the sum reply's sizes. */
#define SGW_RAW_OUT	(SGWIRE_HEADER_SIZE + 24)
#define SGW_RAW_IN	(SGWIRE_HEADER_SIZE + 16)
#define SGW_RAW_WARMUP	100

static struct sgwtest_helper *sgw;
static struct dentry *sgw_dir;
static atomic64_t sgw_events;
static DEFINE_SPINLOCK(sgw_mode_lock);
static char sgw_start_mode[SGW_MODE_SIZE];

static void sgw_event(struct sgwtest_helper *h, const struct sgwtest_event *msg)
{
	atomic64_inc(&sgw_events);
}

static const struct sgwtest_ops sgw_ops = {
	.event = sgw_event,
};

static int sgw_stats_show(struct seq_file *m, void *v)
{
	struct sgwire_helper_stats s;

	sgwtest_helper_stats(sgw, &s);
	seq_printf(m, "calls=%llu replies=%llu timeouts=%llu interrupted=%llu failed=%llu late_replies=%llu ",
		   s.calls, s.replies, s.timeouts, s.interrupted, s.failed, s.late_replies);
	seq_printf(m, "notifications_sent=%llu notifications_received=%llu log_lines=%llu log_dropped=%llu ",
		   s.notifications_sent, s.notifications_received, s.log_lines, s.log_dropped);
	seq_printf(m, "bad_frames=%llu bad_frames_dropped=%llu lost_streams=%llu hung=%llu respawns=%llu ",
		   s.bad_frames, s.bad_frames_dropped, s.lost_streams, s.hung, s.respawns);
	seq_printf(m, "byes=%llu pid=%u features=%llu events=%lld\n", s.byes, s.pid, s.features,
		   (long long)atomic64_read(&sgw_events));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sgw_stats);

/* The helper reads start_mode once: open takes the mode and empties it. */
static int sgw_mode_open(struct inode *inode, struct file *file)
{
	char *mode = kzalloc(SGW_MODE_SIZE, GFP_KERNEL);

	if (!mode)
		return -ENOMEM;
	if (file->f_mode & FMODE_READ) {
		spin_lock(&sgw_mode_lock);
		memcpy(mode, sgw_start_mode, SGW_MODE_SIZE);
		memset(sgw_start_mode, 0, SGW_MODE_SIZE);
		spin_unlock(&sgw_mode_lock);
	}
	file->private_data = mode;
	return 0;
}

static int sgw_mode_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t sgw_mode_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	const char *mode = file->private_data;

	return simple_read_from_buffer(buf, len, ppos, mode, strnlen(mode, SGW_MODE_SIZE));
}

static ssize_t sgw_mode_write(struct file *file, const char __user *ubuf, size_t len,
			      loff_t *ppos)
{
	char mode[SGW_MODE_SIZE] = "";

	if (len >= SGW_MODE_SIZE)
		return -EINVAL;
	if (copy_from_user(mode, ubuf, len))
		return -EFAULT;
	strim(mode);
	spin_lock(&sgw_mode_lock);
	strscpy(sgw_start_mode, strim(mode), SGW_MODE_SIZE);
	spin_unlock(&sgw_mode_lock);
	return len;
}

static const struct file_operations sgw_mode_fops = {
	.owner = THIS_MODULE,
	.open = sgw_mode_open,
	.release = sgw_mode_release,
	.read = sgw_mode_read,
	.write = sgw_mode_write,
};

/**
 * struct sgw_run - A run of calls from several kernel threads: the stress test or the bench.
 * @calls: calls per thread.
 * @lat: each call's latency in ns, @calls per thread; NULL for none.
 * @running: threads not done.
 * @done: woken when the last is done.
 * @ok: calls with the right reply.
 * @wrong: calls whose reply was not theirs.
 * @errors: calls that failed.
 * @first_err: the first failure's errno.
 */
struct sgw_run {
	int calls;
	u64 *lat;
	atomic_t running;
	wait_queue_head_t done;
	atomic_t ok;
	atomic_t wrong;
	atomic_t errors;
	atomic_t first_err;
};

/**
 * struct sgw_caller - One thread of a run.
 * @run: the run.
 * @id: its index.
 */
struct sgw_caller {
	struct sgw_run *run;
	int id;
};

static int sgw_caller_fn(void *data)
{
	struct sgw_caller *c = data;
	struct sgw_run *run = c->run;
	int i, err;

	for (i = 0; i < run->calls; i++) {
		struct sgwtest_add req = {
			.tag = (u64)c->id << 32 | i,
			.a = (s64)c->id * 1000003 - i,
			.b = (s64)i * i - 77,
		};
		struct sgwtest_sum reply = {};
		u64 t0 = ktime_get_ns();

		err = sgwtest_call_add(sgw, &req, &reply);
		if (run->lat)
			run->lat[c->id * run->calls + i] = ktime_get_ns() - t0;
		if (err) {
			atomic_inc(&run->errors);
			atomic_cmpxchg(&run->first_err, 0, err);
		} else if (reply.tag != req.tag || reply.sum != req.a + req.b) {
			atomic_inc(&run->wrong);
		} else {
			atomic_inc(&run->ok);
		}
	}
	if (atomic_dec_and_test(&run->running))
		wake_up(&run->done);
	return 0;
}

/* Runs threads x calls add calls at once; returns the wall time in ns, or an errno. */
static s64 sgw_run_callers(struct sgw_run *run, int threads)
{
	struct sgw_caller *callers;
	u64 t0;
	int i;

	callers = kcalloc(threads, sizeof(*callers), GFP_KERNEL);
	if (!callers)
		return -ENOMEM;
	init_waitqueue_head(&run->done);
	atomic_set(&run->running, threads);
	t0 = ktime_get_ns();
	for (i = 0; i < threads; i++) {
		struct task_struct *t;

		callers[i].run = run;
		callers[i].id = i;
		t = kthread_run(sgw_caller_fn, &callers[i], "sgwtest-call%d", i);
		if (IS_ERR(t)) {
			/* Counted as done, with all its calls failed. */
			atomic_add(run->calls, &run->errors);
			atomic_cmpxchg(&run->first_err, 0, PTR_ERR(t));
			if (atomic_dec_and_test(&run->running))
				wake_up(&run->done);
		}
	}
	/* Idle: a long run is no hung task. */
	wait_event_idle(run->done, !atomic_read(&run->running));
	t0 = ktime_get_ns() - t0;
	kfree(callers);
	return t0;
}

static int sgw_stress(int threads, int calls)
{
	struct sgw_run run = { .calls = calls };
	s64 ns = sgw_run_callers(&run, threads);

	if (ns < 0)
		return ns;
	pr_info("sgwtest: stress: %d threads x %d calls: ok %d, wrong %d, failed %d (first error %d)\n",
		threads, calls, atomic_read(&run.ok), atomic_read(&run.wrong),
		atomic_read(&run.errors), atomic_read(&run.first_err));
	return atomic_read(&run.ok) == threads * calls ? 0 : -EIO;
}

static int sgw_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* Prints a bench line: the rate and the latency percentiles of n calls in ns. */
static void sgw_report(const char *what, int threads, u64 *lat, int n, u64 ns)
{
	u64 rate = div64_u64((u64)n * NSEC_PER_SEC, max(ns, 1ULL));

	sort(lat, n, sizeof(*lat), sgw_cmp_u64, NULL);
	pr_info("sgwtest: bench %s callers %d: %d calls in %llu us: %llu calls/s, p50 %llu ns, p99 %llu ns\n",
		what, threads, n, div_u64(ns, 1000), rate, lat[n / 2], lat[(u64)n * 99 / 100]);
}

static int sgw_bench(int threads, int calls)
{
	struct sgw_run run = { .calls = calls };
	s64 ns;
	int n = threads * calls;

	run.lat = vcalloc(n, sizeof(u64));
	if (!run.lat)
		return -ENOMEM;
	ns = sgw_run_callers(&run, threads);
	if (ns >= 0 && atomic_read(&run.ok) == n)
		sgw_report("runtime", threads, run.lat, n, ns);
	else if (ns >= 0)
		pr_info("sgwtest: bench runtime callers %d: ok %d, wrong %d, failed %d (first error %d)\n",
			threads, atomic_read(&run.ok), atomic_read(&run.wrong),
			atomic_read(&run.errors), atomic_read(&run.first_err));
	vfree(run.lat);
	return ns < 0 ? ns : atomic_read(&run.ok) == n ? 0 : -EIO;
}

static bool sgw_exited(struct pid *pid)
{
	struct task_struct *task;
	bool exited;

	rcu_read_lock();
	task = pid_task(pid, PIDTYPE_PID);
	exited = !task || (task->exit_state && !delay_group_leader(task));
	rcu_read_unlock();
	return exited;
}

/* One round trip of the raw baseline: a request-sized frame out, a reply-sized one back. */
static int sgw_raw_trip(struct umd_info *info, u8 *buf)
{
	loff_t pos = 0;
	ssize_t n;
	int got;

	n = kernel_write(info->pipe_to_umh, buf, SGW_RAW_OUT, &pos);
	if (n != SGW_RAW_OUT)
		return n < 0 ? n : -EIO;
	for (got = 0; got < SGW_RAW_IN; got += n) {
		n = kernel_read(info->pipe_from_umh, buf + got, SGW_RAW_IN - got, &pos);
		if (n <= 0)
			return n < 0 ? n : -EPIPE;
	}
	return 0;
}

static int sgw_rawbench(int calls)
{
	struct umd_info *info;
	u8 *buf;
	u64 *lat, t0, ns = 0;
	int i, err;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	buf = kzalloc(SGW_RAW_OUT, GFP_KERNEL);
	lat = vcalloc(calls, sizeof(u64));
	err = -ENOMEM;
	if (!info || !buf || !lat)
		goto out;
	info->driver_name = "sgwtest_raw";
	err = umd_load_blob(info, sgwtest_blob_start, sgwtest_blob_end - sgwtest_blob_start);
	if (err)
		goto out;
	err = fork_usermode_driver(info);
	if (err)
		goto unload;
	/* The first trips wait for the helper to start. */
	for (i = -SGW_RAW_WARMUP; i < calls && !err; i++) {
		if (i == 0)
			ns = ktime_get_ns();
		t0 = ktime_get_ns();
		err = sgw_raw_trip(info, buf);
		if (i >= 0)
			lat[i] = ktime_get_ns() - t0;
	}
	ns = ktime_get_ns() - ns;
	kill_pid(info->tgid, SIGKILL, 1);
	if (!wait_event_idle_timeout(info->tgid->wait_pidfd, sgw_exited(info->tgid), 10 * HZ))
		pr_warn("sgwtest: the raw helper has not exited\n");
	umd_cleanup_helper(info);
	if (!err)
		sgw_report("raw", 1, lat, calls, ns);
	else
		pr_info("sgwtest: bench raw: %d\n", err);
unload:
	umd_unload_blob(info);
out:
	vfree(lat);
	kfree(buf);
	kfree(info);
	return err;
}

static int sgw_tagged(const char *cmd, u64 tag)
{
	struct sgwtest_ack ack = {};
	int err;

	if (!strcmp(cmd, "probe")) {
		struct sgwtest_probe req = { .tag = tag };

		err = sgwtest_call_probe(sgw, &req, &ack);
	} else if (!strcmp(cmd, "quick")) {
		struct sgwtest_quick req = { .tag = tag };

		err = sgwtest_call_quick(sgw, &req, &ack);
	} else {
		struct sgwtest_seen_query req = { .tag = tag };

		err = sgwtest_call_seen(sgw, &req, &ack);
	}
	if (!err && ack.tag != tag)
		err = -EIO;
	pr_info("sgwtest: %s tag %llu: %d, seen %u, requests %llu\n", cmd, tag, err,
		err ? 0 : ack.seen, err ? 0 : ack.requests);
	return err;
}

static int sgw_fill(int n, u64 tag)
{
	struct sgwtest_fill *msg = kzalloc(sizeof(*msg), GFP_KERNEL);
	int i, err = 0;

	if (!msg)
		return -ENOMEM;
	msg->data_len = sizeof(msg->data);
	memset(msg->data, 0xa5, sizeof(msg->data));
	for (i = 0; i < n && !err; i++) {
		msg->tag = tag + i;
		err = sgwtest_notify_fill(sgw, msg);
	}
	kfree(msg);
	pr_info("sgwtest: fill %d from tag %llu: %d queued, %d\n", n, tag, err ? i - 1 : i, err);
	return err;
}

static int sgw_command(const char *cmd, s64 a, s64 b)
{
	int err;

	if (!strcmp(cmd, "add")) {
		struct sgwtest_add req = { .tag = 1, .a = a, .b = b };
		struct sgwtest_sum reply = {};

		err = sgwtest_call_add(sgw, &req, &reply);
		if (!err && (reply.sum != a + b || reply.tag != req.tag))
			err = -EIO;
		pr_info("sgwtest: add %lld %lld: %d, sum %lld\n", a, b, err, reply.sum);
	} else if (!strcmp(cmd, "probe") || !strcmp(cmd, "quick") || !strcmp(cmd, "seen")) {
		err = sgw_tagged(cmd, a);
	} else if (!strcmp(cmd, "mode")) {
		struct sgwtest_set_mode msg = { .mode = a, .arg = b };

		err = sgwtest_notify_set_mode(sgw, &msg);
		pr_info("sgwtest: mode %lld %lld: %d\n", a, b, err);
	} else if (!strcmp(cmd, "pause")) {
		struct sgwtest_pause msg = { .ms = a };

		err = sgwtest_notify_pause(sgw, &msg);
		pr_info("sgwtest: pause %lld: %d\n", a, err);
	} else if (!strcmp(cmd, "fill")) {
		err = sgw_fill(a, b);
	} else if (!strcmp(cmd, "start")) {
		err = sgwtest_helper_start(sgw);
		pr_info("sgwtest: start: %d\n", err);
	} else if (!strcmp(cmd, "stress") && a > 0 && a <= 64 && b > 0) {
		err = sgw_stress(a, b);
	} else if (!strcmp(cmd, "bench") && a > 0 && a <= 64 && b > 0) {
		err = sgw_bench(a, b);
	} else if (!strcmp(cmd, "rawbench") && a > 0) {
		err = sgw_rawbench(a);
	} else {
		err = -EINVAL;
	}
	return err;
}

static ssize_t sgw_ctl_write(struct file *file, const char __user *ubuf, size_t len,
			     loff_t *ppos)
{
	char buf[64], cmd[16];
	long long a = 0, b = 0;
	int err;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%15s %lld %lld", cmd, &a, &b) < 1)
		return -EINVAL;
	err = sgw_command(cmd, a, b);
	return err ? err : len;
}

static const struct file_operations sgw_ctl_fops = {
	.owner = THIS_MODULE,
	.write = sgw_ctl_write,
};

static int __init sgw_init(void)
{
	struct sgwire_helper_config cfg = {
		.name = "sgwtest",
		.blob = sgwtest_blob_start,
		.blob_end = sgwtest_blob_end,
		.log_ceiling = LOGLEVEL_WARNING,
		.features = 0x5,
		.max_calls = 64,
	};
	int err;

	sgw = sgwtest_helper_create(&cfg, &sgw_ops);
	if (IS_ERR(sgw))
		return PTR_ERR(sgw);
	sgw_dir = debugfs_create_dir("sgwtest", NULL);
	debugfs_create_file("stats", 0444, sgw_dir, NULL, &sgw_stats_fops);
	debugfs_create_file("start_mode", 0600, sgw_dir, NULL, &sgw_mode_fops);
	debugfs_create_file("ctl", 0200, sgw_dir, NULL, &sgw_ctl_fops);
	err = sgwtest_helper_start(sgw);
	if (err) {
		debugfs_remove_recursive(sgw_dir);
		sgwtest_helper_destroy(sgw);
		return err;
	}
	pr_info("sgwtest: loaded\n");
	return 0;
}

static void __exit sgw_exit(void)
{
	/* Waits for commands in progress, then no new one can start. */
	debugfs_remove_recursive(sgw_dir);
	sgwtest_helper_destroy(sgw);
	pr_info("sgwtest: unloaded\n");
}

module_init(sgw_init);
module_exit(sgw_exit);
MODULE_DESCRIPTION("Test driver of the syscallgen call runtime");
MODULE_LICENSE("GPL");
