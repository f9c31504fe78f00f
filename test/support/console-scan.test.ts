/**
 * The console scanner on excerpts of real serial consoles: the reports kcanary provoked in the
 * debug kernels of the kernel tests (Linux 6.12, x86_64 and arm64; addresses and stack dumps cut
 * short), the boot lines of those kernels that only look alarming, and what is not the kernel's.
 */
import { describe, expect, test } from "vitest";
import { describeReports, kernelText, lineOf, scanConsole, separateInterleaved, userText } from "./console-scan.js";

/** Lines joined as a serial console gives them (\r\n). */
const consoleOf = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;

const kinds = (log: string) => scanConsole(log).map((r) => r.kind);

// x86_64: "echo lockdep > /sys/kernel/debug/kcanary/provoke".
const LOCKDEP = [
  "[   34.585977] ",
  "[   34.589977] ======================================================",
  "[   34.589977] WARNING: possible circular locking dependency detected",
  "[   34.589977] 6.12.117 #1 Not tainted",
  "[   34.589977] ------------------------------------------------------",
  "[   34.589977] init/1 is trying to acquire lock:",
  "[   34.589977] ffffffffa0008148 (canary_a){+.+.}-{3:3}, at: kcanary_provoke_write+0x137/0x346 [kcanary]",
  "[   34.589977] ",
  "[   34.589977] but task is already holding lock:",
  "[   34.589977] ffffffffa0008088 (canary_b){+.+.}-{3:3}, at: kcanary_provoke_write+0x129/0x346 [kcanary]",
  "[   34.589977]  *** DEADLOCK ***",
  "[   34.589977] stack backtrace:",
  "[   34.589977] CPU: 3 UID: 0 PID: 1 Comm: init Not tainted 6.12.117 #1 ",
  "[   34.589977] Call Trace:",
  "[   34.589977]  <TASK>",
  "[   34.589977]  dump_stack_lvl+0x69/0x90",
  "[   34.589977]  print_circular_bug+0x36f/0x391",
  "[   34.589977]  </TASK>",
];

// "sleep": might_sleep() with preemption off; lockdep was already off, which it says.
const SLEEP = [
  "[   34.765988] kcanary: provoking sleep",
  "[   34.765988] BUG: sleeping function called from invalid context at drivers/misc/kcanary/kcanary.c:154",
  "[   34.765988] in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: init",
  "[   34.773989] preempt_count: 1, expected: 0",
  "[   34.773989] RCU nest depth: 0, expected: 0",
  "[   34.773989] INFO: lockdep is turned off.",
  "[   34.773989] CPU: 3 UID: 0 PID: 1 Comm: init Not tainted 6.12.117 #1 ",
  "[   34.773989] Call Trace:",
  "[   34.773989]  <TASK>",
  "[   34.773989]  dump_stack_lvl+0x83/0x90",
  "[   34.773989]  __might_resched+0x45f/0x489",
];

const WARN = [
  "[   34.789990] kcanary: provoking warn",
  "[   34.789990] ------------[ cut here ]------------",
  "[   34.789990] kcanary: provoked warning",
  "[   34.805991] WARNING: CPU: 3 PID: 1 at drivers/misc/kcanary/kcanary.c:230 kcanary_provoke_write+0x1b5/0x346 [kcanary]",
  "[   34.805991] Modules linked in: kcanary",
  "[   34.805991] CPU: 3 UID: 0 PID: 1 Comm: init Tainted: G        W          6.12.117 #1 ",
  "[   34.805991] Tainted: [W]=WARN",
  "[   34.805991] RIP: 0010:kcanary_provoke_write+0x1b5/0x346 [kcanary]",
  "[   34.805991] Call Trace:",
  "[   34.805991]  <TASK>",
  "[   34.857994] ---[ end trace 0000000000000000 ]---",
];

const HUNG = [
  "[   37.026130] INFO: task kcanary-hung:79 blocked for more than 1 seconds.",
  "[   37.026130]       Tainted: G        W          6.12.117 #1",
  '[   37.026130] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
  "[   37.026130] task:kcanary-hung    state:D stack:0     pid:79    tgid:79    ppid:2      flags:0x00004000",
  "[   37.030130] Call Trace:",
  "[   37.030130]  <TASK>",
  "[   37.030130]  msleep+0x16/0x19",
  "[   37.030130]  kcanary_hang+0xe/0x11 [kcanary]",
  "[   37.030130]  </TASK>",
  "[   37.030130] INFO: lockdep is turned off.",
];

const KASAN = [
  "[   37.574164] ==================================================================",
  "[   37.574164] BUG: KASAN: slab-out-of-bounds in kcanary_provoke_write+0x2b1/0x346 [kcanary]",
  "[   37.574164] Read of size 1 at addr ffff8880009a28ed by task init/1",
  "[   37.574164] ",
  "[   37.574164] CPU: 3 UID: 0 PID: 1 Comm: init Tainted: G        W          6.12.117 #1 ",
  "[   37.574164] Call Trace:",
  "[   37.574164]  <TASK>",
  "[   37.578164] The buggy address belongs to the object at ffff8880009a28e0",
  "[   37.578164]  which belongs to the cache kmalloc-16 of size 16",
  "[   37.578164] ==================================================================",
];

const KMEMLEAK = ["[   60.479622] kmemleak: 4 new suspected memory leaks (see /sys/kernel/debug/kmemleak)"];

// BUG() in a kthread: lib/bug.c's line, then x86's Oops header.
const BUG_X86 = [
  "[   37.674170] kcanary: provoking bug",
  "[   37.674170] ------------[ cut here ]------------",
  "[   37.674170] kernel BUG at drivers/misc/kcanary/kcanary.c:193!",
  "KTEST CANARY provoked bug",
  "[   37.674170] Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN",
  "[   37.674170] CPU: 2 UID: 0 PID: 91 Comm: kcanary-bug Tainted: G    B   W          6.12.117 #1 ",
  "[   37.674170] RIP: 0010:kcanary_bug+0x4/0x6 [kcanary]",
  "[   37.674170] Call Trace:",
  "[   37.674170]  <TASK>",
  "[   37.674170]  kthread+0x277/0x286",
  "[   37.674170] ---[ end trace 0000000000000000 ]---",
];

// arm64: the same BUG(), with arm64's die() header and a WARN it led to as the CPU went idle;
// and a sleep in atomic context whose report user space's line interrupted.
const BUG_ARM64 = [
  "[   45.937086] kcanary: provoking bug",
  "KTEST CANARY provoked bug",
  "[   45.944181] ------------[ cut here ]------------",
  "[   45.944730] kernel BUG at drivers/misc/kcanary/kcanary.c:193!",
  "[   45.945641] Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP",
  "[   45.950735] Modules linked in: kcanary",
  "[   45.955089] pc : kcanary_bug+0x0/0x4 [kcanary]",
  "[   45.964790] Call trace:",
  "[   45.965013]  kcanary_bug+0x0/0x4 [kcanary]",
  "[   45.965940]  ret_from_fork+0x10/0x20",
  "[   45.966721] Code: ???????? ???????? ???????? ???????? (d4210000) ",
  "[   45.967188] ---[ end trace 0000000000000000 ]---",
  "[   45.970083] note: kcanary-bug[96] exited with irqs disabled",
  "[   45.974528] ------------[ cut here ]------------",
  "[   45.974749] WARNING: CPU: 3 PID: 0 at kernel/context_tracking.c:128 ct_kernel_exit.constprop.0+0x38/0x11c",
];
const SLEEP_ARM64 = [
  "[   40.927310] BUG: sleeping function called from invalid context at drivers/misc/kcanary/kcanary.c:154",
  "[   40.927684] in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: init",
  "[   40.928374] INFO: lockdep is turned off.",
  "KTEST CANARY provoked sleep",
  "[   40.928583] CPU: 2 UID: 0 PID: 1 Comm: init Not tainted 6.12.117 #1 ",
  "[   40.928632] Hardware name: linux,dummy-virt (DT)",
  "[   40.928658] Call trace:",
  "[   40.928672]  dump_backtrace+0xac/0xd4",
];

// Lines of the same kernels' clean boots that name the detectors without reporting anything.
const BOOT = [
  "[    0.000000] kasan: KernelAddressSanitizer initialized",
  "[    0.000000] rcu: Preemptible hierarchical RCU implementation.",
  "[    0.000000] rcu: \tRCU lockdep checking is enabled.",
  "[    0.000000] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar",
  "[    0.000000] ... MAX_LOCKDEP_SUBCLASSES:  8",
  "[    0.000000]  memory used by lock dependency info: 6429 kB",
  "[    0.096000] tsc: Marking TSC unstable due to could not calculate TSC khz",
  "[    1.648000] smp: Brought up 1 node, 4 CPUs",
  "[   13.616686] kmemleak: Kernel memory leak detector initialized (mem pool available: 15224)",
  "[   14.112717] Run /init as init process",
  "KTEST PASS kmemleak: no leaks",
  "[   71.124352] eprog: helper stopped (killed by signal 9), shut down",
  "[   71.148354] reboot: Restarting system",
];

describe("scanConsole", () => {
  test.each([
    ["a lockdep splat", LOCKDEP, "lockdep", "WARNING: possible circular locking dependency detected"],
    ["a sleep in atomic context", SLEEP, "atomic-sleep", "BUG: sleeping function called from invalid context at drivers/misc/kcanary/kcanary.c:154"],
    ["a WARN", WARN, "warning", "WARNING: CPU: 3 PID: 1 at drivers/misc/kcanary/kcanary.c:230 kcanary_provoke_write+0x1b5/0x346 [kcanary]"],
    ["a hung task", HUNG, "hung-task", "INFO: task kcanary-hung:79 blocked for more than 1 seconds."],
    ["a KASAN report", KASAN, "kasan", "BUG: KASAN: slab-out-of-bounds in kcanary_provoke_write+0x2b1/0x346 [kcanary]"],
    ["a kmemleak scan that found leaks", KMEMLEAK, "kmemleak", "kmemleak: 4 new suspected memory leaks (see /sys/kernel/debug/kmemleak)"],
  ])("finds %s, and the call trace under it is part of it", (_what, lines, kind, headline) => {
    const log = consoleOf(...BOOT.slice(0, 5), ...lines, ...BOOT.slice(5));
    const reports = scanConsole(log);
    expect(reports).toEqual([{ kind, line: 6 + lines.findIndex((l) => l.endsWith(headline)), headline }]);
  });

  test("a BUG() is a bug and an Oops, with user space's line between them", () => {
    expect(scanConsole(consoleOf(...BUG_X86))).toMatchObject([
      { kind: "bug", line: 3, headline: "kernel BUG at drivers/misc/kcanary/kcanary.c:193!" },
      { kind: "oops", line: 5, headline: "Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN" },
    ]);
  });

  test("arm64: a BUG() is a bug, an Oops and the WARN after it; user space's line inside a report", () => {
    expect(scanConsole(consoleOf(...BUG_ARM64)).map((r) => [r.kind, r.line])).toEqual([
      ["bug", 4],
      ["oops", 5],
      ["warning", 15],
    ]);
    expect(scanConsole(consoleOf(...SLEEP_ARM64))).toEqual([
      { kind: "atomic-sleep", line: 1, headline: "BUG: sleeping function called from invalid context at drivers/misc/kcanary/kcanary.c:154" },
    ]);
    expect(kinds(consoleOf("[    0.000000] kasan: KernelAddressSanitizer initialized (generic)"))).toEqual([]);
  });

  test("a clean boot, with the detectors' own banners, has no report", () => {
    expect(scanConsole(consoleOf(...BOOT))).toEqual([]);
  });

  test("every kind at once, in order", () => {
    expect(kinds(consoleOf(...BOOT, ...LOCKDEP, ...SLEEP, ...WARN, ...HUNG, ...KASAN, ...KMEMLEAK, ...BUG_X86))).toEqual([
      "lockdep",
      "atomic-sleep",
      "warning",
      "hung-task",
      "kasan",
      "kmemleak",
      "bug",
      "oops",
    ]);
  });

  test("the other headlines of the detectors and the arches", () => {
    const heads = [
      ["lockdep", "WARNING: possible recursive locking detected"],
      ["lockdep", "WARNING: inconsistent lock state"],
      ["lockdep", "WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected"],
      ["lockdep", "WARNING: bad unlock balance detected!"],
      ["lockdep", "WARNING: init/1 still has locks held!"],
      ["lockdep", "WARNING: suspicious RCU usage"],
      ["lockdep", "[ BUG: Invalid wait context ]"],
      ["lockdep", "INFO: trying to register non-static key."],
      ["lockdep", "BUG: MAX_LOCKDEP_ENTRIES too low!"],
      ["atomic-sleep", "BUG: scheduling while atomic: kworker/0:1/12/0x00000002"],
      ["atomic-sleep", "BUG: using smp_processor_id() in preemptible [00000000] code: sh/1"],
      ["atomic-sleep", "BUG: workqueue leaked atomic, lock or RCU: kworker/0:1[12]"],
      ["kasan", "BUG: KASAN: use-after-free in eprog_reader+0x10/0x20"],
      ["kasan", "BUG: KASAN: double-free in kfree+0x1/0x2"],
      ["kmemleak", "kmemleak: unreferenced object 0xffff888003f1c400 (size 128):"],
      ["kmemleak", "kmemleak: Freeing unknown object at 0xffff888003f1c400"],
      ["kmemleak", "kmemleak: Kernel memory leak detector disabled"],
      ["rcu-stall", "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:"],
      ["rcu-stall", "rcu: INFO: rcu_preempt self-detected stall on CPU"],
      ["warning", "WARNING: CPU: 0 PID: 1 at kernel/workqueue.c:3708 __flush_work+0x1/0x2"],
      ["bug", "BUG: kernel NULL pointer dereference, address: 0000000000000000"],
      ["bug", "BUG: unable to handle page fault for address: ffffc90000000000"],
      ["bug", "BUG: soft lockup - CPU#1 stuck for 22s! [sh:1]"],
      ["bug", "BUG: spinlock bad magic on CPU#0, init/1"],
      ["bug", "BUG kmalloc-64 (Not tainted): Redzone overwritten"],
      ["oops", "Oops: general protection fault, probably for non-canonical address 0xdffffc0000000000: 0000 [#1] PREEMPT SMP KASAN"],
      ["oops", "Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000"],
      ["oops", "Internal error: Oops: 0000000096000005 [#1] PREEMPT SMP"],
      ["panic", "Kernel panic - not syncing: hung_task: blocked tasks"],
      ["ubsan", "UBSAN: array-index-out-of-bounds in drivers/misc/eprog/eprog.c:12:3"],
    ];
    const log = consoleOf(...heads.map(([, h], i) => `[ ${String(i + 10).padStart(4)}.000000] ${h}`));
    expect(scanConsole(log).map((r) => [r.kind, r.headline])).toEqual(heads);
  });

  test("a call trace under no headline is a report of its own", () => {
    const log = consoleOf("[    5.000000] eprog: something odd", "[    5.000000] CPU: 1 UID: 0 PID: 7 Comm: sh Not tainted 6.12.117 #1", "[    5.000000] Call Trace:", "[    5.000000]  <TASK>");
    expect(scanConsole(log)).toEqual([{ kind: "call-trace", line: 3, headline: "Call Trace:" }]);
    // arm64's spelling.
    expect(kinds(consoleOf("[    5.000000] Call trace:"))).toEqual(["call-trace"]);
  });

  test("only the kernel's own text counts: a forged line inside a helper's log line, user space's output", () => {
    const log = consoleOf(
      "[   45.100000] eprog: helper: [    1.000000] BUG: kernel NULL pointer dereference, address: 0000000000000000",
      "[   45.100000] eprog: helper: \\n[    1.000000] WARNING: CPU: 0 PID: 1 at fake.c:1 fake+0x0/0x1",
      "BUG: KASAN: this is init.sh talking",
      "WARNING: CPU: 0 PID: 1 at echo",
      "KTEST kmemleak: unreferenced object 0xffff888003f1c400 (size 128):",
      "[   45.200000] ok",
    );
    expect(scanConsole(log)).toEqual([]);
  });

  test("a kernel line that interrupted a line of user space's is still seen", () => {
    const log = consoleOf(
      "[   47.814831] INFO: lockdep is turned off.",
      "KTEST CANARY provoked sleep[   47.814831] BUG: sleeping function called from invalid context at kernel/x.c:1",
    );
    expect(scanConsole(log)).toEqual([{ kind: "atomic-sleep", line: 2, headline: "BUG: sleeping function called from invalid context at kernel/x.c:1" }]);
  });

  test("a range of lines", () => {
    const log = consoleOf(...WARN, "KTEST CANARY BEGIN", ...KASAN);
    const begin = lineOf(log, "KTEST CANARY BEGIN") ?? 0;
    expect(begin).toBe(WARN.length + 1);
    expect(kinds(log)).toEqual(["warning", "kasan"]);
    expect(scanConsole(log, { toLine: begin }).map((r) => r.kind)).toEqual(["warning"]);
    expect(scanConsole(log, { fromLine: begin }).map((r) => r.kind)).toEqual(["kasan"]);
  });

  test("a console without printk timestamps cannot be scanned", () => {
    expect(() => scanConsole("Linux version 6.12.117\nBUG: kernel NULL pointer dereference\n")).toThrow(/CONFIG_PRINTK_TIME/);
  });
});

describe("the console's lines", () => {
  test("kernelText and userText split a line at its first printk stamp", () => {
    expect(kernelText("[   12.345678] eprog: helper ready")).toBe("eprog: helper ready");
    expect(kernelText("[   12.345678][    T1] eprog: with the caller id")).toBe("eprog: with the caller id");
    expect(kernelText("EPROG-TEST PASS x")).toBeUndefined();
    expect(userText("KTEST PASS x[    1.000000] kernel")).toBe("KTEST PASS x");
    expect(userText("[    1.000000] kernel")).toBe("");
  });

  test("separateInterleaved gives an interrupting kernel line a line of its own, and leaves kernel lines whole", () => {
    const log = consoleOf(
      "KTEST CANARY provoked sleep[   47.814831] CPU: 3 UID: 0 PID: 1 Comm: init Not tainted 6.12.117 #1 ",
      "[   45.100000] eprog: helper: [    1.000000] BUG: forged",
      "EPROG-TEST PASS round trips: 100/100",
    );
    expect(separateInterleaved(log).split("\n")).toEqual([
      "KTEST CANARY provoked sleep",
      "[   47.814831] CPU: 3 UID: 0 PID: 1 Comm: init Not tainted 6.12.117 #1 ",
      "[   45.100000] eprog: helper: [    1.000000] BUG: forged",
      "EPROG-TEST PASS round trips: 100/100",
      "",
    ]);
    expect(lineOf(log, "KTEST CANARY provoked sleep")).toBe(1);
  });
});

test("describeReports: the reports, an excerpt with line numbers around each, and where the log is", () => {
  const log = consoleOf(...BOOT.slice(0, 3), ...KASAN, ...BOOT.slice(3));
  const text = describeReports(log, scanConsole(log), { logPath: "/cache/console-test.log", before: 2, after: 3 });
  expect(text).toBe(
    [
      "1 kernel report on the console:",
      "  line 5: kasan: BUG: KASAN: slab-out-of-bounds in kcanary_provoke_write+0x2b1/0x346 [kcanary]",
      "--- console lines 3-8 ---",
      " 3| [    0.000000] rcu: \tRCU lockdep checking is enabled.",
      " 4| [   37.574164] ==================================================================",
      " 5| [   37.574164] BUG: KASAN: slab-out-of-bounds in kcanary_provoke_write+0x2b1/0x346 [kcanary]",
      " 6| [   37.574164] Read of size 1 at addr ffff8880009a28ed by task init/1",
      " 7| [   37.574164] ",
      " 8| [   37.574164] CPU: 3 UID: 0 PID: 1 Comm: init Tainted: G        W          6.12.117 #1 ",
      "whole console log: /cache/console-test.log",
    ].join("\n"),
  );
});
