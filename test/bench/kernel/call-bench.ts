/**
 * The call runtime's benchmark in a booted kernel: the debug kernel of the kernel tests (one arch,
 * arm64 unless SYSCALLGEN_BENCH_ARCH names another: under qemu the x86_64 kernel finds its vCPUs'
 * TSCs unsynchronized and falls back to the jiffies clocksource, so its latencies come in 4 ms
 * steps; arm64's arch counter has no such limit), booted with init.sh's sgwtest bench phase.
 * In one boot sgwtest times SGW_CALLS add calls from 1 kernel thread and from 8 at once, and the
 * same number of round trips of a raw pipe ping-pong between the kernel and the same helper
 * binary started without the runtime (frames of the add call's sizes, read and written with
 * kernel_read()/kernel_write() on one side and read(2)/write(2) on the other): the baseline.
 * Each runs twice, alternating, and the figures are written as JSON to $SGW_BENCH_OUT for
 * run.mjs to print. Nothing here is asserted on the figures: it fails only if a run failed.
 */
import { writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { ARCHES, debugKernel } from "../../kernel/kernel-build.js";
import { type Boot, buildAndBoot, ConsoleChecks } from "../../kernel/kernel-run.js";

const CALLS = Number(process.env.SGW_CALLS ?? 2000);
const BOOT_TIMEOUT_MS = 20 * 60_000;

/** One "sgwtest: bench ..." line: which run, its callers, calls, wall time and latencies. */
export interface CallBenchFigure {
  readonly what: "runtime" | "raw";
  readonly callers: number;
  readonly calls: number;
  readonly us: number;
  readonly perSecond: number;
  readonly p50Ns: number;
  readonly p99Ns: number;
}

test("the call benchmark runs in a booted kernel", async () => {
  const name = process.env.SYSCALLGEN_BENCH_ARCH ?? "arm64";
  const arch = ARCHES.find((a) => a.name === name);
  if (!arch) throw new Error(`SYSCALLGEN_BENCH_ARCH=${name}: not one of ${ARCHES.map((a) => a.name).join(", ")}`);
  const run = await buildAndBoot(debugKernel(arch), [{ name: "bench", params: () => ({ KTEST_SGWBENCH: 1, SGW_CALLS: CALLS }) }], BOOT_TIMEOUT_MS);
  const c = new ConsoleChecks(run.boots[0] as Boot);
  c.ranToTheEnd(BOOT_TIMEOUT_MS);
  const re = /^\[[ \d.]+\] sgwtest: bench (runtime|raw) callers (\d+): (\d+) calls in (\d+) us: (\d+) calls\/s, p50 (\d+) ns, p99 (\d+) ns$/gm;
  const figures: CallBenchFigure[] = [...c.log.matchAll(re)].map((m) => ({
    what: m[1] as "runtime" | "raw",
    callers: Number(m[2]),
    calls: Number(m[3]),
    us: Number(m[4]),
    perSecond: Number(m[5]),
    p50Ns: Number(m[6]),
    p99Ns: Number(m[7]),
  }));
  // rawbench, bench 1, bench 8, rawbench, bench 1: five runs, or one failed.
  if (figures.length !== 5) c.fail(`expected 5 sgwtest bench lines, found ${figures.length}`);
  expect(figures.length).toBe(5);
  if (process.env.SGW_BENCH_OUT) writeFileSync(process.env.SGW_BENCH_OUT, JSON.stringify({ arch: arch.name, kernel: "debug (lockdep, KASAN)", figures }));
}, 90 * 60_000);
