/**
 * The Go tests of the generated demo package (round trips, golden vectors, every rejection rule,
 * zero allocations, Conn over real pipes, Serve with the generated Handlers and dispatcher, the
 * fuzz seed corpus) on amd64 and 386 natively and on two big-endian arches under qemu-user.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type GoArch } from "../../support/arches.js";
import { describeFailure } from "../../support/exec.js";
import { summarizeGoTest } from "../../support/go-test-output.js";
import { runPackageTests } from "./package-tests.js";
import { createProtocolModule, type ProtocolModule } from "./protocol-module.js";

const arches: GoArch[] = ["amd64", "386", "s390x", "mips"];

describe("Go tests of the demo package", () => {
  let mod: ProtocolModule;
  beforeAll(() => {
    mod = createProtocolModule(true, "run");
  });
  afterAll(() => mod?.dispose());

  test.concurrent.each(arches)("GOARCH=%s", async (arch) => {
    const r = await runPackageTests(mod, "demo", arch);
    // The test binary's verdicts and logs are on stdout; qemu's warnings would be on stderr.
    const summary = summarizeGoTest(r.stdout);
    const allocs = r.stdout.split("\n").filter((l) => l.includes("allocs per"));
    console.log(`${arch}: ${summary.passed.length} passed, ${summary.failed.length} failed in ${r.ms} ms\n${allocs.join("\n")}`);
    if (r.code !== 0 || summary.failed.length > 0) throw new Error(describeFailure(`demo Go tests on ${arch}`, r));
    expect(summary.passed).toEqual(expect.arrayContaining(["TestVectors", "TestMalformed", "TestNoAllocs", "TestConnNoAllocs", "TestServe", "TestServeTicks", "TestServeNoAllocs", "FuzzDecodeFrame"]));
  });
});
