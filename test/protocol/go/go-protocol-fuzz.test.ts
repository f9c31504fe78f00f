/**
 * FuzzDecodeFrame: its committed seed corpus is in step with the vectors and malformed frames
 * (SYSCALLGEN_UPDATE_CORPUS=1 rewrites it), and native fuzzing finds no crasher in 600 000 inputs.
 * FuzzCheckFrame, sgwire's own (its corpus is checked by its Go test TestSeedCorpus), gets 400 000.
 *
 * The budget is a count of inputs (`-fuzztime=Nx`), not a duration: a timed run ends by cancelling
 * its context, and on a loaded machine a worker caught mid-input then fails the run with "context
 * deadline exceeded" although nothing crashed (a CI run failed that way).
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

  test("600 000 inputs of native fuzzing find no crasher", async () => {
    // Made here, not in a hook, so a run filtered to the corpus test leaves no module behind.
    const mod = createProtocolModule(true, "fuzz");
    await fuzzWithoutCrash(mod, "FuzzDecodeFrame", "./demo", 600_000);
  });
});

describe("FuzzCheckFrame (sgwire)", () => {
  test("400 000 inputs of native fuzzing find no crasher", async () => {
    await fuzzWithoutCrash(createSgwireModule("fuzz"), "FuzzCheckFrame", "./sgwire", 400_000);
  });
});

/** Runs one fuzz target for `inputs` inputs; on failure the module stays, its crasher in testdata/fuzz/. */
async function fuzzWithoutCrash(mod: { root: string; dispose(): void }, target: string, pkg: string, inputs: number) {
  const args = ["test", "-run=^$", `-fuzz=^${target}$`, `-fuzztime=${inputs}x`, pkg];
  const r = await goLimit(() => execCapture("go", args, { cwd: mod.root, env: goEnv("amd64"), timeoutMs: 10 * 60_000 }));
  // go test puts the test binary's stdout and stderr, the fuzzer's progress lines included, on
  // its own stdout; its stderr is go's (a module download, say).
  const execs = fuzzExecs(r.stdout);
  console.log(`${target}: ${execs} execs\n${r.stdout.split("\n").slice(-6).join("\n")}`);
  if (r.code !== 0 || /--- FAIL/.test(r.stdout)) throw new Error(describeFailure(`fuzzing (module kept at ${mod.root})`, r));
  mod.dispose();
  expect(execs).toBeGreaterThanOrEqual(inputs);
}
