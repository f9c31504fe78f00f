/**
 * Finds the kernel's own reports of a bug in a serial console log: lockdep, KASAN, the hung-task
 * detector, sleeping in atomic context, kmemleak, WARN, BUG, Oops, panics, RCU stalls, and any
 * other call trace. The kernel tests fail on any of them (see test/kernel/).
 *
 * Only what the kernel printed counts. With CONFIG_PRINTK_TIME every line of a printk record starts
 * with its "[seconds.micros] " stamp; a report's headline is the text right after the first stamp
 * of a line (a line of user space's output may end in kernel output that interrupted it, so the
 * stamp need not start the line). Text further along a kernel line is its message: a helper's log
 * line forging "[ 1.000000] BUG: ..." inside "eprog: helper: ..." is not a report, and lines
 * without a stamp (init scripts, qemu) are never reports. The headlines are the kernel's
 * wording, from kernel/locking/lockdep.c, mm/kasan/report.c, kernel/hung_task.c,
 * kernel/sched/core.c, mm/kmemleak.c, kernel/panic.c, lib/bug.c and the arches' fault and die
 * paths (Linux 6.12).
 */

/** What kind of report a headline starts. */
export type ReportKind =
  | "lockdep"
  | "kasan"
  | "hung-task"
  | "atomic-sleep"
  | "kmemleak"
  | "warning"
  | "bug"
  | "oops"
  | "panic"
  | "rcu-stall"
  | "ubsan"
  | "call-trace";

/** One report: its kind, its 1-based line in the log, and the headline (the kernel's text). */
export interface ConsoleReport {
  readonly kind: ReportKind;
  readonly line: number;
  readonly headline: string;
}

/** [ordered: the first that matches a line's kernel text decides its kind] */
const RULES: readonly (readonly [ReportKind, RegExp])[] = [
  // mm/kasan/report.c: "BUG: KASAN: %s in %pS", and the asynchronous "BUG: KASAN: invalid-access".
  ["kasan", /^BUG: KASAN: /],
  // kernel/locking/lockdep.c: each report's headline, then "turning off the locking correctness
  // validator." when lockdep gives up (its tables full).
  [
    "lockdep",
    new RegExp(
      "^WARNING: (?:possible circular locking dependency detected|possible recursive locking detected|" +
        "inconsistent lock state|\\S+-safe -> \\S+-unsafe lock order detected|" +
        "possible irq lock inversion dependency detected|bad unlock balance detected!|held lock freed!|" +
        "\\S+ still has locks held!|lock held when returning to user space!|suspicious RCU usage|" +
        "Nested lock was not taken|bad contention detected!|chain_key collision)",
    ),
  ],
  ["lockdep", /^\[ BUG: Invalid wait context \]/],
  ["lockdep", /^INFO: trying to register non-static key\./],
  ["lockdep", /^BUG: (?:MAX_\w+ too low!|key \S+ has not been registered!|looking up invalid subclass)/],
  ["lockdep", /^turning off the locking correctness validator\./],
  // kernel/sched/core.c (CONFIG_DEBUG_ATOMIC_SLEEP), lib/smp_processor_id.c, kernel/workqueue.c.
  [
    "atomic-sleep",
    /^BUG: (?:sleeping function called from invalid context|scheduling while atomic|scheduling in a non-blocking section|assuming atomic context|assuming non migratable context|using \S+ in preemptible|workqueue leaked atomic, lock or RCU)/,
  ],
  // kernel/hung_task.c.
  ["hung-task", /^INFO: task .+:\d+ blocked for more than \d+ seconds\./],
  // mm/kmemleak.c: a scan's result, an object printed with kmemleak.verbose=1, and kmemleak's
  // own warnings (an unknown object freed, ...) and errors (it disables itself).
  [
    "kmemleak",
    new RegExp(
      "^kmemleak: (?:\\d+ new suspected memory leaks|unreferenced object 0x|Found object by alias|" +
        "Freeing unknown object|Partially freeing unknown object|Trying to color unknown object|" +
        "Not resetting the checksum of an unknown object|Adding scan area to unknown object|" +
        "Scan area larger than object|Setting excess_ref on unknown object|Not scanning unknown object|" +
        "Updating stack trace for unknown object|Cannot allocate a kmemleak_object structure|" +
        "Memory pool empty|Kernel memory leak detector disabled)",
    ),
  ],
  // kernel/rcu/tree_stall.h (pr_fmt "rcu: ").
  ["rcu-stall", /^(?:rcu: )?INFO: \S+ (?:detected stalls|self-detected stall|detected expedited stalls)/],
  // kernel/panic.c: WARN() and WARN_ON(); any other "WARNING:" headline too.
  ["warning", /^WARNING: /],
  // lib/bug.c, and every "BUG: " headline (NULL pointer, page fault, soft lockup, bad page state,
  // spinlock debugging, KFENCE, ...); mm/slub.c's object debugging ("BUG kmalloc-64 (Not
  // tainted): Redzone overwritten").
  ["bug", /^kernel BUG at /],
  ["bug", /^BUG: /],
  ["bug", /^BUG \S+ \((?:Not tainted|Tainted: [^)]*)\): /],
  // arch/x86/kernel/dumpstack.c ("Oops: invalid opcode: 0000 [#1] ..."), arch/arm64/kernel/traps.c
  // ("Internal error: Oops - BUG: ..."), arch/arm64/mm/fault.c.
  ["oops", /^Oops: /],
  ["oops", /^Internal error: /],
  ["oops", /^Unable to handle kernel /],
  ["oops", /^general protection fault/],
  ["panic", /^Kernel panic - not syncing/],
  ["ubsan", /^UBSAN: /],
  // A stack dump under no headline above (x86 "Call Trace:", arm64 "Call trace:"): reported
  // only when no other report began in the lines just before it.
  ["call-trace", /^Call [Tt]race:\s*$/],
];

/** How far back a report's headline may be for a call trace to belong to it. */
const TRACE_BELONGS_WITHIN = 80;

/** "[    1.234567] " with an optional caller id ("[T1]", CONFIG_PRINTK_CALLER). */
const STAMP = /\[\s*\d+\.\d{6}\](?:\[\s*[TC]\d+\])? ?/;

/** The kernel's text on a console line: what follows its first printk stamp; undefined if none. */
export function kernelText(line: string): string | undefined {
  const m = STAMP.exec(line);
  return m ? line.slice(m.index + m[0].length) : undefined;
}

export interface ScanOptions {
  /** Lines to scan, 1-based and inclusive; the whole log by default. */
  readonly fromLine?: number;
  readonly toLine?: number;
}

/**
 * Every report in the log, in order. Throws when no line has a printk stamp at all: a kernel
 * without CONFIG_PRINTK_TIME would otherwise pass every scan.
 */
export function scanConsole(log: string, options: ScanOptions = {}): ConsoleReport[] {
  const lines = consoleLines(log);
  if (!lines.some((l) => STAMP.test(l))) {
    throw new Error("the console log has no printk timestamps: the kernel needs CONFIG_PRINTK_TIME=y for its reports to be found");
  }
  const from = Math.max(1, options.fromLine ?? 1);
  const to = Math.min(lines.length, options.toLine ?? lines.length);
  const reports: ConsoleReport[] = [];
  let lastHeadline = -Infinity;
  for (let n = from; n <= to; n++) {
    const text = kernelText(lines[n - 1] ?? "");
    if (text === undefined) continue;
    const rule = RULES.find(([, re]) => re.test(text));
    if (!rule) continue;
    const [kind] = rule;
    if (kind === "call-trace") {
      if (n - lastHeadline <= TRACE_BELONGS_WITHIN) continue;
    } else {
      lastHeadline = n;
    }
    reports.push({ kind, line: n, headline: text.trimEnd() });
  }
  return reports;
}

/** The log's lines as scanConsole numbers them (serial consoles end lines with \r\n). */
export function consoleLines(log: string): string[] {
  return log.replace(/\r/g, "").split("\n");
}

/** What user space wrote on a console line: the text before its first printk stamp. */
export function userText(line: string): string {
  const m = STAMP.exec(line);
  return m ? line.slice(0, m.index) : line;
}

/**
 * The 1-based number of the first line whose user-space text is text: a kernel line printed
 * while the line was being written may follow it on the same line.
 */
export function lineOf(log: string, text: string): number | undefined {
  const i = consoleLines(log).findIndex((l) => userText(l) === text);
  return i < 0 ? undefined : i + 1;
}

/**
 * The log with each kernel line that interrupted a line of user space's output put on a line of
 * its own ("KTEST PASS x[   1.234567] eprog: ..." becomes two lines), for assertions on whole
 * lines. Only a line that does not start with a stamp is split, at its first stamp: text inside a
 * kernel line is never taken for a line of its own.
 */
export function separateInterleaved(log: string): string {
  return consoleLines(log)
    .map((l) => {
      const user = userText(l);
      return user === "" || user === l ? l : `${user}\n${l.slice(user.length)}`;
    })
    .join("\n");
}

export interface DescribeOptions {
  /** Where the whole log is, named in the message. */
  readonly logPath?: string;
  /** Lines shown before and after each headline, and how many reports get an excerpt. */
  readonly before?: number;
  readonly after?: number;
  readonly excerpts?: number;
}

/**
 * A failure message: how many reports of which kinds, then an excerpt of the log around the first
 * few (with line numbers), then where the whole log is.
 */
export function describeReports(log: string, reports: readonly ConsoleReport[], options: DescribeOptions = {}): string {
  const { before = 4, after = 40, excerpts = 3 } = options;
  const lines = consoleLines(log);
  const width = String(lines.length).length;
  const out = [
    `${reports.length} kernel report${reports.length === 1 ? "" : "s"} on the console:`,
    ...reports.map((r) => `  line ${r.line}: ${r.kind}: ${r.headline}`),
  ];
  let shownTo = 0;
  for (const r of reports.slice(0, excerpts)) {
    const start = Math.max(shownTo + 1, r.line - before);
    const end = Math.min(lines.length, r.line + after);
    if (start > end) continue;
    out.push(`--- console lines ${start}-${end} ---`);
    for (let n = start; n <= end; n++) out.push(`${String(n).padStart(width)}| ${lines[n - 1]}`);
    shownTo = end;
  }
  if (reports.length > excerpts) out.push(`--- (no excerpt of the other ${reports.length - excerpts}) ---`);
  if (options.logPath) out.push(`whole console log: ${options.logPath}`);
  return out.join("\n");
}
