// The protocol's figures, each against a baseline from the same run: encode/decode ns/op and
// allocs/op, the Go helper <-> C peer round trip against a raw 8-byte pipe ping-pong, and the size
// of a minimal helper against an empty program built the same way.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const here = join(import.meta.dirname, "protocol");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Runs the protocol benchmarks over the generated output in outDir, working in work. */
export function protocolBench(outDir, work) {
  const mod = join(work, "protomod");
  mkdirSync(mod, { recursive: true });
  writeFileSync(join(mod, "go.mod"), "module syscallgen.local/go\n\ngo 1.22\n");
  for (const pkg of ["rawsys", "sgwire", "demo"]) cpSync(join(outDir, "go", pkg), join(mod, pkg), { recursive: true });
  for (const cmd of ["echo", "minimal", "empty"]) cpSync(join(here, cmd), join(mod, "cmd", cmd), { recursive: true });
  cpSync(join(here, "codec_bench_test.go"), join(mod, "demo", "codec_bench_test.go"));
  const env = { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=mod" };

  const bench = run("go", ["test", "-run", "^$", "-bench", ".", "-benchmem", "-count", "5", "./demo"], { cwd: mod, env });
  const codec = {};
  for (const m of bench.matchAll(/^Benchmark(\w+)-\d+\s+\d+\s+([\d.]+) ns\/op\s+\d+ B\/op\s+(\d+) allocs\/op/gm)) {
    (codec[m[1]] ??= { ns: [], allocs: m[3] }).ns.push(Number(m[2]));
  }

  const sizes = {};
  for (const cmd of ["echo", "minimal", "empty"]) {
    run("go", ["build", "-trimpath", "-ldflags=-s -w", "-o", join(work, cmd), `./cmd/${cmd}`], { cwd: mod, env });
    sizes[cmd] = statSync(join(work, cmd)).size;
  }
  run("gcc", ["-O2", "-Wall", "-I", join(outDir, "c"), "-o", join(work, "peer"), join(here, "peer.c")]);
  // Both processes on one CPU: on a 2-core machine a cross-core wakeup costs more, and varies more,
  // than everything the protocol adds, so unpinned figures measure the scheduler.
  const iterations = "20000";
  const times = { raw: [], proto: [] };
  for (let round = 0; round < 7; round++) {
    for (const mode of ["raw", "proto"]) times[mode].push(Number(run("taskset", ["-c", "0", join(work, "peer"), join(work, "echo"), mode, iterations]).trim()));
  }

  console.log("\nProtocol codec (generated Go, demo protocol), median of 5 runs");
  for (const [name, s] of Object.entries(codec)) console.log(`  ${name.padEnd(16)} ${median(s.ns).toFixed(1).padStart(8)} ns/op ${s.allocs.padStart(4)} allocs/op`);
  const raw = median(times.raw);
  const proto = median(times.proto);
  console.log(`\nRound trip over pipes, Go helper <-> C peer pinned to CPU 0, median of 7 x ${iterations} (target: ratio <= 1.2)`);
  console.log(`  raw 8-byte ping-pong   ${raw.toFixed(0).padStart(7)} ns`);
  console.log(`  protocol ping frame    ${proto.toFixed(0).padStart(7)} ns   = ${(proto / raw).toFixed(3)} x raw`);
  console.log("\nHelper size, CGO_ENABLED=0 -trimpath -ldflags='-s -w' (target: ratio <= 1.05)");
  console.log(`  empty func main(){}    ${sizes.empty} bytes`);
  console.log(`  minimal protocol helper ${sizes.minimal} bytes = ${(sizes.minimal / sizes.empty).toFixed(3)} x empty`);
}
