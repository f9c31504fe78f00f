/**
 * The eprog example's functional checks, on the console of a boot that ran init.sh's eprog phase
 * (KTEST_EPROG=1) with the driver built in: the helper starts from the image and shakes hands,
 * round trips, log lines at their level, read_file, a malformed frame skipped, a helper that
 * exits or is killed respawned, status notifications, and the stop at reboot. The debug kernels
 * (eprog.kernel.ts) and the kernel matrix (matrix.kernel.ts) both run them.
 */
import { expect, test } from "vitest";
import type { ConsoleChecks } from "./kernel-run.js";

/**
 * Registers the checks in the current describe block; c gives the boot's console once its
 * beforeAll has run. version matches the kernel's VERSION.PATCHLEVEL (a regular expression:
 * "6\\.12"), which /proc/version starts with.
 */
export function eprogChecks(c: () => ConsoleChecks, { roundTrips, version }: { roundTrips: number; version: string }): void {
  // The runtime's lines, generator/protocol/runtime/c/sgwire_helper.c (its list of messages), each
  // after the driver's name; "[ secs ] " is the printk timestamp.
  const k = (line: string) => new RegExp(`^\\[[ \\d.]+\\] ${line}$`, "m");

  test("the helper starts from the image and the handshake completes", () => {
    c().find(k(String.raw`eprog: helper of \d+ bytes loaded`), "blob loaded");
    const started = c().find(k(String.raw`eprog: helper pid (\d+) started`), "the first helper forked");
    // runtime version 1 (sgwire.h); the driver offers no feature bits, so none are agreed.
    c().find(k(`eprog: helper pid ${started.m[1]} up: "eprog-helper", runtime version 1, features 0x0`), "its handshake", started.at);
    c().find(/^EPROG-TEST PASS handshake: helper pid \d+ up$/m, "init.sh sees the helper answer");
    // /dev/null is in the initramfs, so the first start works (see buildInitramfs).
    c().absent(/eprog: cannot start the helper.*/, "first start");
    c().absent(/eprog: helper pid \d+ (sent|speaks|hung|has not).*/, "no broken handshake, stream or hang");
  });

  test(`${roundTrips} echo round trips carry text and a + b both ways`, () => {
    const { m } = c().find(/^EPROG-TEST PASS round trips: (\d+)\/(\d+)$/m, "round trips");
    expect(Number(m[1])).toBe(roundTrips);
    expect(Number(m[2])).toBe(roundTrips);
    c().find(/^EPROG-TEST PASS 127-byte text$/m, "the longest text");
  });

  test("helper log lines are printed at their printk level, clamped to the driver's ceiling", () => {
    // dmesg -r shows the record's level: the helper logs "helper ready" at KERN_INFO (6), which
    // the driver's ceiling (LOGLEVEL_WARNING) leaves alone, and its exit line at KERN_ERR (3),
    // which the ceiling prints as a warning (4).
    c().find(/^EPROG-TEST kmsg: <6> eprog: helper: helper ready$/m, "helper ready at info level");
    c().find(k("eprog: helper: helper ready"), "helper ready on the console");
    c().find(/^EPROG-TEST kmsg: <4> eprog: helper: exit requested by the driver: exiting with status 3$/m, "the exit line clamped");
    c().find(/^EPROG-TEST stats: log_dropped: 0$/m, "no log line dropped");
  });

  test("read_file returns the start of /proc/version", () => {
    c().find(new RegExp(`^EPROG-TEST PASS read_file /proc/version: status=0 value=\\d+ data=Linux version ${version}\\.`, "m"), "read_file");
  });

  test("a malformed frame is skipped and counted, and the driver carries on with the same helper", () => {
    // The helper's status is message 4 (eprog.ts); notifications go with sequence number 0.
    const bad = c().find(k(String.raw`eprog: malformed notification from helper \(type 4, seq 0\): skipped`), "malformed frame");
    const answered = c().find(/^EPROG-TEST PASS garbage: call answered, bad_frames (\d+) -> (\d+)$/m, "the call itself is answered", bad.at);
    expect(Number(answered.m[2])).toBe(Number(answered.m[1]) + 1);
    c().find(/^EPROG-TEST PASS after garbage: same helper pid \d+ answers, lost_streams 0$/m, "the next call", answered.at);
    c().absent(/eprog: helper pid \d+ sent a bad frame header.*/, "the stream stays in step");
  });

  test("a helper that exits or is killed is detected and respawned, and traffic resumes", () => {
    const exited = c().find(k(String.raw`eprog: helper pid (\d+) ended \(exit code 3\), restarting in \d+ ms`), "death by exit");
    const up1 = c().find(k(String.raw`eprog: helper pid \d+ up: "eprog-helper".*`), "handshake after the exit", exited.at);
    c().find(/^EPROG-TEST exit request: rc [1-9]\d*, error=-104$/m, "the exit call fails with ECONNRESET");
    const pass1 = c().find(new RegExp(`^EPROG-TEST PASS exit: respawned, pid ${exited.m[1]} -> \\d+$`, "m"), "traffic after the exit", up1.at);
    const killedPid = c().find(/^EPROG-TEST PASS kill: respawned, pid (\d+) -> \d+$/m, "traffic after the kill", pass1.at).m[1];
    const killed = c().find(k(`eprog: helper pid ${killedPid} ended \\(killed by signal 9\\), restarting in \\d+ ms`), "death by SIGKILL", pass1.at);
    const up2 = c().find(k(String.raw`eprog: helper pid \d+ up: "eprog-helper".*`), "handshake after the kill", killed.at);
    c().find(/^EPROG-TEST PASS post-respawn round trips: 10\/10$/m, "round trips on the new helper", up2.at);
    c().find(/^EPROG-TEST stats: respawns: 2$/m, "respawn count");
    c().find(/^EPROG-TEST stats: lost_streams: 2$/m, "two helpers lost");
    c().find(/^EPROG-TEST stats: hung: 0$/m, "none hung");
  });

  test("the helper's status notifications arrive", () => {
    c().find(/^EPROG-TEST PASS status messages: [1-9]\d*, uptime_ms=\d+ requests=\d+ failures=\d+ max_rss_kb=[1-9]\d*$/m, "status");
  });

  test("reboot stops the helper in order and the kernel shuts down cleanly", () => {
    const done = c().find(/^KTEST DONE failures=0$/m, "init.sh done");
    const stopping = c().find(k("eprog: stopping the helper for good"), "the reboot notifier", done.at);
    const stopped = c().find(k(String.raw`eprog: helper pid \d+ ended \(killed by signal 9\), not restarting`), "helper stopped", stopping.at);
    c().find(k("reboot: Restarting system"), "reboot", stopped.at);
    expect(c().count(/eprog: helper pid \d+ started/g)).toBe(3);
  });
}
