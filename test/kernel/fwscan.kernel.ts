/**
 * The fwscan example (examples/fwscan) in the debug kernel of each arch that eprog.kernel.ts
 * builds (SMP on 4 vCPUs, lockdep, KASAN, kmemleak, the hung-task detector), where it is a module
 * (test/kernel/debug.config). One boot of its own runs init.sh's fwscan phase: a 12-section FWC1
 * container built by init.sh is loaded through the driver in load calls of up to 4,000 bytes,
 * scanned (the table comes back as two sections notifications, then the verdict), every section
 * read back through extract calls and compared with the file it was made of (section 0 whole in
 * one 4,064-byte reply, a 4,096-byte frame), four scans at once, three refused images; then 20
 * insmod/rmmod cycles with traffic and a kmemleak scan. Any kernel report fails it.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { ARCHES, debugKernel } from "./kernel-build.js";
import { fwscanChecks } from "./fwscan-checks.js";
import { type Boot, buildAndBoot, ConsoleChecks, kline } from "./kernel-run.js";

const MODULE_CYCLES = 20;
const BOOT_TIMEOUT_MS = 15 * 60_000;

describe.each(ARCHES.map((a) => [`${a.name} (debug kernel)`, debugKernel(a)] as const))("fwscan on %s", (_name, config) => {
  let c: ConsoleChecks;

  beforeAll(async () => {
    const run = await buildAndBoot(config, [{ name: "fwscan", params: () => ({ KTEST_FWSCAN: 1, KTEST_MODULES: "fwscan", MODULE_CYCLES }) }], BOOT_TIMEOUT_MS);
    c = new ConsoleChecks(run.boots[0] as Boot);
  }, 90 * 60_000);

  fwscanChecks(() => c, BOOT_TIMEOUT_MS);

  test(`rmmod, then ${MODULE_CYCLES} insmod/rmmod cycles with traffic, and kmemleak finds no leak`, () => {
    c.find(/^FWSCAN-TEST PASS rmmod$/m, "rmmod after the checks");
    c.find(new RegExp(`^KTEST PASS module fwscan: ${MODULE_CYCLES}/${MODULE_CYCLES} insmod/rmmod cycles$`, "m"), "module cycles");
    // One helper per load: the checks' and each cycle's.
    expect(c.count(kline(`fwscan: helper pid \\d+ up: "fwscan-helper".*`))).toBe(MODULE_CYCLES + 1);
    c.find(/^KTEST PASS kmemleak: no leaks$/m, "kmemleak");
    c.find(/^KTEST tainted: 0$/m, "taint flags");
    c.find(/^KTEST debug_locks: 1$/m, "lockdep still on");
  });

  test("no kernel report on the whole console: lockdep, KASAN, hung task, WARN, BUG, Oops, kmemleak", () => {
    c.noReports("the fwscan boot");
  });
});
