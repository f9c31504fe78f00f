/**
 * FuzzDecodeFrame: its committed seed corpus is in step with the vectors and malformed frames
 * (SYSCALLGEN_UPDATE_CORPUS=1 rewrites it), and 15 seconds of native fuzzing find no crasher.
 * FuzzCheckFrame, sgwire's own (its corpus is checked by its Go test TestSeedCorpus), gets 10.
 */
import { describe, expect, test } from "vitest";
import { describeFailure, execCapture } from "../../support/exec.js";
import { goEnv } from "../../support/go-harness.js";
import { goLimit } from "../../support/limit.js";
import { committedCorpus, CORPUS_DIR, seedCorpus, writeCorpus } from "./fuzz-corpus.js";
import { createProtocolModule } from "./protocol-module.js";
import { createSgwireModule } from "./sgwire-module.js";

/** The exec count of a `go test -fuzz` run: the last `execs: N` the fuzzer printed. */
export function fuzzExecs(output: string): number {
  const counts = [...output.matchAll(/execs: (\d+)/g)].map((m) => Number(m[1]));
  return counts.at(-1) ?? 0;
}

describe("FuzzDecodeFrame", () => {
  test("the committed seed corpus matches the vectors and malformed frames", () => {
    const fresh = seedCorpus();
    if (process.env["SYSCALLGEN_UPDATE_CORPUS"] === "1") writeCorpus(fresh);
    const committed = committedCorpus();
    expect([...committed.keys()].sort(), `rewrite ${CORPUS_DIR} with SYSCALLGEN_UPDATE_CORPUS=1`).toEqual([...fresh.keys()].sort());
    for (const [name, content] of fresh) expect(committed.get(name), name).toBe(content);
  });

  test("15 s of native fuzzing find no crasher", async () => {
    // Made here, not in a hook, so a run filtered to the corpus test leaves no module behind.
    const mod = createProtocolModule(true, "fuzz");
    const args = ["test", "-run=^$", "-fuzz=^FuzzDecodeFrame$", "-fuzztime=15s", "./demo"];
    const r = await goLimit(() => execCapture("go", args, { cwd: mod.root, env: goEnv("amd64"), timeoutMs: 5 * 60_000 }));
    // go test puts the test binary's stdout and stderr, the fuzzer's progress lines included, on
    // its own stdout; its stderr is go's (a module download, say).
    const execs = fuzzExecs(r.stdout);
    console.log(`FuzzDecodeFrame: ${execs} execs in 15 s\n${r.stdout.split("\n").slice(-6).join("\n")}`);
    // On failure the module stays: the crasher is in rt/demo/testdata/fuzz/FuzzDecodeFrame/.
    if (r.code !== 0 || /--- FAIL/.test(r.stdout)) throw new Error(describeFailure(`fuzzing (module kept at ${mod.root})`, r));
    mod.dispose();
    expect(execs).toBeGreaterThan(10_000);
  });
});

describe("FuzzCheckFrame (sgwire)", () => {
  test("10 s of native fuzzing find no crasher", async () => {
    const mod = createSgwireModule("fuzz");
    const args = ["test", "-run=^$", "-fuzz=^FuzzCheckFrame$", "-fuzztime=10s", "./sgwire"];
    const r = await goLimit(() => execCapture("go", args, { cwd: mod.root, env: goEnv("amd64"), timeoutMs: 5 * 60_000 }));
    const execs = fuzzExecs(r.stdout);
    console.log(`FuzzCheckFrame: ${execs} execs in 10 s\n${r.stdout.split("\n").slice(-6).join("\n")}`);
    // On failure the module stays: the crasher is in sgwire/testdata/fuzz/FuzzCheckFrame/.
    if (r.code !== 0 || /--- FAIL/.test(r.stdout)) throw new Error(describeFailure(`fuzzing (module kept at ${mod.root})`, r));
    mod.dispose();
    expect(execs).toBeGreaterThan(10_000);
  });
});
