/**
 * The call runtime's benchmark in a booted kernel: the debug kernel of the kernel tests (one arch,
 * arm64 unless SYSCALLGEN_BENCH_ARCH names another: under qemu the x86_64 kernel finds its vCPUs'
 * TSCs unsynchronized and falls back to the jiffies clocksource, so its latencies come in 4 ms
 * steps; arm64's arch counter has no such limit), booted with init.sh's sgwtest bench phase.
 *
 * The guest gets as many vCPUs as the host has cores, at most 4 (SGW_BENCH_CPUS overrides): with
 * more vCPUs than cores a vCPU spinning on a lock waits for one that the host has descheduled,
 * and the figures measure the host's scheduler. In one boot sgwtest runs SGW_ROUNDS rounds of a
 * raw pipe ping-pong between the kernel and the same helper binary started without the runtime
 * (frames of the add call's sizes, read and written with kernel_read()/kernel_write() on one side
 * and read(2)/write(2) on the other), the baseline, each followed by SGW_CALLS add calls from 1
 * kernel thread; then calls from 8 threads at once, twice. The figures are written as JSON to
 * $SGW_BENCH_OUT for run.mjs to print. Nothing here is asserted on the figures: it fails only if
 * a run failed.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { expect, test } from "vitest";
import { ARCHES, debugKernel } from "../../kernel/kernel-build.js";
import { type Boot, buildAndBoot, ConsoleChecks } from "../../kernel/kernel-run.js";

const CALLS = Number(process.env.SGW_CALLS ?? 2000);
const ROUNDS = Number(process.env.SGW_ROUNDS ?? 5);
const CPUS = Number(process.env.SGW_BENCH_CPUS ?? Math.min(4, os.availableParallelism()));
const BOOT_TIMEOUT_MS = 30 * 60_000;

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
  const kernel = { ...debugKernel(arch), cpus: CPUS };
  const params = () => ({ KTEST_SGWBENCH: 1, SGW_CALLS: CALLS, SGW_ROUNDS: ROUNDS });
  const run = await buildAndBoot(kernel, [{ name: "bench", params }], BOOT_TIMEOUT_MS);
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
  // A raw run and a 1-caller run a round, then two 8-caller runs: fewer lines, and one failed.
  const expected = 2 * ROUNDS + 2;
  if (figures.length !== expected) c.fail(`expected ${expected} sgwtest bench lines, found ${figures.length}`);
  expect(figures.length).toBe(expected);
  if (process.env.SGW_BENCH_OUT) {
    writeFileSync(process.env.SGW_BENCH_OUT, JSON.stringify({ arch: arch.name, kernel: "debug (lockdep, KASAN)", cpus: CPUS, rounds: ROUNDS, figures }));
  }
}, 90 * 60_000);
