#!/usr/bin/env node
// npm run bench: prints the figures the issues set targets for, each against a baseline measured
// in the same run. Nothing here asserts; the numbers are for reading.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kernelCallBench } from "./kernel-call.mjs";
import { protocolBench } from "./protocol.mjs";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/generator/cli/bin.js");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wall(args, runs, before = () => {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    before();
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { encoding: "utf8" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0) throw new Error(`${args.join(" ")} failed:\n${run.stderr}`);
  }
  return median(times);
}

const work = mkdtempSync(join(tmpdir(), "syscallgen-bench-"));
try {
  const out = join(work, "out");
  // What npm run gen makes: every arch and the bundled demo protocol.
  const gen = [cli, "gen", "--arch", "all", "--out", out, "--protocol", join(root, "specs/protocols/demo.ts"), "--go-import-prefix", "syscallgen.local/go"];
  const node = wall(["-e", "0"], 15);
  const full = wall(gen, 5, () => rmSync(out, { recursive: true, force: true }));
  const noop = wall(gen, 15);
  console.log("syscallgen CLI, median wall time (node -e 0 measured in the same run as the unit)");
  console.log(`  node -e 0                ${node.toFixed(1)} ms`);
  console.log(`  gen --arch all           ${full.toFixed(1)} ms  = ${(full / node).toFixed(1)} x node -e 0   (target < 2000 ms)`);
  console.log(`  gen --arch all (no-op)   ${noop.toFixed(1)} ms  = ${(noop / node).toFixed(1)} x node -e 0   (target < 500 ms)`);

  const mod = join(work, "gobench");
  cpSync(join(root, "test/bench/go"), mod, { recursive: true });
  cpSync(join(root, "out/go/rawsys"), join(mod, "rawsys"), { recursive: true });
  const go = spawnSync("go", ["test", "-run", "^$", "-bench", ".", "-benchmem", "-count", "7", "-benchtime", "200ms"], {
    cwd: mod,
    encoding: "utf8",
    env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=mod" },
  });
  if (go.status !== 0) throw new Error(`go test -bench failed:\n${go.stdout}\n${go.stderr}`);
  const samples = {};
  for (const m of go.stdout.matchAll(/^Benchmark(\w+)\/(rawsys|xsys)-\d+\s+\d+\s+([\d.]+) ns\/op\s+\d+ B\/op\s+(\d+) allocs\/op/gm)) {
    const entry = (samples[m[1]] ??= { rawsys: [], xsys: [], allocs: {} });
    entry[m[2]].push(Number(m[3]));
    entry.allocs[m[2]] = Number(m[4]);
  }
  console.log("\nGo wrappers vs golang.org/x/sys/unix, median of 7 runs (target: ratio <= 1.05, 0 allocs/op)");
  console.log("  benchmark      rawsys ns/op   x/sys ns/op   ratio   rawsys allocs/op   x/sys allocs/op");
  for (const [name, s] of Object.entries(samples)) {
    const r = median(s.rawsys);
    const x = median(s.xsys);
    console.log(`  ${name.padEnd(13)} ${r.toFixed(1).padStart(12)} ${x.toFixed(1).padStart(13)} ${(r / x).toFixed(3).padStart(7)} ${String(s.allocs.rawsys).padStart(18)} ${String(s.allocs.xsys).padStart(17)}`);
  }
  if (Object.keys(samples).length === 0) throw new Error(`no benchmark results parsed:\n${go.stdout}`);

  protocolBench(process.env.SYSCALLGEN_BENCH_OUT ?? join(root, "out"), work);
  kernelCallBench(root, work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
