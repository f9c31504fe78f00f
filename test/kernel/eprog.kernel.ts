/**
 * The eprog example end to end on the debug kernel of each arch in ARCHES (x86_64, arm64): Linux
 * 6.12, tinyconfig plus the example's fragments and test/kernel/debug.config (SMP, lockdep, KASAN,
 * kmemleak, the hung-task detector), with the eprog driver built in (its Go helper cross-built for
 * the kernel's arch and embedded by the driver's Makefile) and kcanary, the tests' own module, as
 * a module; booted under qemu (TCG, 4 vCPUs).
 *
 * Two boots of each kernel. The first runs init.sh's checks: eprog through debugfs, then 20
 * insmod/rmmod cycles of kcanary with traffic between, then a kmemleak scan; its whole console
 * must be free of kernel reports (test/support/console-scan.ts), reboot included. The second
 * makes the kernel print each kind of report through kcanary, and shows that the scanner finds
 * each: the detectors are on, and the scanner knows their words.
 *
 * This file asserts on the serial console: the kernel's and the driver's own lines and init.sh's
 * "EPROG-TEST ..." and "KTEST ..." lines. Run with `npm run test:kernel`; not part of `npm test`.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { lineOf } from "../support/console-scan.js";
import { ARCHES, debugKernel } from "./kernel-build.js";
import { type Boot, buildAndBoot, type CanaryKind, canaryKinds, ConsoleChecks, testParams } from "./kernel-run.js";

const ROUND_TRIPS = 100;
const MODULE_CYCLES = 20;
// A boot and the whole script take under a minute to a few minutes under TCG on two cores; the
// bound is for slow hosts.
const BOOT_TIMEOUT_MS = 10 * 60_000;

// The kernels are built and booted one after the other (vitest runs a file's suites in order):
// each build uses every core already.
describe.each(ARCHES.map((a) => [`${a.name} (debug kernel)`, debugKernel(a)] as const))("eprog on %s", (_name, config) => {
  let c: ConsoleChecks;
  let canary: ConsoleChecks;
  let kinds: CanaryKind[] = [];
  let dotConfig = "";

  beforeAll(async () => {
    const run = await buildAndBoot(
      config,
      [
        { name: "test", params: (cfg) => testParams(cfg, { ROUND_TRIPS, MODULE_CYCLES }) },
        { name: "canary", params: (cfg) => ({ KTEST_CANARY: canaryKinds(cfg).map((k) => k.provoke).join(",") }) },
      ],
      BOOT_TIMEOUT_MS,
    );
    dotConfig = run.kernel.dotConfig;
    kinds = canaryKinds(dotConfig);
    c = new ConsoleChecks(run.boots[0] as Boot);
    canary = new ConsoleChecks(run.boots[1] as Boot);
  }, 90 * 60_000);

  test("the VM runs /init to the end and reboots", () => {
    c.ranToTheEnd(BOOT_TIMEOUT_MS);
    c.find(/^EPROG-TEST DONE failures=0$/m, "the eprog checks' last line");
  });

  // The runtime's lines, generator/protocol/runtime/c/sgwire_helper.c (its list of messages), each
  // after the driver's name; "[ secs ] " is the printk timestamp.
  const k = (line: string) => new RegExp(`^\\[[ \\d.]+\\] ${line}$`, "m");

  test("the helper starts from the image and the handshake completes", () => {
    c.find(k(String.raw`eprog: helper of \d+ bytes loaded`), "blob loaded");
    const started = c.find(k(String.raw`eprog: helper pid (\d+) started`), "the first helper forked");
    // runtime version 1 (sgwire.h); the driver offers no feature bits, so none are agreed.
    c.find(k(`eprog: helper pid ${started.m[1]} up: "eprog-helper", runtime version 1, features 0x0`), "its handshake", started.at);
    c.find(/^EPROG-TEST PASS handshake: helper pid \d+ up$/m, "init.sh sees the helper answer");
    // /dev/null is in the initramfs, so the first start works (see buildInitramfs).
    c.absent(/eprog: cannot start the helper.*/, "first start");
    c.absent(/eprog: helper pid \d+ (sent|speaks|hung|has not).*/, "no broken handshake, stream or hang");
  });

  test(`${ROUND_TRIPS} echo round trips carry text and a + b both ways`, () => {
    const { m } = c.find(/^EPROG-TEST PASS round trips: (\d+)\/(\d+)$/m, "round trips");
    expect(Number(m[1])).toBe(ROUND_TRIPS);
    expect(Number(m[2])).toBe(ROUND_TRIPS);
    c.find(/^EPROG-TEST PASS 127-byte text$/m, "the longest text");
  });

  test("helper log lines are printed at their printk level, clamped to the driver's ceiling", () => {
    // dmesg -r shows the record's level: the helper logs "helper ready" at KERN_INFO (6), which
    // the driver's ceiling (LOGLEVEL_WARNING) leaves alone, and its exit line at KERN_ERR (3),
    // which the ceiling prints as a warning (4).
    c.find(/^EPROG-TEST kmsg: <6> eprog: helper: helper ready$/m, "helper ready at info level");
    c.find(k("eprog: helper: helper ready"), "helper ready on the console");
    c.find(/^EPROG-TEST kmsg: <4> eprog: helper: exit requested by the driver: exiting with status 3$/m, "the exit line clamped");
    c.find(/^EPROG-TEST stats: log_dropped: 0$/m, "no log line dropped");
  });

  test("read_file returns the start of /proc/version", () => {
    c.find(/^EPROG-TEST PASS read_file \/proc\/version: status=0 value=\d+ data=Linux version 6\.12/m, "read_file");
  });

  test("a malformed frame is skipped and counted, and the driver carries on with the same helper", () => {
    // The helper's status is message 4 (eprog.ts); notifications go with sequence number 0.
    const bad = c.find(k(String.raw`eprog: malformed notification from helper \(type 4, seq 0\): skipped`), "malformed frame");
    const answered = c.find(/^EPROG-TEST PASS garbage: call answered, bad_frames (\d+) -> (\d+)$/m, "the call itself is answered", bad.at);
    expect(Number(answered.m[2])).toBe(Number(answered.m[1]) + 1);
    c.find(/^EPROG-TEST PASS after garbage: same helper pid \d+ answers, lost_streams 0$/m, "the next call", answered.at);
    c.absent(/eprog: helper pid \d+ sent a bad frame header.*/, "the stream stays in step");
  });

  test("a helper that exits or is killed is detected and respawned, and traffic resumes", () => {
    const exited = c.find(k(String.raw`eprog: helper pid (\d+) ended \(exit code 3\), restarting in \d+ ms`), "death by exit");
    const up1 = c.find(k(String.raw`eprog: helper pid \d+ up: "eprog-helper".*`), "handshake after the exit", exited.at);
    c.find(/^EPROG-TEST exit request: rc [1-9]\d*, error=-104$/m, "the exit call fails with ECONNRESET");
    const pass1 = c.find(new RegExp(`^EPROG-TEST PASS exit: respawned, pid ${exited.m[1]} -> \\d+$`, "m"), "traffic after the exit", up1.at);
    const killedPid = c.find(/^EPROG-TEST PASS kill: respawned, pid (\d+) -> \d+$/m, "traffic after the kill", pass1.at).m[1];
    const killed = c.find(k(`eprog: helper pid ${killedPid} ended \\(killed by signal 9\\), restarting in \\d+ ms`), "death by SIGKILL", pass1.at);
    const up2 = c.find(k(String.raw`eprog: helper pid \d+ up: "eprog-helper".*`), "handshake after the kill", killed.at);
    c.find(/^EPROG-TEST PASS post-respawn round trips: 10\/10$/m, "round trips on the new helper", up2.at);
    c.find(/^EPROG-TEST stats: respawns: 2$/m, "respawn count");
    c.find(/^EPROG-TEST stats: lost_streams: 2$/m, "two helpers lost");
    c.find(/^EPROG-TEST stats: hung: 0$/m, "none hung");
  });

  test("the helper's status notifications arrive", () => {
    c.find(/^EPROG-TEST PASS status messages: [1-9]\d*, uptime_ms=\d+ requests=\d+ failures=\d+ max_rss_kb=[1-9]\d*$/m, "status");
  });

  test("reboot stops the helper in order and the kernel shuts down cleanly", () => {
    const done = c.find(/^KTEST DONE failures=0$/m, "init.sh done");
    const stopping = c.find(k("eprog: stopping the helper for good"), "the reboot notifier", done.at);
    const stopped = c.find(k(String.raw`eprog: helper pid \d+ ended \(killed by signal 9\), not restarting`), "helper stopped", stopping.at);
    c.find(k("reboot: Restarting system"), "reboot", stopped.at);
    expect(c.count(/eprog: helper pid \d+ started/g)).toBe(3);
  });

  test("the debug options are on: SMP on 4 CPUs, lockdep, KASAN, kmemleak, the hung-task detector", () => {
    c.find(/^\[[ \d.]+\] smp: Brought up 1 node, 4 CPUs$/m, "4 CPUs up");
    c.find(/^KTEST cpus: 4$/m, "init.sh sees 4 CPUs");
    // kernel/locking/lockdep.c, lockdep_init().
    c.find(/^\[[ \d.]+\] Lock dependency validator: Copyright \(c\) 2006 Red Hat, Inc\., Ingo Molnar$/m, "lockdep's banner");
    // arch/x86/mm/kasan_init_64.c and arch/arm64/mm/kasan_init.c: "... initialized (generic)" on arm64.
    if (dotConfig.includes("\nCONFIG_KASAN=y\n")) c.find(/^\[[ \d.]+\] kasan: KernelAddressSanitizer initialized/m, "KASAN's init line");
    c.find(/^\[[ \d.]+\] kmemleak: Kernel memory leak detector initialized/m, "kmemleak's init line");
    c.find(/^KTEST hung_task_timeout_secs: 10$/m, "the hung-task timeout");
    // Nothing tainted the kernel or turned lockdep off before the reboot.
    c.find(/^KTEST tainted: 0$/m, "taint flags after the checks");
    c.find(/^KTEST debug_locks: 1$/m, "lockdep still on after the checks");
  });

  test(`kcanary survives ${MODULE_CYCLES} insmod/rmmod cycles with traffic, and kmemleak finds no leak`, () => {
    c.find(new RegExp(`^KTEST PASS module kcanary: ${MODULE_CYCLES}/${MODULE_CYCLES} insmod/rmmod cycles$`, "m"), "module cycles");
    expect(c.count(/^\[[ \d.]+\] kcanary: loaded$/m)).toBe(MODULE_CYCLES);
    expect(c.count(/^\[[ \d.]+\] kcanary: unloaded$/m)).toBe(MODULE_CYCLES);
    c.find(/^KTEST PASS kmemleak: no leaks$/m, "the kmemleak scan after the cycles");
  });

  test("no kernel report on the whole console: lockdep, KASAN, hung task, WARN, BUG, Oops, kmemleak", () => {
    c.noReports("the test boot");
  });

  test("each report kcanary provokes is on the console, and the scanner finds it", () => {
    canary.ranToTheEnd(BOOT_TIMEOUT_MS);
    expect(kinds.map((k) => k.provoke)).toEqual(["lockdep", "sleep", "warn", "leak", "hung", "kasan", "bug"]);
    const begin = lineOf(canary.boot.console, "KTEST CANARY BEGIN");
    if (begin === undefined) canary.fail("no KTEST CANARY BEGIN line");
    canary.noReports("the canary boot before the canary", 1, begin);
    const found = canary.reports(begin);
    const missing = kinds.flatMap((k) => k.reports.filter((r) => !found.some((f) => f.kind === r)).map((r) => `${r} (provoked by ${k.provoke})`));
    if (missing.length) canary.fail(`no ${missing.join(", ")} report after KTEST CANARY BEGIN; found: ${found.map((f) => `${f.kind} at line ${f.line}`).join(", ")}`);
  });
});
