/**
 * The kernel matrix: both examples booted on x86_64 on the kernels BSPs ship besides 6.12 (which
 * the debug kernels cover): Linux 5.10 and 6.1, long-term kernels with the User Mode Driver, and
 * the newest 7.x Debian packages, which has none, so the runtime starts the helper itself. The
 * trees come from Debian's archive (test/support/debian-kernel-source.ts). Each kernel is
 * tinyconfig plus the example's fragments and matrix.config: eprog built in, fwscan a module
 * where the kernel has UMD and built in where it has not (no-umd.config), on 2 vCPUs. One boot
 * runs init.sh's eprog and fwscan phases, with the debug kernels' functional checks
 * (eprog-checks.ts, fwscan-checks.ts), and the rawsys runtime tests (rawsys-checks.ts); no WARN,
 * BUG or Oops may appear.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { KernelSeries } from "../support/debian-kernel-source.js";
import { eprogChecks } from "./eprog-checks.js";
import { fwscanChecks } from "./fwscan-checks.js";
import { ARCHES, hasUmd, kernelTree, kernelVersion, matrixKernel } from "./kernel-build.js";
import { type Boot, buildAndBoot, ConsoleChecks, kline } from "./kernel-run.js";
import { RAWSYS_PARAMS, rawsysChecks, rawsysTestFiles } from "./rawsys-checks.js";

const ROUND_TRIPS = 100;
// A boot runs both phases in a few minutes under TCG on two cores; the bound is for slow hosts.
const BOOT_TIMEOUT_MS = 15 * 60_000;
const SERIES: readonly KernelSeries[] = ["5.10", "6.1", "7"];
const x86 = ARCHES.find((a) => a.name === "x86_64");
if (!x86) throw new Error("no x86_64 in ARCHES");

describe.each(SERIES)("Linux %s on x86_64 (matrix kernel)", (series) => {
  let c: ConsoleChecks;
  let version = "";
  let umd = true;

  beforeAll(async () => {
    const tree = await kernelTree(series);
    umd = hasUmd(tree);
    version = kernelVersion(tree).full;
    const boots = [{ name: "matrix", params: () => ({ KTEST_EPROG: 1, KTEST_FWSCAN: 1, ROUND_TRIPS, ...RAWSYS_PARAMS }) }];
    const run = await buildAndBoot(matrixKernel(x86, series, umd), boots, BOOT_TIMEOUT_MS, await rawsysTestFiles(x86));
    c = new ConsoleChecks(run.boots[0] as Boot);
  }, 90 * 60_000);

  test("the kernel booted is the series', with the User Mode Driver before 6.17 and without it after", () => {
    expect(version.startsWith(series === "7" ? "7." : `${series}.`), version).toBe(true);
    expect(umd).toBe(series !== "7");
    c.find(new RegExp(`^\\[[ \\d.]+\\] Linux version ${version.replace(/\./g, "\\.")} `, "m"), "the kernel's banner");
  });

  eprogChecks(() => c, { roundTrips: ROUND_TRIPS, version: series === "7" ? String.raw`7\.\d+` : series.replace(".", "\\.") });
  fwscanChecks(() => c, BOOT_TIMEOUT_MS);
  rawsysChecks(() => c, () => version);

  test("fwscan is a module where the kernel has UMD (loaded and removed), built in where it has not", () => {
    if (umd) {
      c.find(/^FWSCAN-TEST PASS rmmod$/m, "rmmod after the checks");
      c.absent(/^FWSCAN-TEST built in$/m, "a module");
    } else {
      c.find(/^FWSCAN-TEST built in$/m, "built in");
      c.find(kline("fwscan: stopping the helper for good"), "the built-in driver's helper stopped at reboot");
    }
  });

  test("no kernel report on the whole console: WARN, BUG, Oops", () => {
    c.noReports(`the Linux ${version} boot`);
  });
});
