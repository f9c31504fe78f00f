// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * sgwire_helper.c: the call runtime of a kernel driver that embeds a helper program and talks to
 * it over the User Mode Driver pipes with a protocol syscallgen generated. A generated
 * <proto>_helper.c includes this file, so every function here is static and two drivers in one
 * kernel share no symbol; it describes its protocol in a struct sgwire_helper_desc and wraps the
 * functions below in typed ones (runtime/DESIGN.md is the contract).
 *
 * Threads. create starts two kernel threads that live until destroy. The reader owns the helper
 * process: it forks it from the blob (sgwire_umd_fork()), reads and dispatches its frames,
 * and when the stream ends tears the process down and, after a back-off, forks the next. The
 * sender writes frames to the helper, in order: the welcome, pings and the slots callers queue.
 * A caller who finds nothing queued and nobody writing writes its own frame instead, which saves
 * two thread switches per call, but never waits: its file is non-blocking and a frame is at most
 * PIPE_BUF, so a full pipe takes nothing and the frame is queued for the sender after all. So a
 * helper that stops reading blocks only the sender, and the reader never writes, so it never
 * blocks on a full pipe either. The reader holds the pipe's read end too, so a write after the
 * helper died never raises SIGPIPE in a caller.
 *
 * Reads never block either: every read is non-blocking, and whoever holds the stream sleeps
 * between reads until the pipe wakes it (sgwire_helper_pipe_wake()). The reader thread holds
 * it, but a caller waiting for its reply takes it when it is free and reads the reply itself,
 * saving the other two switches of a call (sgwire_helper_lead()). Such a caller handles only
 * replies, pongs and log lines; it leaves anything else, notifications above all (their ops
 * run in the reader thread only), to the reader thread, and gives the stream back once its
 * reply is in. A delayed work, the watchdog, runs every liveness interval while a helper runs:
 * it queues a ping, and kills a helper that missed its pong or its hello, or whose process is
 * gone. A second work prints the helper's log lines and the runtime's reports of bad frames, so
 * a slow console never stalls whoever reads.
 *
 * Locking. One spinlock, h->lock, guards all shared state: the helper's state, the slots and
 * their lists, the counters, the log ring, the ping. It is held only for short sections that
 * never sleep (and never in interrupt context); under it the runtime may send a signal
 * (kill_pid(), send_sig()), wake a waiter or complete a call, which take the scheduler's and
 * the signal code's locks inside it, never the other way round. The pipe's wake callback takes
 * no lock of the runtime's, only the wait queues'. The reader holds no lock when it calls
 * dispatch (and the driver's op); a reply is decoded into the caller's struct under the lock,
 * so a caller that gives up never races a decode.
 *
 * Memory. Everything is allocated by create: the slots and their frames, the reader's frame, the
 * log ring. Nothing is allocated later on behalf of the helper or of callers (forking a helper
 * allocates in the kernel, at most once per back-off), and no frame is built on a stack. The
 * reader's steps that have locals of their own are noinline: inlined into the reader thread they
 * would add up, with KASAN's redzones, to a frame over 512 bytes.
 *
 * Slots. max_calls slots, each with room for the largest frame the kernel sends, are allocated
 * at create; a call or notification holds one from before it encodes its frame until its answer
 * is taken. A slot is on at most one of the lists free, queue (waiting for the sender) and sent
 * (written or being written, waiting for a reply):
 *
 *   FREE --caller takes--> OWNED --encoded, helper up--> QUEUED --sender takes--> SENT
 *   SENT --reply, or the helper lost--> DONE --caller takes the answer--> FREE
 *   QUEUED --caller gives up--> FREE (never written)    SENT --caller gives up--> FREE
 *
 * A notification's slot is given to the runtime once queued: the sender frees it once written,
 * the teardown if it never was. The flag sending says the sender is writing the slot's frame: a
 * slot freed meanwhile is only marked abandoned, and the sender frees it when the write returns,
 * so a frame is never rewritten under the sender. Sequence numbers count up from 1 (0 is never
 * used) across helpers, so a late reply matches no slot until 2^32 calls later.
 *
 * Teardown. Whoever decides a helper must go (the watchdog, the sender on a write error, stop)
 * marks the session ending, SIGKILLs the helper, wakes the reader and, under the lock, signals
 * the sender if it is inside a pipe write: it allows SIGKILL from the kernel only
 * (allow_kernel_signal()), so root's kill -9 on it does nothing, and the signal ends a write
 * that would otherwise wait for a process that keeps the pipes (a child the helper forked). The
 * reader then fails what is in flight, waits for a caller holding the stream to give it back
 * (it does once its call failed), kills the helper (again), waits a bounded time for its thread
 * group to exit, releases the pipes (sgwire_umd_release()) and schedules the next start. No
 * wait in the runtime is unbounded but destroy's wait for callers still inside a call, who
 * return at once when it begins.
 *
 * Messages, each "<name>: " and then (stable wording, for tests to match):
 *   helper pid N started
 *   helper pid N up: "NAME", runtime version V, features 0xF
 *   helper: TEXT                 (a log line: its level, the ceiling applied; escaped)
 *   N helper log lines dropped
 *   malformed WHAT from helper (type T, seq S): skipped     (WHAT: log line, reply, ...)
 *   reply (type T, seq S) matches no call in flight: dropped
 *   helper pid N sent type T before hello
 *   helper pid N sent a second hello
 *   helper pid N sent a malformed hello
 *   helper pid N speaks runtime version V, driver 1
 *   helper pid N sent a bad frame header (version V, type T, length L): ERR
 *   helper pid N hung: no pong in MS ms, killing it
 *   helper pid N sent no hello in MS ms, killing it
 *   helper pid N has exited
 *   cannot write to helper pid N: ERR, killing it
 *   helper pid N said bye (reason R): not restarting until started again
 *   helper pid N has not exited MS ms after SIGKILL
 *   helper pid N ended (HOW), restarting in MS ms   (HOW: exit code C, killed by signal S)
 *   helper pid N ended (HOW), not restarting
 *   cannot start the helper: ERR, retrying in MS ms
 *   stopping the helper for good                   (destroy, or reboot, halt, power-off)
 *   the helper has not stopped in MS ms
 *
 * Kernels: 5.10 to 7.x (test/kernel boots them). Kernels before 5.18 build with -std=gnu89,
 * which this file keeps to; the UMD's umd_cleanup_helper() is in 5.12 and was
 * backported to 5.10.y (5.10.262 has it) and 5.11.11; <linux/unaligned.h> is
 * <asm/unaligned.h> before 6.12 (see sgwire.h); on 5.10, thread_group_exited(pid) says what
 * sgwire_helper_exited() computes, which 6.12 no longer has.
 */
#include <linux/bitmap.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/minmax.h>
#include <linux/pid.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/rcupdate.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "sgwire.h"
#include "sgwire_helper.h"

/*
 * How the helper's process is made. Where the kernel has the User Mode Driver
 * (CONFIG_USERMODE_DRIVER, 5.9 to 6.16), its functions do it. Linux 6.17 removed them, and a
 * 6.12.y kernel has them only if a built-in driver selects USERMODE_DRIVER; there the runtime
 * does the same itself (SGWIRE_OWN_SPAWN, below): the blob in a private tmpfs, exec'd by a
 * usermode helper whose init callback gives it the two pipes as fds 0 and 1 and the tmpfs as its
 * working directory. That needs functions the kernel does not export (create_pipe_files(),
 * replace_fd(), set_fs_pwd(), put_filesystem(), task_work_run()), so only a driver built into
 * the kernel can have it. A module needs the kernel's UMD built in: on a kernel without
 * <linux/usermode_driver.h> (examples/kbuild/protocol-helper.mk then defines SGWIRE_NO_UMD) it
 * cannot work at all, and the build says so. Defining SGWIRE_OWN_SPAWN by hand picks the
 * runtime's own in any build (the tests compile it in a module that never links).
 */
#if !defined(SGWIRE_OWN_SPAWN) && !IS_ENABLED(CONFIG_USERMODE_DRIVER) && !defined(MODULE)
#define SGWIRE_OWN_SPAWN
#endif

#ifndef SGWIRE_OWN_SPAWN
#ifdef SGWIRE_NO_UMD
#error "no User Mode Driver in this kernel (6.17 and later): build the driver in, not as a module"
#endif
#include <linux/usermode_driver.h>

#define sgwire_umd		umd_info
#define sgwire_umd_load_blob	umd_load_blob
#define sgwire_umd_unload_blob	umd_unload_blob
#define sgwire_umd_fork		fork_usermode_driver
#define sgwire_umd_release	umd_cleanup_helper
#else
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/pipe_fs_i.h>
#include <linux/task_work.h>
#include <linux/umh.h>

/**
 * struct sgwire_umd - A helper process made by the runtime, as struct umd_info describes one.
 * @driver_name: the helper's argv[0] and its file's name in the tmpfs.
 * @pipe_to_umh: the write end of the pipe that is the helper's fd 0.
 * @pipe_from_umh: the read end of the pipe that is the helper's fd 1.
 * @wd: the private tmpfs holding the blob, the helper's working directory.
 * @tgid: the helper's pid, from the fork until sgwire_umd_release().
 */
struct sgwire_umd {
	const char *driver_name;
	struct file *pipe_to_umh;
	struct file *pipe_from_umh;
	struct path wd;
	struct pid *tgid;
};

/**
 * sgwire_umd_load_blob() - Write the helper into a new private tmpfs, as @info's file.
 * @info: the helper, its name set and no blob loaded.
 * @data: the helper's ELF file.
 * @len: its size.
 *
 * Return: 0, or -ENODEV without tmpfs, or the error of the mount, the open or the write.
 */
static int sgwire_umd_load_blob(struct sgwire_umd *info, const void *data, size_t len)
{
	struct file_system_type *tmpfs = get_fs_type("tmpfs");
	struct vfsmount *mnt;
	struct file *file;
	loff_t pos = 0;
	ssize_t n;

	if (!tmpfs)
		return -ENODEV;
	mnt = kern_mount(tmpfs);
	put_filesystem(tmpfs);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	file = file_open_root_mnt(mnt, info->driver_name, O_CREAT | O_WRONLY, 0700);
	if (IS_ERR(file)) {
		kern_unmount(mnt);
		return PTR_ERR(file);
	}
	n = kernel_write(file, data, len, &pos);
	if (n < 0 || (size_t)n != len) {
		filp_close(file, NULL);
		kern_unmount(mnt);
		return n < 0 ? n : -ENOSPC;
	}
	/* exec refuses a file still open for writing: finish the deferred close now. */
	fput(file);
	flush_delayed_fput();
	task_work_run();
	info->wd.mnt = mnt;
	info->wd.dentry = mnt->mnt_root;
	return 0;
}

/**
 * sgwire_umd_unload_blob() - Unmount the tmpfs sgwire_umd_load_blob() made.
 * @info: the helper, with a blob loaded and no process.
 *
 * Return: 0.
 */
static int sgwire_umd_unload_blob(struct sgwire_umd *info)
{
	kern_unmount(info->wd.mnt);
	info->wd.mnt = NULL;
	info->wd.dentry = NULL;
	return 0;
}

/**
 * sgwire_umd_setup() - Give the new helper its pipes and its working directory, before exec.
 * @sub: the usermode helper's info; its data is the struct sgwire_umd.
 * @new: the helper's credentials, not used.
 *
 * Runs in the new process, whose file table is its own copy. A failure here ends the process
 * before the exec, and call_usermodehelper_exec() returns the error.
 *
 * Return: 0, or the error of create_pipe_files() or replace_fd().
 */
static int sgwire_umd_setup(struct subprocess_info *sub, struct cred *new)
{
	struct sgwire_umd *info = sub->data;
	struct file *to[2], *from[2];
	int err;

	err = create_pipe_files(to, 0);
	if (err)
		return err;
	err = create_pipe_files(from, 0);
	if (err) {
		fput(to[0]);
		fput(to[1]);
		return err;
	}
	err = replace_fd(0, to[0], 0);
	if (err >= 0)
		err = replace_fd(1, from[1], 0);
	/* The file table holds the helper's ends now, or the process is about to exit. */
	fput(to[0]);
	fput(from[1]);
	if (err < 0) {
		fput(to[1]);
		fput(from[0]);
		return err;
	}
	set_fs_pwd(current->fs, &info->wd);
	info->pipe_to_umh = to[1];
	info->pipe_from_umh = from[0];
	info->tgid = get_pid(task_tgid(current));
	return 0;
}

static void sgwire_umd_release(struct sgwire_umd *info);

/**
 * sgwire_umd_exec_failed() - Release what sgwire_umd_setup() took when the exec after it failed.
 * @sub: the usermode helper's info, freed after this.
 */
static void sgwire_umd_exec_failed(struct subprocess_info *sub)
{
	struct sgwire_umd *info = sub->data;

	if (sub->retval && info->tgid)
		sgwire_umd_release(info);
}

/**
 * sgwire_umd_fork() - Start the helper from the tmpfs, with its pipes, and wait for its exec.
 * @info: the helper, its blob loaded and no process running.
 *
 * Return: 0, or -ENOMEM, or the error of the setup or the exec (-EBUSY while usermode helpers
 * are disabled, as around a reboot).
 */
static int sgwire_umd_fork(struct sgwire_umd *info)
{
	char *argv[2] = { (char *)info->driver_name, NULL };
	struct subprocess_info *sub;

	sub = call_usermodehelper_setup(info->driver_name, argv, NULL, GFP_KERNEL,
					sgwire_umd_setup, sgwire_umd_exec_failed, info);
	if (!sub)
		return -ENOMEM;
	return call_usermodehelper_exec(sub, UMH_WAIT_EXEC);
}

/**
 * sgwire_umd_release() - Drop the pipes and the pid of a helper that has ended.
 * @info: the helper.
 */
static void sgwire_umd_release(struct sgwire_umd *info)
{
	fput(info->pipe_to_umh);
	fput(info->pipe_from_umh);
	put_pid(info->tgid);
	info->tgid = NULL;
}
#endif /* SGWIRE_OWN_SPAWN */

/* Calls in flight when the config says 0, and the most it may say. */
#define SGWIRE_HELPER_CALLS		32
#define SGWIRE_HELPER_CALLS_MAX		1024
/* The liveness defaults, for a desc that says 0. */
#define SGWIRE_HELPER_INTERVAL_MS	1000
#define SGWIRE_HELPER_TIMEOUT_MS	5000
/* How long a new helper has for its hello: a Go runtime under emulation starts slowly. */
#define SGWIRE_HELPER_HELLO_MS		30000
/* How long a SIGKILLed helper has to exit before the runtime goes on without it. */
#define SGWIRE_HELPER_EXIT_MS		10000
/* Respawn back-off: 0.5 s doubling to 30 s, reset by 60 s of uptime. */
#define SGWIRE_HELPER_BACKOFF_MIN_MS	500
#define SGWIRE_HELPER_BACKOFF_MAX_MS	30000
#define SGWIRE_HELPER_HEALTHY_MS	60000
/* The least back-off after a death the runtime did not cause (init's kill(-1) before reboot). */
#define SGWIRE_HELPER_UNCAUSED_MS	1000
/* Log lines, and reports of bad frames, printed per period. */
#define SGWIRE_HELPER_RATE_MS		5000
#define SGWIRE_HELPER_LOG_BURST		20
#define SGWIRE_HELPER_BAD_BURST		5
/* Lines waiting for the console, at most. */
#define SGWIRE_HELPER_LOG_RING		16
/* The driver's name, with its NUL. */
#define SGWIRE_HELPER_NAME_SIZE		32

struct sgwire_helper;

/*
 * Encode a request or notification payload from the caller's struct (the payload is zeroed
 * first): 0, or -EINVAL for a struct that breaks a rule of the wire. Decode a reply's payload
 * into the caller's struct: 0, or -EBADMSG.
 */
typedef int (*sgwire_encode_fn)(u8 *payload, const void *msg);
typedef int (*sgwire_decode_fn)(const u8 *payload, void *msg);

/**
 * struct sgwire_helper_desc - How a generated <proto>_helper.c describes its protocol.
 * @proto: the protocol, <proto>_protocol().
 * @liveness_interval_ms: how often the runtime pings the helper; 0 means 1000.
 * @liveness_timeout_ms: how long a ping may go unanswered before the helper is deemed hung and
 *                       restarted; 0 means 5000. Also how long a notification waits for a slot.
 * @max_request: the largest payload the kernel sends (requests, notifications to the helper).
 * @dispatch: called by the reader for a frame to the kernel that is not a reply, a log line or a
 *            control frame, its header checked and its payload exactly the type's size: check
 *            and decode the payload and call the driver's op. Returns 0, or -EBADMSG for a
 *            payload the decoder refuses or a type that is no notification to the kernel
 *            (skipped and counted).
 *
 * Const, one per protocol.
 */
struct sgwire_helper_desc {
	const struct sgwire_protocol *proto;
	unsigned int liveness_interval_ms;
	unsigned int liveness_timeout_ms;
	size_t max_request;
	int (*dispatch)(struct sgwire_helper *h, u16 type, const u8 *payload);
};

/**
 * enum sgwire_helper_slot_state - Where a slot is in its life; see the top of this file.
 * @SGWIRE_SLOT_FREE: on the free list, or abandoned while the sender writes it.
 * @SGWIRE_SLOT_OWNED: taken by a caller, who encodes its frame.
 * @SGWIRE_SLOT_QUEUED: on the send queue.
 * @SGWIRE_SLOT_SENT: taken by the sender; a call's is on the sent list until its reply.
 * @SGWIRE_SLOT_DONE: the call's answer is in the slot, for its caller to take.
 */
enum sgwire_helper_slot_state {
	SGWIRE_SLOT_FREE,
	SGWIRE_SLOT_OWNED,
	SGWIRE_SLOT_QUEUED,
	SGWIRE_SLOT_SENT,
	SGWIRE_SLOT_DONE,
};

/**
 * struct sgwire_helper_slot - One call or notification in flight; all but @frame under h->lock.
 * @node: on the free, queue or sent list, or alone.
 * @state: see enum sgwire_helper_slot_state.
 * @call: a call, awaiting a reply; else a notification, which the runtime frees once written.
 * @sending: the sender is writing @frame.
 * @abandoned: freed while @sending: the sender frees it when its write returns.
 * @reply_type: the type the call's reply must have.
 * @seq: the frame's sequence number.
 * @size: the frame's size.
 * @err: the call's answer once DONE: 0 with @reply filled, or an errno.
 * @dec: the call's reply decoder.
 * @reply: the caller's struct @dec fills.
 * @done: completed when the slot becomes DONE.
 * @frame: the frame, written by the caller while OWNED, read by the sender while @sending.
 */
struct sgwire_helper_slot {
	struct list_head node;
	enum sgwire_helper_slot_state state;
	bool call;
	bool sending;
	bool abandoned;
	u16 reply_type;
	u32 seq;
	u32 size;
	int err;
	sgwire_decode_fn dec;
	void *reply;
	struct completion done;
	u8 *frame;
};

/**
 * enum sgwire_helper_state - Whether a helper process runs, and how far it got.
 * @SGWIRE_HELPER_IDLE: none runs: not started, backing off, after a bye, or stopped.
 * @SGWIRE_HELPER_FORKING: the reader is forking one.
 * @SGWIRE_HELPER_STARTING: it runs and has not said hello yet.
 * @SGWIRE_HELPER_UP: its hello was answered: calls and notifications flow.
 * @SGWIRE_HELPER_ENDING: the reader is tearing it down.
 */
enum sgwire_helper_state {
	SGWIRE_HELPER_IDLE,
	SGWIRE_HELPER_FORKING,
	SGWIRE_HELPER_STARTING,
	SGWIRE_HELPER_UP,
	SGWIRE_HELPER_ENDING,
};

/**
 * enum sgwire_helper_end - Why a running helper is being ended.
 * @SGWIRE_END_NONE: it is not.
 * @SGWIRE_END_STOP: the runtime is stopping (destroy, reboot).
 * @SGWIRE_END_HUNG: it did not answer a ping in time.
 * @SGWIRE_END_HELLO: it did not say hello in time.
 * @SGWIRE_END_EXITED: its process is gone (maybe a child still holds the pipes).
 * @SGWIRE_END_WRITE: the sender could not write to it.
 * @SGWIRE_END_READER: the reader ended it: the pipe's end, a lost stream, a bye.
 */
enum sgwire_helper_end {
	SGWIRE_END_NONE,
	SGWIRE_END_STOP,
	SGWIRE_END_HUNG,
	SGWIRE_END_HELLO,
	SGWIRE_END_EXITED,
	SGWIRE_END_WRITE,
	SGWIRE_END_READER,
};

/**
 * struct sgwire_helper_line - A line waiting for the console.
 * @level: its printk level, the ceiling applied.
 * @helper: a helper's log line, printed escaped; else a report of the runtime's own.
 * @text: NUL-terminated.
 */
struct sgwire_helper_line {
	u8 level;
	bool helper;
	char text[SGWIRE_LOG_TEXT_SIZE];
};

/**
 * struct sgwire_helper - The runtime of one driver's helper.
 * @desc: the protocol.
 * @name: the driver's name.
 * @priv: the driver's, for its ops.
 * @log_ceiling: the most severe level a helper's line prints at.
 * @features: the feature bits the driver offers.
 * @max_calls: the number of slots.
 * @interval_ms: the ping interval.
 * @timeout_ms: the pong timeout.
 * @info: the helper process, its pipes and pid; the reader's (create and destroy load and
 *        unload its blob).
 * @task: the running helper's leader, so its exit code can be read after it exits; the reader's.
 * @rbuf: the buffer the reader reads frames into; the reader's.
 * @frames: the frame reader on @rbuf, started again for each helper; whoever holds the stream's.
 * @from_now: the pipe from the helper opened again, non-blocking, for every read; the reader's
 *            (set before the helper can be up, cleared after no caller can hold the stream).
 * @pipe_head: the pipe's wait queue, where @pipe_wait is while @from_now is open.
 * @pipe_wait: sgwire_helper_pipe_wake(), called when the helper writes or the pipe ends.
 * @pipe_poll: adds @pipe_wait to the pipe's wait queue (vfs_poll()).
 * @readable: the pipe may have bytes: set on every wake, cleared before every read.
 * @sbuf: the control frame the sender writes; the sender's.
 * @print: the line the log work prints; the log work's.
 * @reader: the reader thread.
 * @sender: the sender thread.
 * @reboot_nb: stops the runtime at reboot, halt and power-off.
 * @watchdog: pings the helper, and kills it when hung.
 * @log_work: prints @ring.
 * @slots: @max_calls slots, each with its frame.
 * @reply_types: which of the protocol's types are some call's reply, by index in its table.
 * @lock: guards everything below.
 * @wait: callers wait here for a slot or a helper, stop and destroy for the reader and callers.
 * @reader_wq: the reader waits here for a start or stop, the pipe, or the stream back.
 * @lead_wq: the caller who holds the stream waits here for the pipe or its reply.
 * @sender_wq: the sender waits here for a frame to write.
 * @state: see enum sgwire_helper_state.
 * @ending: see enum sgwire_helper_end; set while @state is STARTING or UP only.
 * @want_run: started, and no bye since.
 * @stopping: destroy or reboot began: nothing starts again.
 * @byed: the last helper said bye.
 * @respawning: the next helper started is a respawn.
 * @in_read: the reader thread holds the stream: it reads or handles a frame.
 * @lead: a caller holds the stream: it reads while it waits for its reply.
 * @reader_due: a caller left a frame for the reader thread: no caller takes the stream until
 *              the reader thread has had it.
 * @in_write: the sender is in a pipe write, where a signal may end it.
 * @fast_write: a caller is writing its own frame (sgwire_helper_write_now()).
 * @welcome_due: the sender has a welcome to write.
 * @ping_due: the sender has a ping to write.
 * @ping_out: a ping awaits its pong.
 * @kicks: counts changes the reader waits for.
 * @sender_kicks: counts changes the sender waits for.
 * @users: callers inside call() or notify().
 * @pid: the running helper's pid (@info's), while @state is STARTING or UP.
 * @to_umh: the pipe to the helper (@info's), while @state is STARTING or UP.
 * @to_now: the same pipe opened again, non-blocking, for callers' own writes; NULL if it could
 *          not be opened. Set with @to_umh, cleared with it.
 * @to_keep: the same pipe's read end, held by the reader from the fork to the teardown so the
 *           pipe always has a reader: a write after the helper died fills the pipe instead of
 *           raising SIGPIPE in the writer, who may be a user process inside a call.
 * @started: when the helper was forked, in jiffies.
 * @up_since: when it said hello.
 * @next_start: when the reader may fork the next helper.
 * @backoff_ms: the back-off after the next death.
 * @ping_nonce: the last ping's nonce.
 * @ping_time: when it was queued.
 * @next_seq: the last sequence number given.
 * @free: free slots.
 * @queue: slots waiting for the sender, in order.
 * @sent: calls written or being written, waiting for a reply.
 * @stats: the counters.
 * @log_rs: the rate limit of helper log lines.
 * @bad_rs: the rate limit of reports of bad frames and late replies.
 * @ring: lines for the log work to print.
 * @ring_head: where the next line goes (modulo the ring's size).
 * @ring_tail: the next line to print.
 * @log_unreported: log lines dropped and not yet reported.
 *
 * A generated struct <proto>_helper embeds it first.
 */
struct sgwire_helper {
	const struct sgwire_helper_desc *desc;
	char name[SGWIRE_HELPER_NAME_SIZE];
	void *priv;
	unsigned int log_ceiling;
	u64 features;
	unsigned int max_calls;
	unsigned int interval_ms;
	unsigned int timeout_ms;

	struct sgwire_umd info;
	struct task_struct *task;
	u8 *rbuf;
	struct sgwire_reader frames;
	struct file *from_now;
	wait_queue_head_t *pipe_head;
	struct wait_queue_entry pipe_wait;
	poll_table pipe_poll;
	bool readable;
	u8 sbuf[SGWIRE_HEADER_SIZE + SGWIRE_WELCOME_SIZE];
	struct sgwire_helper_line print;

	struct task_struct *reader;
	struct task_struct *sender;
	struct notifier_block reboot_nb;
	struct delayed_work watchdog;
	struct work_struct log_work;
	struct sgwire_helper_slot *slots;
	unsigned long *reply_types;

	/* Guards every member below; see "Locking" at the top of this file. */
	spinlock_t lock;
	wait_queue_head_t wait;
	wait_queue_head_t reader_wq;
	wait_queue_head_t sender_wq;
	wait_queue_head_t lead_wq;
	enum sgwire_helper_state state;
	enum sgwire_helper_end ending;
	bool want_run;
	bool stopping;
	bool byed;
	bool respawning;
	bool in_read;
	bool lead;
	bool reader_due;
	bool in_write;
	bool fast_write;
	bool welcome_due;
	bool ping_due;
	bool ping_out;
	unsigned int kicks;
	unsigned int sender_kicks;
	unsigned int users;
	struct pid *pid;
	struct file *to_umh;
	struct file *to_now;
	struct file *to_keep;
	unsigned long started;
	unsigned long up_since;
	unsigned long next_start;
	unsigned int backoff_ms;
	u64 ping_nonce;
	unsigned long ping_time;
	u32 next_seq;
	struct list_head free;
	struct list_head queue;
	struct list_head sent;
	struct sgwire_helper_stats stats;
	struct ratelimit_state log_rs;
	struct ratelimit_state bad_rs;
	struct sgwire_helper_line ring[SGWIRE_HELPER_LOG_RING];
	unsigned int ring_head;
	unsigned int ring_tail;
	u64 log_unreported;
};

/**
 * sgwire_helper_exited() - Whether a helper's whole thread group has exited.
 * @pid: its thread group id.
 *
 * The rule of a pidfd's poll: the leader is gone, or is a zombie with no thread left. Linux 5.10
 * has this as thread_group_exited(), which later kernels dropped.
 *
 * Return: true if it has.
 */
static bool sgwire_helper_exited(struct pid *pid)
{
	struct task_struct *task;
	bool exited;

	rcu_read_lock();
	task = pid_task(pid, PIDTYPE_PID);
	exited = !task || (task->exit_state && !delay_group_leader(task));
	rcu_read_unlock();
	return exited;
}

/**
 * sgwire_helper_kick_sender_locked() - Wake the sender: there is something to write.
 * @h: the runtime.
 */
static void sgwire_helper_kick_sender_locked(struct sgwire_helper *h)
{
	lockdep_assert_held(&h->lock);
	WRITE_ONCE(h->sender_kicks, h->sender_kicks + 1);
	wake_up(&h->sender_wq);
}

/**
 * sgwire_helper_kick_reader_locked() - Wake the reader: a start or a stop.
 * @h: the runtime.
 */
static void sgwire_helper_kick_reader_locked(struct sgwire_helper *h)
{
	lockdep_assert_held(&h->lock);
	WRITE_ONCE(h->kicks, h->kicks + 1);
	wake_up(&h->reader_wq);
}

/**
 * sgwire_helper_end_locked() - Make the running helper go, now.
 * @h: the runtime.
 * @why: the reason, for the reader's teardown.
 *
 * SIGKILLs the helper, and the reader or the sender if it is inside a pipe read or write, which
 * a process holding the other end could make wait for ever. The reader then tears the helper
 * down. Nothing happens if no helper runs or it is already ending.
 */
static void sgwire_helper_end_locked(struct sgwire_helper *h, enum sgwire_helper_end why)
{
	lockdep_assert_held(&h->lock);
	if (h->ending || (h->state != SGWIRE_HELPER_STARTING && h->state != SGWIRE_HELPER_UP))
		return;
	h->ending = why;
	kill_pid(h->pid, SIGKILL, 1);
	sgwire_helper_kick_reader_locked(h);
	if (h->in_write)
		send_sig(SIGKILL, h->sender, 1);
}

/**
 * sgwire_helper_free_locked() - Put a slot back on the free list.
 * @h: the runtime.
 * @slot: the slot, on any list or none.
 *
 * A slot the sender is writing is only marked abandoned: the sender frees it when it is done.
 */
static void sgwire_helper_free_locked(struct sgwire_helper *h, struct sgwire_helper_slot *slot)
{
	lockdep_assert_held(&h->lock);
	list_del_init(&slot->node);
	slot->state = SGWIRE_SLOT_FREE;
	if (slot->sending) {
		slot->abandoned = true;
		return;
	}
	slot->abandoned = false;
	list_add(&slot->node, &h->free);
	wake_up(&h->wait);
}

/**
 * sgwire_helper_done_locked() - Give a call its answer and wake its caller.
 * @h: the runtime.
 * @slot: the call's slot, QUEUED or SENT.
 * @err: 0 if its reply was decoded, else the errno the call returns.
 */
static void sgwire_helper_done_locked(struct sgwire_helper *h, struct sgwire_helper_slot *slot,
				      int err)
{
	list_del_init(&slot->node);
	slot->err = err;
	slot->state = SGWIRE_SLOT_DONE;
	complete(&slot->done);
	/* The caller holding the stream waits on the stream's queue, not its completion. */
	if (h->lead)
		wake_up(&h->lead_wq);
}

/**
 * sgwire_helper_fail_all_locked() - End everything in flight: the helper is going.
 * @h: the runtime.
 * @err: the errno calls return.
 *
 * Notifications not yet written are dropped.
 */
static void sgwire_helper_fail_all_locked(struct sgwire_helper *h, int err)
{
	struct sgwire_helper_slot *slot, *tmp;

	lockdep_assert_held(&h->lock);
	list_for_each_entry_safe(slot, tmp, &h->queue, node) {
		if (slot->call)
			sgwire_helper_done_locked(h, slot, err);
		else
			sgwire_helper_free_locked(h, slot);
	}
	list_for_each_entry_safe(slot, tmp, &h->sent, node)
		sgwire_helper_done_locked(h, slot, err);
}

/**
 * sgwire_helper_queue_line_locked() - Queue a line for the log work, if there is room.
 * @h: the runtime.
 *
 * Return: the line to fill, or NULL if the ring is full.
 */
static struct sgwire_helper_line *sgwire_helper_queue_line_locked(struct sgwire_helper *h)
{
	lockdep_assert_held(&h->lock);
	if (h->ring_head - h->ring_tail >= SGWIRE_HELPER_LOG_RING)
		return NULL;
	return &h->ring[h->ring_head++ % SGWIRE_HELPER_LOG_RING];
}

/**
 * sgwire_helper_report() - Report a frame the reader skipped, rate-limited.
 * @h: the runtime.
 * @hdr: the frame's header.
 * @what: "log line", "reply", ... for a malformed frame, NULL for a late reply.
 *
 * A malformed frame is counted in bad_frames, and its report, when the rate limit or the ring
 * drops it, in bad_frames_dropped; a late reply in late_replies.
 */
static noinline void sgwire_helper_report(struct sgwire_helper *h,
					  const struct sgwire_header *hdr, const char *what)
{
	struct sgwire_helper_line *line = NULL;

	spin_lock(&h->lock);
	if (what)
		h->stats.bad_frames++;
	else
		h->stats.late_replies++;
	if (__ratelimit(&h->bad_rs))
		line = sgwire_helper_queue_line_locked(h);
	if (line) {
		line->helper = false;
		line->level = LOGLEVEL_WARNING;
		if (what)
			scnprintf(line->text, sizeof(line->text),
				  "malformed %s from helper (type %u, seq %u): skipped",
				  what, hdr->type, hdr->seq);
		else
			scnprintf(line->text, sizeof(line->text),
				  "reply (type %u, seq %u) matches no call in flight: dropped",
				  hdr->type, hdr->seq);
	} else if (what) {
		h->stats.bad_frames_dropped++;
	}
	spin_unlock(&h->lock);
	if (line)
		queue_work(system_unbound_wq, &h->log_work);
}

/**
 * sgwire_helper_print() - Print a line of the ring.
 * @h: the runtime.
 * @line: the line.
 *
 * A helper's line is escaped (%pE: newlines, control characters and other non-printable bytes
 * as \n, \033 and so on) after the driver's name, at its level, the ceiling applied; its debug
 * lines go through pr_debug(), printed where dynamic debug enables them.
 */
static void sgwire_helper_print(struct sgwire_helper *h, const struct sgwire_helper_line *line)
{
	int len = strnlen(line->text, sizeof(line->text));

	if (!line->helper) {
		pr_warn("%s: %.*s\n", h->name, len, line->text);
		return;
	}
	switch (line->level) {
	case LOGLEVEL_EMERG:
	case LOGLEVEL_ALERT:
		pr_alert("%s: helper: %*pE\n", h->name, len, line->text);
		break;
	case LOGLEVEL_CRIT:
		pr_crit("%s: helper: %*pE\n", h->name, len, line->text);
		break;
	case LOGLEVEL_ERR:
		pr_err("%s: helper: %*pE\n", h->name, len, line->text);
		break;
	case LOGLEVEL_WARNING:
		pr_warn("%s: helper: %*pE\n", h->name, len, line->text);
		break;
	case LOGLEVEL_NOTICE:
		pr_notice("%s: helper: %*pE\n", h->name, len, line->text);
		break;
	case LOGLEVEL_DEBUG:
		pr_debug("%s: helper: %*pE\n", h->name, len, line->text);
		break;
	default:
		pr_info("%s: helper: %*pE\n", h->name, len, line->text);
		break;
	}
}

/**
 * sgwire_helper_log_work() - Print the lines the reader queued, and how many it dropped.
 * @work: the runtime's log_work.
 */
static void sgwire_helper_log_work(struct work_struct *work)
{
	struct sgwire_helper *h = container_of(work, struct sgwire_helper, log_work);
	bool have;
	u64 dropped;

	do {
		spin_lock(&h->lock);
		dropped = h->log_unreported;
		h->log_unreported = 0;
		have = h->ring_head != h->ring_tail;
		if (have)
			h->print = h->ring[h->ring_tail++ % SGWIRE_HELPER_LOG_RING];
		spin_unlock(&h->lock);
		if (dropped)
			pr_warn("%s: %llu helper log lines dropped\n", h->name, dropped);
		if (have)
			sgwire_helper_print(h, &h->print);
	} while (have);
}

/**
 * sgwire_helper_log() - Handle a log line from the helper.
 * @h: the runtime.
 * @hdr: its frame's header.
 * @payload: its payload.
 *
 * Queued for the log work with the ceiling applied, unless the rate limit or a full ring drops
 * it; a malformed one is skipped and reported.
 */
static noinline void sgwire_helper_log(struct sgwire_helper *h,
				       const struct sgwire_header *hdr, const u8 *payload)
{
	struct sgwire_helper_line *line = NULL;

	if (sgwire_check_log(payload)) {
		sgwire_helper_report(h, hdr, "log line");
		return;
	}
	spin_lock(&h->lock);
	h->stats.log_lines++;
	if (__ratelimit(&h->log_rs))
		line = sgwire_helper_queue_line_locked(h);
	if (line) {
		line->helper = true;
		line->level = max_t(unsigned int, sgwire_get_u8(payload), h->log_ceiling);
		memcpy(line->text, payload + 1, sizeof(line->text));
	} else {
		h->stats.log_dropped++;
		h->log_unreported++;
	}
	spin_unlock(&h->lock);
	if (line)
		queue_work(system_unbound_wq, &h->log_work);
}

/**
 * sgwire_helper_hello() - Handle the helper's hello: answer it, and let calls flow.
 * @h: the runtime.
 * @payload: the hello's payload.
 *
 * Return: 0, -EBADMSG for a malformed hello or -EPROTO for another runtime version, which end
 * the stream.
 */
static noinline int sgwire_helper_hello(struct sgwire_helper *h, const u8 *payload)
{
	struct sgwire_hello m;
	u32 nr = READ_ONCE(h->stats.pid);
	u64 agreed;

	if (sgwire_get_hello(payload, &m)) {
		pr_err("%s: helper pid %u sent a malformed hello\n", h->name, nr);
		return -EBADMSG;
	}
	if (m.version != SGWIRE_RUNTIME_VERSION) {
		pr_err("%s: helper pid %u speaks runtime version %u, driver %u\n",
		       h->name, nr, m.version, SGWIRE_RUNTIME_VERSION);
		return -EPROTO;
	}
	agreed = h->features & m.features;
	spin_lock(&h->lock);
	if (!h->ending) {
		h->state = SGWIRE_HELPER_UP;
		h->up_since = jiffies;
		h->stats.features = agreed;
		h->welcome_due = true;
		sgwire_helper_kick_sender_locked(h);
	}
	spin_unlock(&h->lock);
	wake_up_all(&h->wait);
	pr_info("%s: helper pid %u up: \"%*pE\", runtime version %u, features %#llx\n",
		h->name, nr, (int)strnlen(m.name, sizeof(m.name)), m.name, m.version, agreed);
	return 0;
}

/**
 * sgwire_helper_pong() - Handle a pong: the ping it answers is no longer outstanding.
 * @h: the runtime.
 * @payload: the pong's payload.
 */
static void sgwire_helper_pong(struct sgwire_helper *h, const u8 *payload)
{
	struct sgwire_ping m;

	sgwire_get_ping(payload, &m);
	spin_lock(&h->lock);
	if (h->ping_out && m.nonce == h->ping_nonce)
		h->ping_out = false;
	spin_unlock(&h->lock);
}

/**
 * sgwire_helper_bye() - Handle a bye: the helper is exiting on purpose.
 * @h: the runtime.
 * @hdr: its frame's header.
 * @payload: its payload.
 *
 * Return: 1, the stream ends and no helper is started until the driver asks; or 0 for a
 * malformed bye, skipped.
 */
static int sgwire_helper_bye(struct sgwire_helper *h, const struct sgwire_header *hdr,
			     const u8 *payload)
{
	struct sgwire_bye m;

	if (sgwire_get_bye(payload, &m)) {
		sgwire_helper_report(h, hdr, "bye");
		return 0;
	}
	spin_lock(&h->lock);
	h->stats.byes++;
	h->want_run = false;
	h->byed = true;
	spin_unlock(&h->lock);
	pr_info("%s: helper pid %u said bye (reason %u): not restarting until started again\n",
		h->name, READ_ONCE(h->stats.pid), m.reason);
	return 1;
}

/**
 * sgwire_helper_is_reply() - Whether a type is the reply of some call made so far.
 * @h: the runtime.
 * @type: the type.
 *
 * A reply is never a notification, and a call marks its reply's type before its request is
 * queued, so a reply, late or not, is known here by the time it can arrive.
 *
 * Return: true if it is.
 */
static bool sgwire_helper_is_reply(struct sgwire_helper *h, u16 type)
{
	const struct sgwire_protocol *proto = h->desc->proto;
	const struct sgwire_type *t = sgwire_find_type(proto, type);

	return t && test_bit(t - proto->types, h->reply_types);
}

/**
 * sgwire_helper_reply() - Hand a reply to the call it answers.
 * @h: the runtime.
 * @hdr: its frame's header.
 * @payload: its payload.
 *
 * Matched by sequence number among the calls written; decoded, under the lock, into the
 * caller's struct if its type is the call's reply type and the decoder accepts it, else the call
 * fails with -EBADMSG. A reply that matches no call is dropped and counted.
 */
static void sgwire_helper_reply(struct sgwire_helper *h, const struct sgwire_header *hdr,
				const u8 *payload)
{
	struct sgwire_helper_slot *slot;
	bool found = false;
	int err = 0;

	spin_lock(&h->lock);
	list_for_each_entry(slot, &h->sent, node) {
		if (slot->seq != hdr->seq)
			continue;
		found = true;
		if (hdr->type != slot->reply_type || slot->dec(payload, slot->reply))
			err = -EBADMSG;
		sgwire_helper_done_locked(h, slot, err);
		break;
	}
	spin_unlock(&h->lock);
	if (!found)
		sgwire_helper_report(h, hdr, NULL);
	else if (err)
		sgwire_helper_report(h, hdr, "reply");
}

/**
 * sgwire_helper_frame() - Handle a frame the reader read, its header checked.
 * @h: the runtime.
 * @frame: the frame, in the reader's buffer.
 * @greeted: whether the helper said hello; set by its hello.
 *
 * Return: 0 to read on, 1 after a bye, or a negative errno that ends the stream.
 */
static int sgwire_helper_frame(struct sgwire_helper *h, const u8 *frame, bool *greeted)
{
	const u8 *payload = frame + SGWIRE_HEADER_SIZE;
	struct sgwire_header hdr;
	int err;

	sgwire_get_header(frame, &hdr);
	if (hdr.type == SGWIRE_MSG_LOG) {
		sgwire_helper_log(h, &hdr, payload);
		return 0;
	}
	if (hdr.type == SGWIRE_MSG_HELLO && !*greeted) {
		*greeted = true;
		return sgwire_helper_hello(h, payload);
	}
	if (hdr.type == SGWIRE_MSG_HELLO || !*greeted) {
		if (*greeted)
			pr_err("%s: helper pid %u sent a second hello\n",
			       h->name, READ_ONCE(h->stats.pid));
		else
			pr_err("%s: helper pid %u sent type %u before hello\n",
			       h->name, READ_ONCE(h->stats.pid), hdr.type);
		return -EPROTO;
	}
	if (hdr.type == SGWIRE_MSG_PONG) {
		sgwire_helper_pong(h, payload);
		return 0;
	}
	if (hdr.type == SGWIRE_MSG_BYE)
		return sgwire_helper_bye(h, &hdr, payload);
	if (sgwire_helper_is_reply(h, hdr.type)) {
		sgwire_helper_reply(h, &hdr, payload);
		return 0;
	}
	err = h->desc->dispatch(h, hdr.type, payload);
	if (err) {
		sgwire_helper_report(h, &hdr, "notification");
		return 0;
	}
	spin_lock(&h->lock);
	h->stats.notifications_received++;
	spin_unlock(&h->lock);
	return 0;
}

/**
 * sgwire_helper_pipe_wake() - The helper wrote to its pipe, or the pipe ended: wake its reader.
 * @wait: &h->pipe_wait.
 * @mode: unused.
 * @sync: unused.
 * @key: unused.
 *
 * Called by the pipe under its wait queue's lock: it only wakes whoever holds the stream, the
 * caller reading for its reply or else the reader thread, which take no lock of the pipe's.
 *
 * Return: 0, so the pipe wakes its other waiters too.
 */
static int sgwire_helper_pipe_wake(struct wait_queue_entry *wait, unsigned int mode, int sync,
				   void *key)
{
	struct sgwire_helper *h = container_of(wait, struct sgwire_helper, pipe_wait);

	WRITE_ONCE(h->readable, true);
	/* Pairs with sgwire_helper_resign(): one of the two sees the other's store. */
	smp_mb();
	if (READ_ONCE(h->lead))
		wake_up(&h->lead_wq);
	else
		wake_up(&h->reader_wq);
	return 0;
}

/**
 * sgwire_helper_pipe_queue() - vfs_poll()'s callback: put the runtime on the pipe's wait queue.
 * @file: the pipe.
 * @head: its wait queue for readers.
 * @pt: &h->pipe_poll.
 */
static void sgwire_helper_pipe_queue(struct file *file, wait_queue_head_t *head, poll_table *pt)
{
	struct sgwire_helper *h = container_of(pt, struct sgwire_helper, pipe_poll);

	h->pipe_head = head;
	add_wait_queue(head, &h->pipe_wait);
}

/**
 * sgwire_helper_next() - Read the next frame without waiting, by whoever holds the stream.
 * @h: the runtime.
 * @frame: set to the frame, inside @h->rbuf.
 *
 * Return: sgwire_reader_next()'s result; -EAGAIN when the pipe holds no whole frame yet, and
 * then a wake of @h->pipe_wait follows the next bytes the helper writes.
 */
static int sgwire_helper_next(struct sgwire_helper *h, const u8 **frame)
{
	WRITE_ONCE(h->readable, false);
	/* Cleared before the read: bytes written after it set it again. */
	smp_mb();
	return sgwire_reader_next(&h->frames, h->from_now, h->desc->proto, SGWIRE_TO_KERNEL,
				  frame);
}

/**
 * sgwire_helper_read() - Read and handle the helper's frames until its stream ends.
 * @h: the runtime.
 *
 * The reader thread holds the stream (@h->in_read) for one frame at a time and leaves it to a
 * caller who took it meanwhile (sgwire_helper_lead()) until that caller gives it back.
 *
 * Return: 0 when the runtime ended the helper (h->ending), 1 after a bye, or why the stream
 * ended: -EPIPE at the end of the pipe, another errno for a lost stream.
 */
static noinline int sgwire_helper_read(struct sgwire_helper *h)
{
	struct sgwire_header hdr;
	bool greeted = false;
	unsigned int kicks;
	const u8 *frame;
	bool mine;
	int ret;

	for (;;) {
		spin_lock(&h->lock);
		if (h->ending) {
			spin_unlock(&h->lock);
			return 0;
		}
		kicks = h->kicks;
		mine = !h->lead;
		h->in_read = mine;
		if (mine)
			h->reader_due = false;
		spin_unlock(&h->lock);
		ret = mine ? sgwire_helper_next(h, &frame) : -EAGAIN;
		if (ret == -EAGAIN) {
			spin_lock(&h->lock);
			h->in_read = false;
			spin_unlock(&h->lock);
			wait_event_idle(h->reader_wq, READ_ONCE(h->kicks) != kicks ||
					(READ_ONCE(h->readable) && !READ_ONCE(h->lead)));
			continue;
		}
		if (ret == -EPROTO) {
			sgwire_get_header(h->frames.buf + h->frames.start, &hdr);
			pr_err("%s: helper pid %u sent a bad frame header (version %u, type %u, length %u): %d\n",
			       h->name, READ_ONCE(h->stats.pid), hdr.version, hdr.type, hdr.length,
			       ret);
		}
		if (ret > 0)
			ret = sgwire_helper_frame(h, frame, &greeted);
		spin_lock(&h->lock);
		h->in_read = false;
		if (ret < 0 && h->ending)
			ret = 0;
		spin_unlock(&h->lock);
		if (ret)
			return ret;
	}
}

/**
 * sgwire_helper_lead_frames() - Handle the frames a caller holding the stream may handle.
 * @h: the runtime.
 * @slot: the caller's slot.
 *
 * Replies, pongs and log lines, until @slot's reply is in or the pipe is empty. Anything else
 * (a notification, whose op may take the caller's own locks, a hello or bye, a bad frame, the
 * end of the pipe) is left where it is for the reader thread.
 *
 * Return: 0 if the caller may go on holding the stream, 1 if it must give it back.
 */
static noinline int sgwire_helper_lead_frames(struct sgwire_helper *h,
					      struct sgwire_helper_slot *slot)
{
	struct sgwire_header hdr;
	const u8 *frame;
	int ret;

	while (READ_ONCE(slot->state) != SGWIRE_SLOT_DONE) {
		ret = sgwire_helper_next(h, &frame);
		if (ret == -EAGAIN)
			return 0;
		if (ret < 0)
			return 1;
		sgwire_get_header(frame, &hdr);
		if (hdr.type == SGWIRE_MSG_LOG) {
			sgwire_helper_log(h, &hdr, frame + SGWIRE_HEADER_SIZE);
		} else if (hdr.type == SGWIRE_MSG_PONG) {
			sgwire_helper_pong(h, frame + SGWIRE_HEADER_SIZE);
		} else if (sgwire_helper_is_reply(h, hdr.type)) {
			sgwire_helper_reply(h, &hdr, frame + SGWIRE_HEADER_SIZE);
		} else {
			sgwire_reader_unread(&h->frames, ret);
			return 1;
		}
	}
	return 0;
}

/**
 * sgwire_helper_resign() - Give the stream back to the reader thread.
 * @h: the runtime.
 * @wake: the caller left a frame or the pipe's end for the reader thread.
 */
static void sgwire_helper_resign(struct sgwire_helper *h, bool wake)
{
	spin_lock(&h->lock);
	WRITE_ONCE(h->lead, false);
	/* Else callers arriving meanwhile could take it, and leave the frame, again and again. */
	h->reader_due = wake;
	/* Pairs with sgwire_helper_pipe_wake(). */
	smp_mb();
	if (wake || READ_ONCE(h->readable) || h->frames.end > h->frames.start || h->ending)
		sgwire_helper_kick_reader_locked(h);
	spin_unlock(&h->lock);
}

/**
 * sgwire_helper_describe() - How the last helper ended, once it has exited.
 * @h: the runtime.
 * @buf: where the words go.
 * @size: the room in @buf.
 */
static void sgwire_helper_describe(struct sgwire_helper *h, char *buf, size_t size)
{
	int code;

	if (!h->task || !READ_ONCE(h->task->exit_state)) {
		strscpy(buf, "exit status unknown", size);
		return;
	}
	code = READ_ONCE(h->task->exit_code);
	if (code & 0x7f)
		scnprintf(buf, size, "killed by signal %d", code & 0x7f);
	else
		scnprintf(buf, size, "exit code %d", (code >> 8) & 0xff);
}

/**
 * sgwire_helper_end_session() - Tear the helper down, and plan the next.
 * @h: the runtime.
 * @ret: what sgwire_helper_read() returned.
 *
 * In the one order that cannot hang: fail what is in flight, make the sender drop the pipe,
 * SIGKILL the helper, wait a bounded time for its thread group to exit, release the pipes.
 */
static noinline void sgwire_helper_end_session(struct sgwire_helper *h, int ret)
{
	struct pid *pid = h->info.tgid;
	struct file *to_now, *to_keep;
	enum sgwire_helper_end ending;
	unsigned int delay_ms = 0;
	bool was_up, restart;
	char how[32];
	u32 nr;

	spin_lock(&h->lock);
	ending = h->ending;
	if (!ending) {
		h->ending = SGWIRE_END_READER;
		if (h->in_write)
			send_sig(SIGKILL, h->sender, 1);
	}
	was_up = h->state == SGWIRE_HELPER_UP;
	h->state = SGWIRE_HELPER_ENDING;
	h->to_umh = NULL;
	to_now = h->to_now;
	to_keep = h->to_keep;
	h->to_now = NULL;
	h->to_keep = NULL;
	h->welcome_due = false;
	h->ping_due = false;
	h->ping_out = false;
	h->pid = NULL;
	nr = h->stats.pid;
	sgwire_helper_fail_all_locked(h, h->stopping || ret == 1 ? -ESHUTDOWN : -ECONNRESET);
	spin_unlock(&h->lock);
	wake_up_all(&h->wait);

	/* A caller holding the stream gives it back once its call failed above. */
	wait_event_idle(h->reader_wq, !READ_ONCE(h->lead));
	if (h->from_now) {
		remove_wait_queue(h->pipe_head, &h->pipe_wait);
		fput(h->from_now);
		h->from_now = NULL;
	}
	cancel_delayed_work_sync(&h->watchdog);
	kill_pid(pid, SIGKILL, 1);
	if (!wait_event_idle_timeout(pid->wait_pidfd, sgwire_helper_exited(pid),
				     msecs_to_jiffies(SGWIRE_HELPER_EXIT_MS)))
		pr_warn("%s: helper pid %u has not exited %u ms after SIGKILL\n",
			h->name, nr, SGWIRE_HELPER_EXIT_MS);
	sgwire_helper_describe(h, how, sizeof(how));
	/* Releases the pipes and the pid: in 5.12 and later, and 5.10.y. */
	sgwire_umd_release(&h->info);
	if (to_now)
		fput(to_now);
	if (to_keep)
		fput(to_keep);
	if (h->task) {
		put_task_struct(h->task);
		h->task = NULL;
	}

	spin_lock(&h->lock);
	h->state = SGWIRE_HELPER_IDLE;
	h->ending = SGWIRE_END_NONE;
	h->stats.pid = 0;
	restart = !h->stopping && ret != 1;
	if (restart) {
		h->stats.lost_streams++;
		h->respawning = true;
		if (was_up && time_after_eq(jiffies, h->up_since +
					    msecs_to_jiffies(SGWIRE_HELPER_HEALTHY_MS)))
			h->backoff_ms = SGWIRE_HELPER_BACKOFF_MIN_MS;
		delay_ms = h->backoff_ms;
		/* Killed for a hang or a broken stream: the runtime's doing. Else at least 1 s. */
		if (ending != SGWIRE_END_HUNG && ending != SGWIRE_END_HELLO &&
		    !(ending == SGWIRE_END_NONE && ret < 0 && ret != -EPIPE))
			delay_ms = max_t(unsigned int, delay_ms, SGWIRE_HELPER_UNCAUSED_MS);
		h->backoff_ms = min_t(unsigned int, 2 * h->backoff_ms,
				      SGWIRE_HELPER_BACKOFF_MAX_MS);
		h->next_start = jiffies + msecs_to_jiffies(delay_ms);
	}
	spin_unlock(&h->lock);
	wake_up_all(&h->wait);
	if (restart)
		pr_warn("%s: helper pid %u ended (%s), restarting in %u ms\n",
			h->name, nr, how, delay_ms);
	else
		pr_info("%s: helper pid %u ended (%s), not restarting\n", h->name, nr, how);
}

/**
 * sgwire_helper_reopen() - Open the pipe to the helper again, as /proc/PID/fd/N would.
 * @pipe: the pipe's write end.
 * @flags: the new file's open flags.
 *
 * Return: the new file, or NULL if it cannot be opened: callers then leave all writes to the
 * sender.
 */
static struct file *sgwire_helper_reopen(struct file *pipe, int flags)
{
	struct file *file = dentry_open(&pipe->f_path, flags, current_cred());

	return IS_ERR(file) ? NULL : file;
}

/**
 * sgwire_helper_session() - Fork a helper, serve it until it ends, and tear it down.
 * @h: the runtime, its state FORKING.
 */
static noinline void sgwire_helper_session(struct sgwire_helper *h)
{
	struct file *to_now, *to_keep;
	unsigned int delay_ms;
	int err;
	u32 nr;

	err = sgwire_umd_fork(&h->info);
	/* A kernel whose usermode helpers do nothing (an empty STATIC_USERMODEHELPER_PATH). */
	if (!err && !h->info.tgid)
		err = -ENOEXEC;
	if (err) {
		spin_lock(&h->lock);
		h->state = SGWIRE_HELPER_IDLE;
		delay_ms = h->backoff_ms;
		h->backoff_ms = min_t(unsigned int, 2 * h->backoff_ms,
				      SGWIRE_HELPER_BACKOFF_MAX_MS);
		h->next_start = jiffies + msecs_to_jiffies(delay_ms);
		spin_unlock(&h->lock);
		wake_up_all(&h->wait);
		pr_err("%s: cannot start the helper: %d, retrying in %u ms\n",
		       h->name, err, delay_ms);
		return;
	}
	h->task = get_pid_task(h->info.tgid, PIDTYPE_PID);
	nr = pid_nr(h->info.tgid);
	to_keep = sgwire_helper_reopen(h->info.pipe_to_umh, O_RDONLY);
	to_now = to_keep ? sgwire_helper_reopen(h->info.pipe_to_umh, O_WRONLY | O_NONBLOCK) : NULL;
	sgwire_reader_init(&h->frames, h->rbuf, SGWIRE_MAX_FRAME);
	h->readable = true;
	h->from_now = sgwire_helper_reopen(h->info.pipe_from_umh, O_RDONLY | O_NONBLOCK);
	if (h->from_now)
		vfs_poll(h->from_now, &h->pipe_poll);

	spin_lock(&h->lock);
	h->pid = h->info.tgid;
	h->to_umh = h->info.pipe_to_umh;
	h->to_now = to_now;
	h->to_keep = to_keep;
	h->state = SGWIRE_HELPER_STARTING;
	h->started = jiffies;
	h->stats.pid = nr;
	if (h->respawning)
		h->stats.respawns++;
	/* Stopped while forking: end it at once. */
	if (h->stopping)
		sgwire_helper_end_locked(h, SGWIRE_END_STOP);
	spin_unlock(&h->lock);

	pr_info("%s: helper pid %u started\n", h->name, nr);
	if (!h->from_now) {
		pr_err("%s: cannot open the pipe from helper pid %u\n", h->name, nr);
		sgwire_helper_end_session(h, -ENOMEM);
		return;
	}
	schedule_delayed_work(&h->watchdog, msecs_to_jiffies(h->interval_ms));
	sgwire_helper_end_session(h, sgwire_helper_read(h));
}

/**
 * sgwire_helper_reader() - The reader thread: starts helpers and reads them, until destroy.
 * @data: the runtime.
 *
 * Return: 0.
 */
static int sgwire_helper_reader(void *data)
{
	struct sgwire_helper *h = data;
	unsigned long now;
	unsigned int kicks;
	long delay;

	while (!kthread_should_stop()) {
		spin_lock(&h->lock);
		kicks = h->kicks;
		now = jiffies;
		delay = -1;
		if (h->want_run && !h->stopping)
			delay = time_before(now, h->next_start) ? h->next_start - now : 0;
		if (!delay)
			h->state = SGWIRE_HELPER_FORKING;
		spin_unlock(&h->lock);

		if (!delay)
			sgwire_helper_session(h);
		else if (delay < 0)
			wait_event_idle(h->reader_wq, kthread_should_stop() ||
					READ_ONCE(h->kicks) != kicks);
		else
			wait_event_idle_timeout(h->reader_wq, kthread_should_stop() ||
						READ_ONCE(h->kicks) != kicks, delay);
	}
	return 0;
}

/**
 * sgwire_helper_sending_locked() - Mark a slot as being written.
 * @h: the runtime.
 * @slot: the slot, OWNED or QUEUED.
 *
 * A call's slot moves to the sent list before it is written, since its reply may come before
 * the write returns; a notification's leaves every list.
 */
static void sgwire_helper_sending_locked(struct sgwire_helper *h, struct sgwire_helper_slot *slot)
{
	lockdep_assert_held(&h->lock);
	if (slot->call)
		list_move_tail(&slot->node, &h->sent);
	else
		list_del_init(&slot->node);
	slot->state = SGWIRE_SLOT_SENT;
	slot->sending = true;
}

/**
 * sgwire_helper_take_frame_locked() - The next frame the sender writes, if any.
 * @h: the runtime.
 * @frame: set to the frame.
 * @slotp: set to its slot, or NULL for a control frame.
 *
 * The welcome first, then a ping, then the queue in order; nothing while a caller writes.
 *
 * Return: the frame's size, or 0 if there is nothing to write.
 */
static int sgwire_helper_take_frame_locked(struct sgwire_helper *h, const u8 **frame,
					   struct sgwire_helper_slot **slotp)
{
	struct sgwire_helper_slot *slot;

	lockdep_assert_held(&h->lock);
	*slotp = NULL;
	*frame = h->sbuf;
	if (h->state != SGWIRE_HELPER_UP || h->ending || h->fast_write)
		return 0;
	if (h->welcome_due) {
		struct sgwire_welcome m = {
			.features = h->stats.features,
			.interval_ms = h->interval_ms,
		};

		h->welcome_due = false;
		return sgwire_encode_welcome(h->sbuf, h->desc->proto, &m);
	}
	if (h->ping_due) {
		struct sgwire_ping m = { .nonce = h->ping_nonce };

		h->ping_due = false;
		return sgwire_encode_ping(h->sbuf, h->desc->proto, &m);
	}
	if (list_empty(&h->queue))
		return 0;
	slot = list_first_entry(&h->queue, struct sgwire_helper_slot, node);
	sgwire_helper_sending_locked(h, slot);
	*slotp = slot;
	*frame = slot->frame;
	return slot->size;
}

/**
 * sgwire_helper_written() - Account for a frame written, or not, by the sender or a caller.
 * @h: the runtime.
 * @slot: its slot, or NULL for a control frame.
 * @err: sgwire_write_frame()'s result.
 *
 * A write that fails ends the helper: the pipe is broken or the frame cut.
 */
static void sgwire_helper_written(struct sgwire_helper *h, struct sgwire_helper_slot *slot,
				  int err)
{
	bool report = false, fast;
	u32 nr;

	spin_lock(&h->lock);
	fast = h->fast_write;
	h->in_write = false;
	h->fast_write = false;
	if (slot) {
		slot->sending = false;
		if (!slot->call) {
			if (!err)
				h->stats.notifications_sent++;
			sgwire_helper_free_locked(h, slot);
		} else if (slot->abandoned) {
			sgwire_helper_free_locked(h, slot);
		} else if (err && slot->state == SGWIRE_SLOT_SENT) {
			sgwire_helper_done_locked(h, slot, -ECONNRESET);
		}
	}
	nr = h->stats.pid;
	if (err && !h->ending && h->state == SGWIRE_HELPER_UP) {
		report = true;
		sgwire_helper_end_locked(h, SGWIRE_END_WRITE);
	}
	/* What was queued while a caller wrote waits for the sender. */
	if (fast && (h->welcome_due || h->ping_due || !list_empty(&h->queue)))
		sgwire_helper_kick_sender_locked(h);
	spin_unlock(&h->lock);
	if (report)
		pr_warn("%s: cannot write to helper pid %u: %d, killing it\n", h->name, nr, err);
}

/**
 * sgwire_helper_sender() - The sender thread: writes frames to the helper, until destroy.
 * @data: the runtime.
 *
 * A write to a dead helper's pipe raises no SIGPIPE while the reader holds the pipe's read end
 * (@h->to_keep), and a kernel thread ignores SIGPIPE anyway, should that end be missing.
 *
 * Return: 0.
 */
static int sgwire_helper_sender(void *data)
{
	struct sgwire_helper *h = data;
	struct sgwire_helper_slot *slot;
	struct file *to = NULL;
	unsigned int kicks;
	const u8 *frame;
	int size;

	/* From the kernel only: see sgwire_helper_end_locked(). */
	allow_kernel_signal(SIGKILL);
	while (!kthread_should_stop()) {
		spin_lock(&h->lock);
		kicks = h->sender_kicks;
		size = sgwire_helper_take_frame_locked(h, &frame, &slot);
		if (size > 0) {
			/* Its own reference: the reader may release the pipe meanwhile. */
			to = get_file(h->to_umh);
			flush_signals(current);
			h->in_write = true;
		}
		spin_unlock(&h->lock);

		if (size <= 0) {
			wait_event_idle(h->sender_wq, kthread_should_stop() ||
					READ_ONCE(h->sender_kicks) != kicks);
			continue;
		}
		sgwire_helper_written(h, slot, sgwire_write_frame(to, frame, size));
		fput(to);
	}
	return 0;
}

/**
 * sgwire_helper_watchdog() - Ping the helper, and end it if it is hung or gone.
 * @work: the runtime's watchdog.
 *
 * Runs every liveness interval from the fork until the helper ends. A helper that has not said
 * hello within 30 s (or the liveness timeout, if longer), or has not answered a ping within the
 * liveness timeout, is killed; so is one whose process is gone while its pipe is still open.
 */
static void sgwire_helper_watchdog(struct work_struct *work)
{
	struct sgwire_helper *h = container_of(to_delayed_work(work), struct sgwire_helper,
					       watchdog);
	unsigned long next = msecs_to_jiffies(h->interval_ms);
	unsigned long now = jiffies, due;
	enum sgwire_helper_end end = SGWIRE_END_NONE;
	u32 nr;

	spin_lock(&h->lock);
	if (h->ending || (h->state != SGWIRE_HELPER_STARTING && h->state != SGWIRE_HELPER_UP)) {
		spin_unlock(&h->lock);
		return;
	}
	nr = h->stats.pid;
	if (sgwire_helper_exited(h->pid)) {
		end = SGWIRE_END_EXITED;
	} else if (h->state == SGWIRE_HELPER_STARTING) {
		due = h->started + msecs_to_jiffies(max_t(unsigned int, SGWIRE_HELPER_HELLO_MS,
							  h->timeout_ms));
		if (time_after_eq(now, due))
			end = SGWIRE_END_HELLO;
	} else if (h->ping_out) {
		due = h->ping_time + msecs_to_jiffies(h->timeout_ms);
		if (time_after_eq(now, due))
			end = SGWIRE_END_HUNG;
		else
			next = min(next, due - now);
	} else {
		h->ping_out = true;
		h->ping_due = true;
		h->ping_nonce++;
		h->ping_time = now;
		sgwire_helper_kick_sender_locked(h);
	}
	if (end == SGWIRE_END_HUNG || end == SGWIRE_END_HELLO)
		h->stats.hung++;
	if (end)
		sgwire_helper_end_locked(h, end);
	spin_unlock(&h->lock);

	switch (end) {
	case SGWIRE_END_NONE:
		schedule_delayed_work(&h->watchdog, next);
		break;
	case SGWIRE_END_HUNG:
		pr_warn("%s: helper pid %u hung: no pong in %u ms, killing it\n",
			h->name, nr, h->timeout_ms);
		break;
	case SGWIRE_END_HELLO:
		pr_warn("%s: helper pid %u sent no hello in %u ms, killing it\n", h->name, nr,
			max_t(unsigned int, SGWIRE_HELPER_HELLO_MS, h->timeout_ms));
		break;
	default:
		pr_warn("%s: helper pid %u has exited\n", h->name, nr);
		break;
	}
}

/**
 * sgwire_helper_stop() - Stop the runtime for good: end the helper, fail every call.
 * @h: the runtime.
 *
 * Waits, a bounded time, until the reader has torn the helper down.
 */
static void sgwire_helper_stop(struct sgwire_helper *h)
{
	unsigned int ms = SGWIRE_HELPER_EXIT_MS + 5000;
	bool first;

	spin_lock(&h->lock);
	first = !h->stopping;
	spin_unlock(&h->lock);
	if (first)
		pr_info("%s: stopping the helper for good\n", h->name);

	spin_lock(&h->lock);
	h->stopping = true;
	h->want_run = false;
	sgwire_helper_end_locked(h, SGWIRE_END_STOP);
	sgwire_helper_kick_reader_locked(h);
	spin_unlock(&h->lock);
	wake_up_all(&h->wait);
	if (!wait_event_idle_timeout(h->wait, READ_ONCE(h->state) == SGWIRE_HELPER_IDLE,
				     msecs_to_jiffies(ms)))
		pr_warn("%s: the helper has not stopped in %u ms\n", h->name, ms);
}

/**
 * sgwire_helper_reboot() - Stop the runtime at reboot, halt or power-off.
 * @nb: the runtime's reboot_nb.
 * @action: unused.
 * @data: unused.
 *
 * While processes can still run: the helper does not outlive the driver, and what waits fails
 * with -ESHUTDOWN.
 *
 * Return: NOTIFY_DONE.
 */
static int sgwire_helper_reboot(struct notifier_block *nb, unsigned long action, void *data)
{
	sgwire_helper_stop(container_of(nb, struct sgwire_helper, reboot_nb));
	return NOTIFY_DONE;
}

/**
 * sgwire_helper_free() - Free what create allocated; the threads are stopped.
 * @h: the runtime.
 */
static void sgwire_helper_free(struct sgwire_helper *h)
{
	unsigned int i;

	if (h->info.wd.mnt)
		sgwire_umd_unload_blob(&h->info);
	for (i = 0; h->slots && i < h->max_calls; i++)
		kfree(h->slots[i].frame);
	bitmap_free(h->reply_types);
	kfree(h->rbuf);
	kfree(h->slots);
	kfree(h);
}

/**
 * sgwire_helper_check() - Check a desc and a config.
 * @desc: the protocol's.
 * @cfg: the driver's.
 *
 * Return: 0, or -EINVAL.
 */
static int sgwire_helper_check(const struct sgwire_helper_desc *desc,
			       const struct sgwire_helper_config *cfg)
{
	const struct sgwire_type *log;
	size_t name_len;

	if (!desc || !desc->proto || !desc->dispatch || !cfg || !cfg->name)
		return -EINVAL;
	log = sgwire_find_type(desc->proto, SGWIRE_MSG_LOG);
	if (!log || log->size != SGWIRE_LOG_SIZE ||
	    desc->max_request > SGWIRE_MAX_FRAME - SGWIRE_HEADER_SIZE)
		return -EINVAL;
	name_len = strlen(cfg->name);
	if (!name_len || name_len >= SGWIRE_HELPER_NAME_SIZE || strchr(cfg->name, '/'))
		return -EINVAL;
	if (!cfg->blob || cfg->blob_end <= cfg->blob)
		return -EINVAL;
	if (cfg->log_ceiling < 0 || cfg->log_ceiling > LOGLEVEL_DEBUG ||
	    cfg->max_calls > SGWIRE_HELPER_CALLS_MAX)
		return -EINVAL;
	return 0;
}

/**
 * sgwire_helper_alloc() - Allocate the runtime's memory: all it will ever use.
 * @h: the runtime, its max_calls set.
 *
 * Return: 0 or -ENOMEM.
 */
static int sgwire_helper_alloc(struct sgwire_helper *h)
{
	size_t frame = SGWIRE_HEADER_SIZE + h->desc->max_request;
	unsigned int i;

	h->slots = kcalloc(h->max_calls, sizeof(*h->slots), GFP_KERNEL);
	h->rbuf = kmalloc(SGWIRE_MAX_FRAME, GFP_KERNEL);
	h->reply_types = bitmap_zalloc(h->desc->proto->ntypes, GFP_KERNEL);
	if (!h->slots || !h->rbuf || !h->reply_types)
		return -ENOMEM;
	for (i = 0; i < h->max_calls; i++) {
		struct sgwire_helper_slot *slot = &h->slots[i];

		/* One frame each, at most a page: no large allocation to fail. */
		slot->frame = kmalloc(frame, GFP_KERNEL);
		if (!slot->frame)
			return -ENOMEM;
		init_completion(&slot->done);
		list_add_tail(&slot->node, &h->free);
	}
	return 0;
}

/**
 * sgwire_helper_create() - Create the runtime of a driver's helper, which start runs.
 * @desc: the protocol, the generated <proto>_helper.c's.
 * @cfg: the driver's config, copied.
 * @outer_size: the size to allocate, at least sizeof(struct sgwire_helper): the generated
 *              struct <proto>_helper, which embeds it first.
 *
 * Allocates everything the runtime uses, copies the blob into a private tmpfs
 * (sgwire_umd_load_blob()), starts the reader and sender threads (idle until start) and
 * registers the reboot notifier. Nothing is allocated after this on behalf of the helper or
 * of callers.
 *
 * Return: the runtime, zeroed past it up to @outer_size; or ERR_PTR(-EINVAL) for a bad desc or
 * config, -ENOMEM, or the error of sgwire_umd_load_blob() or kthread_create().
 */
static __maybe_unused struct sgwire_helper *
sgwire_helper_create(const struct sgwire_helper_desc *desc, const struct sgwire_helper_config *cfg,
		     size_t outer_size)
{
	struct task_struct *reader, *sender;
	struct sgwire_helper *h;
	int err;

	err = sgwire_helper_check(desc, cfg);
	if (err)
		return ERR_PTR(err);
	h = kzalloc(max(outer_size, sizeof(*h)), GFP_KERNEL);
	if (!h)
		return ERR_PTR(-ENOMEM);
	h->desc = desc;
	strscpy(h->name, cfg->name, sizeof(h->name));
	h->priv = cfg->priv;
	h->log_ceiling = cfg->log_ceiling ? cfg->log_ceiling : LOGLEVEL_WARNING;
	h->features = cfg->features;
	h->max_calls = cfg->max_calls ? cfg->max_calls : SGWIRE_HELPER_CALLS;
	h->interval_ms = desc->liveness_interval_ms ? desc->liveness_interval_ms :
			 SGWIRE_HELPER_INTERVAL_MS;
	h->timeout_ms = desc->liveness_timeout_ms ? desc->liveness_timeout_ms :
			SGWIRE_HELPER_TIMEOUT_MS;
	h->backoff_ms = SGWIRE_HELPER_BACKOFF_MIN_MS;
	h->info.driver_name = h->name;
	spin_lock_init(&h->lock);
	init_waitqueue_head(&h->wait);
	init_waitqueue_head(&h->reader_wq);
	init_waitqueue_head(&h->sender_wq);
	init_waitqueue_head(&h->lead_wq);
	init_waitqueue_func_entry(&h->pipe_wait, sgwire_helper_pipe_wake);
	init_poll_funcptr(&h->pipe_poll, sgwire_helper_pipe_queue);
	INIT_LIST_HEAD(&h->free);
	INIT_LIST_HEAD(&h->queue);
	INIT_LIST_HEAD(&h->sent);
	INIT_DELAYED_WORK(&h->watchdog, sgwire_helper_watchdog);
	INIT_WORK(&h->log_work, sgwire_helper_log_work);
	ratelimit_state_init(&h->log_rs, msecs_to_jiffies(SGWIRE_HELPER_RATE_MS),
			     SGWIRE_HELPER_LOG_BURST);
	ratelimit_set_flags(&h->log_rs, RATELIMIT_MSG_ON_RELEASE);
	ratelimit_state_init(&h->bad_rs, msecs_to_jiffies(SGWIRE_HELPER_RATE_MS),
			     SGWIRE_HELPER_BAD_BURST);
	ratelimit_set_flags(&h->bad_rs, RATELIMIT_MSG_ON_RELEASE);
	h->reboot_nb.notifier_call = sgwire_helper_reboot;

	err = sgwire_helper_alloc(h);
	if (!err)
		err = sgwire_umd_load_blob(&h->info, cfg->blob, cfg->blob_end - cfg->blob);
	if (err) {
		sgwire_helper_free(h);
		return ERR_PTR(err);
	}

	reader = kthread_create(sgwire_helper_reader, h, "%s-reader", h->name);
	if (IS_ERR(reader)) {
		sgwire_helper_free(h);
		return ERR_CAST(reader);
	}
	sender = kthread_create(sgwire_helper_sender, h, "%s-sender", h->name);
	if (IS_ERR(sender)) {
		kthread_stop(reader);
		sgwire_helper_free(h);
		return ERR_CAST(sender);
	}
	h->reader = reader;
	h->sender = sender;
	wake_up_process(reader);
	wake_up_process(sender);
	register_reboot_notifier(&h->reboot_nb);
	return h;
}

/**
 * sgwire_helper_start() - Start the helper, or start it again after a bye.
 * @h: the runtime.
 *
 * Asks the reader to fork the helper now and returns: calls made meanwhile wait for it, each
 * within its timeout. A helper that ends is started again on its own, after the back-off; one
 * that said bye only when this is called again. Does nothing if it is already running.
 *
 * Return: 0, or -ESHUTDOWN once the runtime is stopping (destroy, reboot).
 */
static __maybe_unused int sgwire_helper_start(struct sgwire_helper *h)
{
	int err = 0;

	spin_lock(&h->lock);
	if (h->stopping) {
		err = -ESHUTDOWN;
	} else if (!h->want_run) {
		h->want_run = true;
		h->byed = false;
		h->respawning = false;
		h->backoff_ms = SGWIRE_HELPER_BACKOFF_MIN_MS;
		h->next_start = jiffies;
		sgwire_helper_kick_reader_locked(h);
	}
	spin_unlock(&h->lock);
	return err;
}

/**
 * sgwire_helper_destroy() - Stop the runtime and free it, leaving nothing running.
 * @h: the runtime, or an ERR_PTR or NULL (nothing is done).
 *
 * Kills the helper (bounded waits throughout), fails whatever is in flight with -ESHUTDOWN,
 * waits for callers still inside a call or notify (they return at once), stops the threads and
 * works, unloads the blob and frees everything, the driver's outer struct included. The driver
 * must make no call after this begins.
 */
static __maybe_unused void sgwire_helper_destroy(struct sgwire_helper *h)
{
	if (IS_ERR_OR_NULL(h))
		return;
	unregister_reboot_notifier(&h->reboot_nb);
	sgwire_helper_stop(h);
	wait_event(h->wait, !READ_ONCE(h->users));
	kthread_stop(h->reader);
	kthread_stop(h->sender);
	cancel_delayed_work_sync(&h->watchdog);
	flush_work(&h->log_work);
	sgwire_helper_free(h);
}

/**
 * sgwire_helper_priv() - The driver's priv, from its config.
 * @h: the runtime.
 *
 * Return: the config's priv.
 */
static __maybe_unused void *sgwire_helper_priv(struct sgwire_helper *h)
{
	return h->priv;
}

/**
 * sgwire_helper_get_stats() - Read the counters.
 * @h: the runtime.
 * @stats: where they go, all read at one instant.
 */
static __maybe_unused void sgwire_helper_get_stats(struct sgwire_helper *h,
						   struct sgwire_helper_stats *stats)
{
	spin_lock(&h->lock);
	*stats = h->stats;
	spin_unlock(&h->lock);
}

/**
 * sgwire_helper_enter() - A caller enters call() or notify(); destroy waits for it to leave.
 * @h: the runtime.
 * @call: a call, counted.
 */
static void sgwire_helper_enter(struct sgwire_helper *h, bool call)
{
	spin_lock(&h->lock);
	h->users++;
	if (call)
		h->stats.calls++;
	spin_unlock(&h->lock);
}

/**
 * sgwire_helper_leave() - A caller leaves call() or notify().
 * @h: the runtime.
 * @call: a call, whose result is counted.
 * @err: its result.
 */
static void sgwire_helper_leave(struct sgwire_helper *h, bool call, int err)
{
	spin_lock(&h->lock);
	if (call && !err)
		h->stats.replies++;
	else if (call && err == -ETIMEDOUT)
		h->stats.timeouts++;
	else if (call && err == -EINTR)
		h->stats.interrupted++;
	else if (call)
		h->stats.failed++;
	if (!--h->users && h->stopping)
		wake_up_all(&h->wait);
	spin_unlock(&h->lock);
}

/**
 * sgwire_helper_gone_locked() - Whether a caller can expect a helper at all.
 * @h: the runtime.
 *
 * Return: 0 if it can; -ESHUTDOWN if the runtime is stopping or the helper said bye, -EAGAIN if
 * it was never started.
 */
static int sgwire_helper_gone_locked(struct sgwire_helper *h)
{
	lockdep_assert_held(&h->lock);
	if (h->stopping || h->byed)
		return -ESHUTDOWN;
	if (!h->want_run && h->state != SGWIRE_HELPER_UP)
		return -EAGAIN;
	return 0;
}

/**
 * sgwire_helper_may_take() - Whether a caller waiting for a slot should look again.
 * @h: the runtime.
 *
 * Return: true if a slot is free, or the runtime stopped or the helper said bye.
 */
static bool sgwire_helper_may_take(struct sgwire_helper *h)
{
	return READ_ONCE(h->stopping) || READ_ONCE(h->byed) || !list_empty(&h->free);
}

/**
 * sgwire_helper_may_queue() - Whether a caller waiting for the helper should look again.
 * @h: the runtime.
 *
 * Return: true if the helper is up, or the runtime stopped or the helper said bye.
 */
static bool sgwire_helper_may_queue(struct sgwire_helper *h)
{
	return READ_ONCE(h->stopping) || READ_ONCE(h->byed) ||
	       (READ_ONCE(h->state) == SGWIRE_HELPER_UP && !READ_ONCE(h->ending));
}

/**
 * sgwire_helper_left() - The time left until a deadline.
 * @deadline: in jiffies.
 *
 * Return: the jiffies left, 0 once it passed.
 */
static long sgwire_helper_left(unsigned long deadline)
{
	long left = (long)(deadline - jiffies);

	return left > 0 ? left : 0;
}

/**
 * sgwire_helper_take_slot() - Take a free slot, waiting for one until the deadline.
 * @h: the runtime.
 * @deadline: in jiffies.
 * @slotp: set to the slot, OWNED.
 *
 * Return: 0; -ETIMEDOUT at the deadline with a helper up, -EAGAIN without one; -EINTR for a
 * fatal signal; or sgwire_helper_gone_locked()'s error.
 */
static int sgwire_helper_take_slot(struct sgwire_helper *h, unsigned long deadline,
				   struct sgwire_helper_slot **slotp)
{
	struct sgwire_helper_slot *slot = NULL;
	long left;
	int err;

	for (;;) {
		spin_lock(&h->lock);
		err = sgwire_helper_gone_locked(h);
		if (!err && !list_empty(&h->free)) {
			slot = list_first_entry(&h->free, struct sgwire_helper_slot, node);
			list_del_init(&slot->node);
			slot->state = SGWIRE_SLOT_OWNED;
		} else if (!err && !sgwire_helper_left(deadline)) {
			err = h->state == SGWIRE_HELPER_UP ? -ETIMEDOUT : -EAGAIN;
		}
		spin_unlock(&h->lock);
		if (err || slot)
			break;
		left = wait_event_killable_timeout(h->wait, sgwire_helper_may_take(h),
						   sgwire_helper_left(deadline));
		if (left < 0)
			return -EINTR;
	}
	*slotp = slot;
	return err;
}

/**
 * sgwire_helper_fill() - Encode a request or notification into a slot.
 * @h: the runtime.
 * @slot: the slot, OWNED.
 * @type: the message type, which the kernel may send.
 * @enc: its encoder.
 * @msg: the caller's struct.
 *
 * The sequence number is written when the slot is queued.
 *
 * Return: 0, or -EINVAL for a type the kernel does not send or a struct the encoder refuses.
 */
static int sgwire_helper_fill(struct sgwire_helper *h, struct sgwire_helper_slot *slot,
			      u16 type, sgwire_encode_fn enc, const void *msg)
{
	const struct sgwire_type *t = sgwire_find_type(h->desc->proto, type);

	if (WARN_ON_ONCE(!t || !(t->dirs & SGWIRE_TO_HELPER) || t->size > h->desc->max_request))
		return -EINVAL;
	memset(slot->frame, 0, SGWIRE_HEADER_SIZE + t->size);
	if (enc(slot->frame + SGWIRE_HEADER_SIZE, msg))
		return -EINVAL;
	sgwire_put_header(slot->frame, h->desc->proto, type, t->size, 0);
	slot->size = SGWIRE_HEADER_SIZE + t->size;
	return 0;
}

/**
 * sgwire_helper_write_now() - Write a caller's frame from the caller.
 * @h: the runtime.
 * @slot: the slot, marked by sgwire_helper_sending_locked() with @h->fast_write set.
 * @to: a reference to @h->to_now, which this puts.
 *
 * The write cannot block: the file is non-blocking and a frame is at most PIPE_BUF, so a full
 * pipe takes nothing and the frame goes back to the head of the queue for the sender. Nor can
 * it raise SIGPIPE, since the runtime holds the pipe's read end (@h->to_keep).
 */
static void sgwire_helper_write_now(struct sgwire_helper *h, struct sgwire_helper_slot *slot,
				    struct file *to)
{
	int err = sgwire_write_frame(to, slot->frame, slot->size);

	fput(to);
	if (err != -EAGAIN) {
		sgwire_helper_written(h, slot, err);
		return;
	}
	spin_lock(&h->lock);
	h->fast_write = false;
	slot->sending = false;
	if (h->state == SGWIRE_HELPER_UP && !h->ending && slot->state == SGWIRE_SLOT_SENT) {
		slot->state = SGWIRE_SLOT_QUEUED;
		list_move(&slot->node, &h->queue);
		sgwire_helper_kick_sender_locked(h);
	} else if (!slot->call) {
		/* The helper is going: dropped, as if queued. A call fails with the rest. */
		sgwire_helper_free_locked(h, slot);
	}
	spin_unlock(&h->lock);
}

/**
 * sgwire_helper_queue() - Queue a filled slot for the sender, waiting for a helper until the
 * deadline.
 * @h: the runtime.
 * @slot: the slot, OWNED.
 * @deadline: in jiffies.
 *
 * When nothing is queued or being written, the caller writes its frame itself instead, which
 * spares the switch to the sender and back: see sgwire_helper_write_now().
 *
 * Return: 0 with the slot QUEUED, SENT or (a call failed meanwhile) DONE; -EAGAIN at the
 * deadline with no helper up; -EINTR for a fatal signal; or sgwire_helper_gone_locked()'s error.
 */
static int sgwire_helper_queue(struct sgwire_helper *h, struct sgwire_helper_slot *slot,
			       unsigned long deadline)
{
	struct file *to = NULL;
	bool queued = false;
	long left;
	int err;

	for (;;) {
		spin_lock(&h->lock);
		err = sgwire_helper_gone_locked(h);
		if (!err && h->state == SGWIRE_HELPER_UP && !h->ending) {
			if (!++h->next_seq)
				++h->next_seq;
			slot->seq = h->next_seq;
			sgwire_put_u32(slot->frame + 12, slot->seq);
			if (h->to_now && !h->in_write && !h->fast_write && !h->welcome_due &&
			    !h->ping_due && list_empty(&h->queue)) {
				sgwire_helper_sending_locked(h, slot);
				h->fast_write = true;
				to = get_file(h->to_now);
			} else {
				slot->state = SGWIRE_SLOT_QUEUED;
				list_add_tail(&slot->node, &h->queue);
				sgwire_helper_kick_sender_locked(h);
			}
			queued = true;
		} else if (!err && !sgwire_helper_left(deadline)) {
			err = -EAGAIN;
		}
		spin_unlock(&h->lock);
		if (to)
			sgwire_helper_write_now(h, slot, to);
		if (err || queued)
			return err;
		left = wait_event_killable_timeout(h->wait, sgwire_helper_may_queue(h),
						   sgwire_helper_left(deadline));
		if (left < 0)
			return -EINTR;
	}
}

/**
 * sgwire_helper_lead_woken() - Whether a caller holding the stream has something to do.
 * @h: the runtime.
 * @slot: its call's slot.
 *
 * Return: true if the pipe may have bytes, the call is done or the helper is ending.
 */
static bool sgwire_helper_lead_woken(struct sgwire_helper *h, struct sgwire_helper_slot *slot)
{
	return READ_ONCE(h->readable) || READ_ONCE(slot->state) == SGWIRE_SLOT_DONE ||
	       READ_ONCE(h->ending);
}

/**
 * sgwire_helper_lead() - Wait for a call's reply, reading the pipe if nobody else does.
 * @h: the runtime.
 * @slot: the call's slot, QUEUED, SENT or DONE.
 * @deadline: in jiffies.
 *
 * A caller that finds the stream free holds it while it waits: it reads the helper's reply
 * itself, which spares the switch to the reader thread and back. It reads without blocking and
 * sleeps, killable, on @h->lead_wq between reads, so its timeout and fatal signals act as they
 * do on a caller waiting for its completion. Others wait for their completion.
 *
 * Return: what wait_for_completion_killable_timeout() returns: > 0 once @slot is DONE, 0 at
 * the deadline, < 0 for a fatal signal.
 */
static long sgwire_helper_lead(struct sgwire_helper *h, struct sgwire_helper_slot *slot,
			       unsigned long deadline)
{
	bool mine, wake = false;
	long left = 1;

	spin_lock(&h->lock);
	mine = !h->lead && !h->in_read && !h->reader_due && h->state == SGWIRE_HELPER_UP &&
	       !h->ending;
	if (mine)
		WRITE_ONCE(h->lead, true);
	spin_unlock(&h->lock);
	if (mine) {
		while (READ_ONCE(slot->state) != SGWIRE_SLOT_DONE && !READ_ONCE(h->ending)) {
			wake = sgwire_helper_lead_frames(h, slot);
			if (wake || READ_ONCE(slot->state) == SGWIRE_SLOT_DONE)
				break;
			left = wait_event_killable_timeout(h->lead_wq,
							   sgwire_helper_lead_woken(h, slot),
							   sgwire_helper_left(deadline));
			if (left <= 0)
				break;
		}
		sgwire_helper_resign(h, wake);
		if (left <= 0)
			return left;
	}
	return wait_for_completion_killable_timeout(&slot->done, sgwire_helper_left(deadline));
}

/**
 * sgwire_helper_call() - Make a call: send a request and wait for its reply.
 * @h: the runtime.
 * @req_type: the request's message type.
 * @enc: its encoder.
 * @req: the request.
 * @reply_type: the reply's message type.
 * @dec: its decoder.
 * @reply: filled with the reply when this returns 0.
 * @timeout_ms: how long the call may take in all, waiting for a slot and a helper included.
 *
 * Sleeps, killable. A call that gives up (its timeout, a fatal signal) before the sender took
 * its request is never sent; its reply, if the helper got the request, is dropped and counted.
 *
 * Return: 0; -ETIMEDOUT; -EINTR (a fatal signal); -ECONNRESET (the helper ended with the call
 * in flight); -ESHUTDOWN (the runtime is stopping, or the helper said bye); -EAGAIN (no helper
 * came up within the timeout, or none was started); -EBADMSG (the reply's type was not
 * @reply_type, or its decoder refused it); -EINVAL (the encoder refused @req, nothing sent).
 */
static __maybe_unused int sgwire_helper_call(struct sgwire_helper *h, u16 req_type,
					     sgwire_encode_fn enc, const void *req, u16 reply_type,
					     sgwire_decode_fn dec, void *reply,
					     unsigned int timeout_ms)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(timeout_ms);
	const struct sgwire_protocol *proto = h->desc->proto;
	const struct sgwire_type *t = sgwire_find_type(proto, reply_type);
	struct sgwire_helper_slot *slot = NULL;
	long left;
	int err;

	might_sleep();
	sgwire_helper_enter(h, true);
	if (WARN_ON_ONCE(!t || !(t->dirs & SGWIRE_TO_KERNEL))) {
		err = -EINVAL;
		goto out;
	}
	if (!test_bit(t - proto->types, h->reply_types))
		set_bit(t - proto->types, h->reply_types);
	err = sgwire_helper_take_slot(h, deadline, &slot);
	if (err)
		goto out;
	slot->call = true;
	slot->reply_type = reply_type;
	slot->dec = dec;
	slot->reply = reply;
	reinit_completion(&slot->done);
	err = sgwire_helper_fill(h, slot, req_type, enc, req);
	if (!err)
		err = sgwire_helper_queue(h, slot, deadline);
	if (err) {
		spin_lock(&h->lock);
		sgwire_helper_free_locked(h, slot);
		spin_unlock(&h->lock);
		goto out;
	}

	left = sgwire_helper_lead(h, slot, deadline);
	spin_lock(&h->lock);
	if (slot->state == SGWIRE_SLOT_DONE)
		err = slot->err;
	else
		err = left < 0 ? -EINTR : -ETIMEDOUT;
	sgwire_helper_free_locked(h, slot);
	spin_unlock(&h->lock);
out:
	sgwire_helper_leave(h, true, err);
	return err;
}

/**
 * sgwire_helper_notify() - Send a notification to the helper.
 * @h: the runtime.
 * @type: its message type.
 * @enc: its encoder.
 * @msg: the notification.
 *
 * Sleeps, killable, for a slot and a helper, at most the liveness timeout; returns once the
 * notification is queued, which the sender writes in order. A notification queued when the
 * helper ends is dropped.
 *
 * Return: 0; -ETIMEDOUT (no slot in time); -EAGAIN (no helper up in time, or none started);
 * -EINTR (a fatal signal); -ESHUTDOWN (the runtime is stopping, or the helper said bye);
 * -EINVAL (the encoder refused @msg).
 */
static __maybe_unused int sgwire_helper_notify(struct sgwire_helper *h, u16 type,
					       sgwire_encode_fn enc, const void *msg)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(h->timeout_ms);
	struct sgwire_helper_slot *slot = NULL;
	int err;

	might_sleep();
	sgwire_helper_enter(h, false);
	err = sgwire_helper_take_slot(h, deadline, &slot);
	if (err)
		goto out;
	slot->call = false;
	err = sgwire_helper_fill(h, slot, type, enc, msg);
	if (!err)
		err = sgwire_helper_queue(h, slot, deadline);
	if (err) {
		spin_lock(&h->lock);
		sgwire_helper_free_locked(h, slot);
		spin_unlock(&h->lock);
	}
out:
	sgwire_helper_leave(h, false, err);
	return err;
}
