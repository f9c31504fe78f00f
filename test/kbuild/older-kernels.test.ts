/**
 * Both examples, the call runtime included, built as external modules with W=1 against the
 * long-term kernels before 6.12 that BSPs ship, 5.10 and 6.1, from Debian's archive: sgwire.h
 * includes <asm/unaligned.h> where <linux/unaligned.h> is missing, kernels before 5.18 compile
 * with -std=gnu89, and every kernel API the runtime calls must exist there with the same
 * signature. Not one compiler warning is allowed. A build only: booting them is the kernel
 * matrix's job, and 7.x, which has no User Mode Driver API, is not built here yet.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { prepareKbuildDir } from "../protocol/c/c-support.js";
import { debianKernelSource, type KernelSeries } from "../support/debian-kernel-source.js";
import { userCacheDir } from "../support/kernel-tree.js";
import { EXAMPLE_MODULES, externalModuleDir, makeExternalModule, type ExampleModule } from "./external-module.js";

const work = mkdtempSync(path.join(tmpdir(), "syscallgen-older-kernels-"));
let keep = false;

afterAll(() => {
  if (keep) console.log(`older kernels' module builds: work directory kept at ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

const cases = (["5.10", "6.1"] as const).flatMap((series) => (Object.keys(EXAMPLE_MODULES) as ExampleModule[]).map((name) => [series, name] as [KernelSeries, ExampleModule]));

test.each(cases)("Linux %s: %s builds as a module with W=1, without a warning", async (series, name) => {
  const tree = await debianKernelSource(series);
  const kbuild = prepareKbuildDir(path.join(userCacheDir(), `kbuild-${series}-x86_64`), tree);
  const driver = externalModuleDir(name, path.join(work, series));
  const r = makeExternalModule(kbuild, name, driver, ["W=1"]);
  if (r.status !== 0) keep = true;
  expect(r.status, r.output).toBe(0);
  expect(r.output.split("\n").filter((line) => /\b(warning|error):/.test(line))).toEqual([]);
  const ko = name === "eprog" ? "eprog_drv.ko" : `${name}.ko`;
  expect(statSync(path.join(driver, ko)).size).toBeGreaterThan(statSync(path.join(driver, `${name}-helper`)).size);
}, 30 * 60_000);
