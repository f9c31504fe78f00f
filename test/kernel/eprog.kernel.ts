/**
 * The eprog example end to end on the debug kernel of each arch in ARCHES (x86_64, arm64): Linux
 * 6.12, tinyconfig plus the example's fragments and test/kernel/debug.config (SMP, lockdep, KASAN,
 * kmemleak, the hung-task detector), with the eprog driver built in (its Go helper cross-built for
 * the kernel's arch and embedded by the driver's Makefile) and kcanary, the tests' own module, as
 * a module; booted under qemu (TCG, 4 vCPUs).
 *
 * Two boots of each kernel. The first runs init.sh's checks: eprog through debugfs, then 20
 * insmod/rmmod cycles of kcanary with traffic between, the rawsys runtime tests
 * (rawsys-checks.ts), then a kmemleak scan; its whole console
 * must be free of kernel reports (test/support/console-scan.ts), reboot included. The second
 * makes the kernel print each kind of report through kcanary, and shows that the scanner finds
 * each: the detectors are on, and the scanner knows their words.
 *
 * This file asserts on the serial console: the kernel's and the driver's own lines and init.sh's
 * "EPROG-TEST ..." and "KTEST ..." lines. Run with `npm run test:kernel`; not part of `npm test`.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { lineOf } from "../support/console-scan.js";
import { ARCHES, debugKernel, kernelTree, kernelVersion } from "./kernel-build.js";
import { eprogChecks } from "./eprog-checks.js";
import { type Boot, buildAndBoot, type CanaryKind, canaryKinds, ConsoleChecks, testParams } from "./kernel-run.js";
import { RAWSYS_PARAMS, rawsysChecks, rawsysTestFiles } from "./rawsys-checks.js";

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
  let version = "";

  beforeAll(async () => {
    const run = await buildAndBoot(
      config,
      [
        { name: "test", params: (cfg) => testParams(cfg, { ROUND_TRIPS, MODULE_CYCLES, ...RAWSYS_PARAMS }) },
        { name: "canary", params: (cfg) => ({ KTEST_CANARY: canaryKinds(cfg).map((k) => k.provoke).join(",") }) },
      ],
      BOOT_TIMEOUT_MS,
      await rawsysTestFiles(config.arch),
    );
    version = kernelVersion(await kernelTree(config.series)).full;
    dotConfig = run.kernel.dotConfig;
    kinds = canaryKinds(dotConfig);
    c = new ConsoleChecks(run.boots[0] as Boot);
    canary = new ConsoleChecks(run.boots[1] as Boot);
  }, 90 * 60_000);

  test("the VM runs /init to the end and reboots", () => {
    c.ranToTheEnd(BOOT_TIMEOUT_MS);
    c.find(/^EPROG-TEST DONE failures=0$/m, "the eprog checks' last line");
  });

  eprogChecks(() => c, { roundTrips: ROUND_TRIPS, version: String.raw`6\.12` });
  // The rawsys runtime tests ran in the same boot, under lockdep, KASAN and kmemleak.
  rawsysChecks(() => c, () => version);

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
