/**
 * The rawsys runtime tests (test/go/runtime) inside the debug kernel of each arch in ARCHES
 * (Linux 6.12, x86_64 and arm64, the kernels eprog.kernel.ts builds), in a boot of their own:
 * every wrapper against a real kernel of the arch, with no ENOSYS accepted (rawsys-checks.ts).
 * The matrix kernels (matrix.kernel.ts) run the same checks on 5.10, 6.1 and 7.x.
 */
import { beforeAll, describe, test } from "vitest";
import { ARCHES, debugKernel, kernelTree, kernelVersion } from "./kernel-build.js";
import { type Boot, buildAndBoot, ConsoleChecks } from "./kernel-run.js";
import { RAWSYS_PARAMS, rawsysChecks, rawsysTestFiles } from "./rawsys-checks.js";

const BOOT_TIMEOUT_MS = 15 * 60_000;

describe.each(ARCHES.map((a) => [`${a.name} (debug kernel)`, debugKernel(a)] as const))("rawsys inside %s", (_name, config) => {
  let c: ConsoleChecks;
  let version = "";

  beforeAll(async () => {
    version = kernelVersion(await kernelTree(config.series)).full;
    const run = await buildAndBoot(config, [{ name: "rawsys", params: () => RAWSYS_PARAMS }], BOOT_TIMEOUT_MS, await rawsysTestFiles(config.arch));
    c = new ConsoleChecks(run.boots[0] as Boot);
  }, 90 * 60_000);

  test("the VM runs /init to the end, and no kernel report is on the console", () => {
    c.ranToTheEnd(BOOT_TIMEOUT_MS);
    c.noReports("the rawsys boot");
  });

  rawsysChecks(() => c, () => version);
});
