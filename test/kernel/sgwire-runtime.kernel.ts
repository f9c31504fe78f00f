/**
 * The call runtime (generator/protocol/runtime/c/sgwire_helper.c) in a booted debug kernel of
 * each arch (SMP on 4 vCPUs, lockdep, KASAN, kmemleak, the hung-task detector at 10 s), through
 * sgwtest (test/kernel/sgwtest): a module built on the API generated from its own protocol, with a
 * Go helper on the generated package and sgwire.Serve that the driver switches into hostile
 * modes. One boot of the debug kernel eprog.kernel.ts builds, with init.sh's sgwtest phase:
 * 8 kernel threads of 1,000 calls at once, each hostile mode with its outcome, calls cancelled
 * before they were written, then 20 insmod/rmmod cycles with traffic and a kmemleak scan. Any
 * kernel report on the console (lockdep, KASAN, hung task, WARN, BUG) fails it.
 *
 * Each step starts from a fresh helper (a bye, then start: the back-off at its least), and
 * init.sh prints the driver's counters before and after it; the assertions are on those
 * deltas, the driver's result lines ("sgwtest: quick tag 101: -110, ...") and the runtime's own
 * messages (their wording is the list at the top of sgwire_helper.c). Errnos are Linux's:
 * -110 ETIMEDOUT, -4 EINTR, -108 ESHUTDOWN, -11 EAGAIN, -104 ECONNRESET, -71 EPROTO, -74 EBADMSG.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { ARCHES, debugKernel } from "./kernel-build.js";
import { type Boot, buildAndBoot, ConsoleChecks } from "./kernel-run.js";
import { inStep, kline, type SgwStats, sgwStats, stepDelta, stepText } from "./sgwtest-console.js";

const MODULE_CYCLES = 20;
const BOOT_TIMEOUT_MS = 20 * 60_000;

describe.each(ARCHES.map((a) => [`${a.name} (debug kernel)`, debugKernel(a)] as const))("the call runtime on %s", (_name, config) => {
  let c: ConsoleChecks;
  let stats: ReadonlyMap<string, SgwStats>;
  const delta = (step: string) => stepDelta(c, stats, step);

  beforeAll(async () => {
    const run = await buildAndBoot(config, [{ name: "sgwtest", params: () => ({ KTEST_SGWTEST: 1, KTEST_MODULES: "sgwtest", MODULE_CYCLES }) }], BOOT_TIMEOUT_MS);
    c = new ConsoleChecks(run.boots[0] as Boot);
    stats = sgwStats(c);
  }, 90 * 60_000);

  test("the VM runs /init to the end, and the helper comes up with the features both offered", () => {
    c.ranToTheEnd(BOOT_TIMEOUT_MS);
    c.find(/^KTEST PASS sgwtest: helper up$/m, "first helper");
    // The driver offers 0x5, the helper 0x3.
    c.find(kline(/sgwtest: helper pid \d+ up: "sgwtest-helper", runtime version 1, features 0x1$/), "handshake");
  });

  test("8 kernel threads make 1,000 calls each at once, every reply checked", () => {
    inStep(c, "stress", kline(/sgwtest: stress: 8 threads x 1000 calls: ok 8000, wrong 0, failed 0 \(first error 0\)$/));
    expect(delta("stress").replies).toBeGreaterThanOrEqual(8000);
    expect(delta("stress").failed).toBe(0);
  });

  test("never answers: the call times out, liveness kills the helper and starts another", () => {
    inStep(c, "hang", kline("sgwtest: quick tag 101: -110,"));
    const hung = inStep(c, "hang", kline(/sgwtest: helper pid (\d+) hung: no pong in 6000 ms, killing it$/));
    inStep(c, "hang", kline(`sgwtest: helper pid ${hung[1]} ended \\(killed by signal 9\\), restarting in 500 ms$`));
    expect(delta("hang")).toMatchObject({ hung: 1, lost_streams: 1, respawns: 1 });
    expect(delta("hang").timeouts).toBeGreaterThanOrEqual(1);
  });

  test("answers after the timeout: the call fails, the late reply is dropped and counted", () => {
    inStep(c, "late", kline("sgwtest: quick tag 201: -110,"));
    inStep(c, "late", kline(/sgwtest: reply \(type 6, seq \d+\) matches no call in flight: dropped$/));
    inStep(c, "late", kline("sgwtest: quick tag 202: 0, seen 1,"));
    expect(delta("late")).toMatchObject({ late_replies: 1, timeouts: 1, lost_streams: 0 });
  });

  test("floods log lines: rate-limited, the rest counted in log_dropped, the kernel still answers", () => {
    const printed = c.count(kline(/sgwtest: helper: flood line$/));
    expect(printed).toBeGreaterThan(0);
    expect(printed).toBeLessThanOrEqual(20); // the burst
    expect(delta("flood").log_lines).toBe(1000);
    expect((delta("flood").log_dropped ?? 0) + printed).toBe(1000);
    inStep(c, "flood", kline(/sgwtest: \d+ helper log lines dropped$/));
    inStep(c, "flood", kline("sgwtest: add 2 3: 0, sum 5$"));
  });

  test("logs control characters and fake kernel lines: escaped, prefixed, clamped to the ceiling", () => {
    const esc = (s: string) => s.replace(/[\\[\].()*+?^$|{}]/g, "\\$&");
    inStep(c, "ctrl", kline(esc(String.raw`sgwtest: helper: line one\n[    0.000000] BUG: forged kernel line\n<0>forged level\e[31m red \001 soh\177 del`) + "$"));
    inStep(c, "ctrl", kline(esc(String.raw`sgwtest: helper: \r\n[    1.000000] Kernel panic - not syncing: forged`) + "$"));
    // KERN_EMERG from the helper, printed at the driver's ceiling, KERN_WARNING.
    c.find(/^SGWTEST kmsg: <4>sgwtest: helper: emerg line, clamped to the ceiling$/m, "the emerg line's level");
    inStep(c, "ctrl", kline(/sgwtest: malformed log line from helper \(type 0, seq 0\): skipped$/));
    expect(delta("ctrl").bad_frames).toBe(1);
    for (const forged of [/^\[ *[\d.]+\] BUG: forged/m, /^\[ *[\d.]+\] Kernel panic - not syncing: forged/m, /^<0>forged/m]) c.absent(forged, "a forged kernel line");
  });

  test("stops reading its stdin: senders fail with documented errnos, the helper is killed as hung", () => {
    const fill = inStep(c, "noread", kline(/sgwtest: fill 200 from tag 9100: (\d+) queued, (-?\d+)$/));
    expect(["-110", "-11", "-104"]).toContain(fill[2]);
    expect(Number(fill[1])).toBeLessThan(200);
    inStep(c, "noread", kline("sgwtest: quick tag 501: -110,"));
    inStep(c, "noread", kline(/sgwtest: helper pid \d+ hung: no pong in 6000 ms, killing it$/));
    expect(delta("noread")).toMatchObject({ hung: 1, respawns: 1 });
  });

  test("forks a child that keeps the pipes: the exit is seen without end of file, and it is restarted", () => {
    const exited = inStep(c, "forkchild", kline(/sgwtest: helper pid (\d+) has exited$/));
    inStep(c, "forkchild", kline(`sgwtest: helper pid ${exited[1]} ended \\(exit code 0\\), restarting in \\d+ ms$`));
    expect(delta("forkchild")).toMatchObject({ lost_streams: 1, respawns: 1, hung: 0 });
  });

  test("dies mid-frame, sends garbage: the stream is lost, the helper restarted", () => {
    inStep(c, "midframe", kline(/sgwtest: helper pid \d+ ended \(exit code 0\), restarting in \d+ ms$/));
    expect(stepText(c, "midframe")).not.toMatch(/bad frame header/);
    expect(delta("midframe")).toMatchObject({ lost_streams: 1, respawns: 1 });
    inStep(c, "garbage", kline(/sgwtest: helper pid \d+ sent a bad frame header \(version \d+, type \d+, length \d+\): -(74|71)$/));
    expect(delta("garbage")).toMatchObject({ lost_streams: 1, respawns: 1 });
  });

  test("exits during the handshake, or speaks another version: refused, restarted", () => {
    inStep(c, "hsexit", kline(/sgwtest: helper pid \d+ ended \(exit code 0\), restarting in \d+ ms$/));
    expect(delta("hsexit")).toMatchObject({ lost_streams: 1, respawns: 1 });
    inStep(c, "version", kline(/sgwtest: helper pid \d+ sent a bad frame header \(version 2, type 65281, length 48\): -71$/));
    expect(delta("version")).toMatchObject({ lost_streams: 1, respawns: 1 });
    inStep(c, "rtversion", kline(/sgwtest: helper pid \d+ speaks runtime version 2, driver 1$/));
    expect(delta("rtversion")).toMatchObject({ lost_streams: 1, respawns: 1 });
  });

  test("says bye: calls fail with ESHUTDOWN until the driver starts it again", () => {
    inStep(c, "bye", kline(/sgwtest: helper pid \d+ said bye \(reason 0\): not restarting until started again$/));
    inStep(c, "bye", kline("sgwtest: add 6 7: -108, sum 0$"));
    inStep(c, "bye", kline("sgwtest: start: 0$"));
    expect(delta("bye")).toMatchObject({ byes: 1, lost_streams: 0, respawns: 0 });
  });

  test("a call that times out and one interrupted by a fatal signal never reach the helper", () => {
    inStep(c, "cancel", kline("sgwtest: fill 100 from tag 9000: 100 queued, 0$"));
    inStep(c, "cancel", kline("sgwtest: quick tag 9901: -110, seen 0, requests 0$"));
    inStep(c, "cancel", kline("sgwtest: probe tag 9902: -4, seen 0, requests 0$"));
    // The helper saw every fill queued around them, and neither call.
    for (const tag of [9901, 9902]) inStep(c, "cancel", kline(`sgwtest: seen tag ${tag}: 0, seen 0, requests \\d+$`));
    for (const tag of [9000, 9099]) inStep(c, "cancel", kline(`sgwtest: seen tag ${tag}: 0, seen 1, requests \\d+$`));
    // Never written, so no late reply either; and the helper was never in trouble.
    expect(delta("cancel")).toMatchObject({ timeouts: 1, interrupted: 1, late_replies: 0, hung: 0, lost_streams: 0 });
  });

  test("notifications flow both ways all along", () => {
    const end = stats.get("cancel-after");
    expect(end?.notifications_received).toBeGreaterThan(0);
    // The driver counts in its op, before the runtime does.
    expect(end?.events).toBeGreaterThanOrEqual(end?.notifications_received ?? 0);
    expect(delta("cancel").notifications_sent).toBeGreaterThanOrEqual(101);
  });

  test(`${MODULE_CYCLES} insmod/rmmod cycles with traffic, then no leak, taint or lockdep report`, () => {
    c.find(/^KTEST PASS sgwtest: rmmod$/m, "rmmod after the checks");
    c.find(new RegExp(`^KTEST PASS module sgwtest: ${MODULE_CYCLES}/${MODULE_CYCLES} insmod/rmmod cycles$`, "m"), "module cycles");
    expect(c.count(kline(/sgwtest: loaded$/))).toBe(MODULE_CYCLES + 1);
    expect(c.count(kline(/sgwtest: unloaded$/))).toBe(MODULE_CYCLES + 1);
    expect(c.count(kline(/sgwtest: stopping the helper for good$/))).toBe(MODULE_CYCLES + 1);
    c.find(/^KTEST PASS kmemleak: no leaks$/m, "kmemleak");
    c.find(/^KTEST tainted: 0$/m, "taint");
    c.find(/^KTEST debug_locks: 1$/m, "lockdep still on");
  });

  test("no kernel report on the whole console: lockdep, KASAN, hung task, WARN, BUG", () => {
    c.noReports("the sgwtest boot");
  });
});
