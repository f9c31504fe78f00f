/**
 * The Go tests of the generated demo package (round trips, golden vectors, every rejection rule,
 * zero allocations, Conn over real pipes, the fuzz seed corpus) on amd64 and 386 natively and on
 * two big-endian arches under qemu-user.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runnerFor, type GoArch } from "../../support/arches.js";
import { describeFailure, execCapture, execOrThrow } from "../../support/exec.js";
import { goEnv } from "../../support/go-harness.js";
import { summarizeGoTest } from "../../support/go-test-output.js";
import { goLimit } from "../../support/limit.js";
import { requireTool } from "../../support/require-tool.js";
import { createProtocolModule, type ProtocolModule } from "./protocol-module.js";

const arches: GoArch[] = ["amd64", "386", "s390x", "mips"];

describe("Go tests of the demo package", () => {
  let mod: ProtocolModule;
  beforeAll(() => {
    mod = createProtocolModule(true, "run");
  });
  afterAll(() => mod?.dispose());

  test.concurrent.each(arches)("GOARCH=%s", async (arch) => {
    const qemu = runnerFor(arch).prefix[0];
    if (qemu !== undefined) requireTool(qemu);
    const r = await goLimit(async () => {
      const bin = path.join(mod.root, `demo-${arch}.test`);
      const env = goEnv(arch);
      await execOrThrow(`go vet ${arch}`, "go", ["vet", "./demo"], { cwd: mod.root, env, timeoutMs: 10 * 60_000 });
      await execOrThrow(`go test -c ${arch}`, "go", ["test", "-c", "-o", bin, "./demo"], { cwd: mod.root, env, timeoutMs: 10 * 60_000 });
      const runner = runnerFor(arch);
      const file = runner.prefix[0] ?? bin;
      const args = [...runner.prefix.slice(1), ...(runner.emulated ? [bin] : []), "-test.v", "-test.count=1", "-test.timeout=5m"];
      // testdata/ is relative to the package directory, as under `go test`.
      return execCapture(file, args, { cwd: mod.pkgDir, timeoutMs: 6 * 60_000 });
    });
    // The test binary's verdicts and logs are on stdout; qemu's warnings would be on stderr.
    const summary = summarizeGoTest(r.stdout);
    const allocs = r.stdout.split("\n").filter((l) => l.includes("allocs per"));
    console.log(`${arch}: ${summary.passed.length} passed, ${summary.failed.length} failed in ${r.ms} ms\n${allocs.join("\n")}`);
    if (r.code !== 0 || summary.failed.length > 0) throw new Error(describeFailure(`demo Go tests on ${arch}`, r));
    expect(summary.passed).toEqual(expect.arrayContaining(["TestVectors", "TestMalformed", "TestNoAllocs", "TestConnNoAllocs", "FuzzDecodeFrame"]));
  });
});
