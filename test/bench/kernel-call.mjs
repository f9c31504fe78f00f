// The call runtime's benchmark in a booted kernel: builds (or reuses) the kernel tests' debug
// kernel and boots it with init.sh's sgwtest bench phase, through vitest (the kernel build code is
// TypeScript: kernel/call-bench.ts), then prints calls/s and p50/p99 latency of calls from 1 and
// 8 kernel threads against a raw pipe ping-pong with the same helper in the same boot.
// SYSCALLGEN_BENCH_KERNEL=0 skips it (a cold kernel build takes most of an hour on 2 cores).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Runs the kernel call benchmark of the checkout at root, working in work; prints its figures. */
export function kernelCallBench(root, work) {
  if (process.env.SYSCALLGEN_BENCH_KERNEL === "0") {
    console.log("\nCall runtime in a booted kernel: skipped (SYSCALLGEN_BENCH_KERNEL=0)");
    return;
  }
  const out = join(work, "call-bench.json");
  const vitest = join(root, "node_modules", ".bin", "vitest");
  const r = spawnSync(vitest, ["run", "--config", "test/bench/kernel/vitest.config.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, SGW_BENCH_OUT: out },
  });
  if (r.status !== 0) throw new Error(`the kernel call benchmark failed:\n${r.stdout}\n${r.stderr}`);
  const { arch, kernel, cpus, rounds, figures } = JSON.parse(readFileSync(out, "utf8"));
  const runs = (what, callers) => figures.filter((f) => f.what === what && f.callers === callers);
  // The best run of each kind saw the least noise from the host.
  const best = (what, callers) => runs(what, callers).sort((a, b) => b.perSecond - a.perSecond)[0];
  const raw = best("raw", 1);
  const one = best("runtime", 1);
  const eight = best("runtime", 8);
  // Each round's 1-caller run against the raw run just before it: the pair saw the same host.
  const raws = runs("raw", 1);
  const paired = runs("runtime", 1).map((f, i) => raws[i].perSecond / f.perSecond).sort((a, b) => a - b);
  const median = paired[Math.floor(paired.length / 2)];
  const us = (ns) => (ns / 1000).toFixed(1);
  console.log(`\nCall runtime in a booted kernel: ${arch} ${kernel} kernel, ${cpus} vCPUs (qemu TCG), ${one.calls} calls a run, best of ${rounds} runs`);
  console.log("  run                          calls/s    p50 us    p99 us   time per call vs raw   p50 vs raw");
  for (const [name, f] of [
    ["raw pipe ping-pong, 1 caller", raw],
    ["runtime call, 1 caller", one],
    ["runtime call, 8 callers", eight],
  ]) {
    const ratio = raw.perSecond / f.perSecond;
    console.log(
      `  ${name.padEnd(28)} ${String(f.perSecond).padStart(8)} ${us(f.p50Ns).padStart(9)} ${us(f.p99Ns).padStart(9)} ${ratio.toFixed(2).padStart(20)} x ${(f.p50Ns / raw.p50Ns).toFixed(2).padStart(10)} x`,
    );
  }
  console.log(`  1 caller vs raw, round by round: median ${median.toFixed(2)} x (from ${paired[0].toFixed(2)} to ${paired[paired.length - 1].toFixed(2)} x)`);
  console.log("  (target: a call from 1 caller within 1.3 x the raw ping-pong)");
}
