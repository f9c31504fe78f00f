/**
 * The kernel matrix's sources (issue 10): each series fetched through the private apt
 * configuration is a Linux tree of that version. 5.10 and 6.1 are built against by
 * test/kbuild/older-kernels.test.ts; booting them, and 7.x, are still to come.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { debianKernelSource, type KernelSeries } from "./debian-kernel-source.js";

test.each<[KernelSeries, RegExp]>([
  ["5.10", /^VERSION = 5\nPATCHLEVEL = 10\n/m],
  ["6.1", /^VERSION = 6\nPATCHLEVEL = 1\n/m],
  ["7", /^VERSION = 7\nPATCHLEVEL = \d+\n/m],
])("linux-source-%s is fetched and unpacked into the cache", async (series, version) => {
  const tree = await debianKernelSource(series);
  expect(readFileSync(path.join(tree, "Makefile"), "utf8")).toMatch(version);
}, 30 * 60_000);
