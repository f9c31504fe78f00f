// SPDX-License-Identifier: GPL-2.0
/*
 * kcanary: the kernel tests' own module (test/kernel/kcanary in syscallgen).
 *
 * While loaded it holds what a driver typically holds: a kthread that ticks,
 * a self-rearming timer, a work item, a buffer behind a mutex and a debugfs
 * directory. Unloading releases all of it, so insmod/rmmod cycles under
 * lockdep, KASAN and kmemleak show the harness a clean teardown.
 *
 * /sys/kernel/debug/kcanary/
 *   ping     write N: N round trips through the work item (traffic between
 *            the cycles); read: the counters
 *   provoke  write a kind: the kernel prints that kind of report, to show
 *            that the debug options are on and that the tests' console
 *            scanner sees their reports: lockdep, sleep, warn, leak, hung,
 *            kasan, bug. hung and bug pin the module (a thread of it is
 *            asleep or dead), so it cannot be unloaded afterwards.
 */
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#define KCANARY_BUF	256
#define KCANARY_MAX_PINGS	1000

struct kcanary {
	struct dentry *dir;
	struct task_struct *ticker;
	struct timer_list timer;
	struct work_struct work;
	struct completion work_done;
	struct mutex lock;	/* one ping at a time; guards buf and pings */
	u8 *buf;
	u8 fill;
	unsigned long pings;
	atomic_t ticks;
	atomic_t timer_fires;
};

static struct kcanary kc;

/* Taken in both orders by provoke_lockdep(). */
static DEFINE_MUTEX(canary_a);
static DEFINE_MUTEX(canary_b);

static int kcanary_ticker(void *unused)
{
	while (!kthread_should_stop()) {
		atomic_inc(&kc.ticks);
		schedule_timeout_interruptible(msecs_to_jiffies(10));
	}
	return 0;
}

static void kcanary_timer(struct timer_list *t)
{
	atomic_inc(&kc.timer_fires);
	mod_timer(&kc.timer, jiffies + msecs_to_jiffies(20));
}

static void kcanary_work(struct work_struct *work)
{
	memset(kc.buf, kc.fill, KCANARY_BUF);
	complete(&kc.work_done);
}

/* One round trip: the work item fills the buffer, the caller checks a copy. */
static int kcanary_ping_once(void)
{
	u8 *copy = kmalloc(KCANARY_BUF, GFP_KERNEL);
	int ret = 0;

	if (!copy)
		return -ENOMEM;
	mutex_lock(&kc.lock);
	kc.fill = (u8)(kc.pings + 1);
	reinit_completion(&kc.work_done);
	schedule_work(&kc.work);
	wait_for_completion(&kc.work_done);
	memcpy(copy, kc.buf, KCANARY_BUF);
	if (copy[0] != kc.fill || copy[KCANARY_BUF - 1] != kc.fill)
		ret = -EIO;
	else
		kc.pings++;
	mutex_unlock(&kc.lock);
	kfree(copy);
	return ret;
}

static ssize_t kcanary_ping_write(struct file *file, const char __user *ubuf,
				  size_t len, loff_t *ppos)
{
	unsigned int n, i;
	int ret;

	ret = kstrtouint_from_user(ubuf, len, 10, &n);
	if (ret)
		return ret;
	if (n > KCANARY_MAX_PINGS)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		ret = kcanary_ping_once();
		if (ret)
			return ret;
	}
	return len;
}

static ssize_t kcanary_ping_read(struct file *file, char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	char text[96];
	int n;

	mutex_lock(&kc.lock);
	n = scnprintf(text, sizeof(text), "pings=%lu ticks=%d timer=%d\n",
		      kc.pings, atomic_read(&kc.ticks),
		      atomic_read(&kc.timer_fires));
	mutex_unlock(&kc.lock);
	return simple_read_from_buffer(ubuf, len, ppos, text, n);
}

static const struct file_operations kcanary_ping_fops = {
	.owner = THIS_MODULE,
	.read = kcanary_ping_read,
	.write = kcanary_ping_write,
};

/* A then B, later B then A: lockdep reports the cycle; nothing deadlocks. */
static void provoke_lockdep(void)
{
	mutex_lock(&canary_a);
	mutex_lock(&canary_b);
	mutex_unlock(&canary_b);
	mutex_unlock(&canary_a);

	mutex_lock(&canary_b);
	mutex_lock(&canary_a);
	mutex_unlock(&canary_a);
	mutex_unlock(&canary_b);
}

static void provoke_sleep(void)
{
	preempt_disable();
	might_sleep();
	preempt_enable();
}

/* Four objects no pointer refers to: kmemleak's next scan reports them. */
static void provoke_leak(void)
{
	int i;

	for (i = 0; i < 4; i++) {
		void *p = kmalloc(128, GFP_KERNEL);

		OPTIMIZER_HIDE_VAR(p);
	}
}

static void provoke_kasan(void)
{
	size_t size = 13;
	char *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return;
	OPTIMIZER_HIDE_VAR(p);
	OPTIMIZER_HIDE_VAR(size);
	pr_info("kcanary: the byte after a %zu-byte allocation: %d\n", size,
		READ_ONCE(p[size]));
	kfree(p);
}

/* Uninterruptible sleep: hung with a hung_task_timeout_secs below 8. */
static int kcanary_hang(void *unused)
{
	msleep(8000);
	return 0;
}

static int kcanary_bug(void *unused)
{
	BUG();
}

static int provoke_thread(int (*fn)(void *), const char *name)
{
	struct task_struct *t;

	/* The thread runs module code after the write returns: no unloading. */
	__module_get(THIS_MODULE);
	t = kthread_run(fn, NULL, "%s", name);
	if (IS_ERR(t)) {
		module_put(THIS_MODULE);
		return PTR_ERR(t);
	}
	return 0;
}

static ssize_t kcanary_provoke_write(struct file *file,
				     const char __user *ubuf, size_t len,
				     loff_t *ppos)
{
	char buf[16], *kind;
	int ret = 0;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	kind = strim(buf);

	pr_info("kcanary: provoking %s\n", kind);
	if (!strcmp(kind, "lockdep"))
		provoke_lockdep();
	else if (!strcmp(kind, "sleep"))
		provoke_sleep();
	else if (!strcmp(kind, "warn"))
		WARN(1, "kcanary: provoked warning\n");
	else if (!strcmp(kind, "leak"))
		provoke_leak();
	else if (!strcmp(kind, "kasan"))
		provoke_kasan();
	else if (!strcmp(kind, "hung"))
		ret = provoke_thread(kcanary_hang, "kcanary-hung");
	else if (!strcmp(kind, "bug"))
		ret = provoke_thread(kcanary_bug, "kcanary-bug");
	else
		ret = -EINVAL;
	return ret ? ret : len;
}

static const struct file_operations kcanary_provoke_fops = {
	.owner = THIS_MODULE,
	.write = kcanary_provoke_write,
};

static int __init kcanary_init(void)
{
	mutex_init(&kc.lock);
	init_completion(&kc.work_done);
	INIT_WORK(&kc.work, kcanary_work);
	kc.buf = kzalloc(KCANARY_BUF, GFP_KERNEL);
	if (!kc.buf)
		return -ENOMEM;
	kc.ticker = kthread_run(kcanary_ticker, NULL, "kcanary");
	if (IS_ERR(kc.ticker)) {
		kfree(kc.buf);
		return PTR_ERR(kc.ticker);
	}
	timer_setup(&kc.timer, kcanary_timer, 0);
	mod_timer(&kc.timer, jiffies + msecs_to_jiffies(20));
	kc.dir = debugfs_create_dir("kcanary", NULL);
	debugfs_create_file("ping", 0600, kc.dir, NULL, &kcanary_ping_fops);
	debugfs_create_file("provoke", 0200, kc.dir, NULL,
			    &kcanary_provoke_fops);
	pr_info("kcanary: loaded\n");
	return 0;
}

static void __exit kcanary_exit(void)
{
	/* No new writers first; then what runs on its own, then the memory. */
	debugfs_remove_recursive(kc.dir);
	kthread_stop(kc.ticker);
	timer_shutdown_sync(&kc.timer);
	cancel_work_sync(&kc.work);
	kfree(kc.buf);
	pr_info("kcanary: unloaded\n");
}

module_init(kcanary_init);
module_exit(kcanary_exit);
MODULE_DESCRIPTION("syscallgen kernel tests: module cycles and report provoker");
MODULE_LICENSE("GPL");
