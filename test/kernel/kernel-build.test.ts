/**
 * The kernel tests' build cache, without building a kernel (part of npm test): what decides a
 * reconfiguration (the config key), and the check that every setting of the fragments reached the
 * final .config.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ARCHES, cacheDir, configKey, configValue, debugKernel, type KernelConfig, kernelVersion, missingSettings } from "./kernel-build.js";

const dir = mkdtempSync(path.join(tmpdir(), "syscallgen-kernel-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in tree: only its Makefile's version is read. */
function tree(name: string, sublevel: number): string {
  const t = path.join(dir, name);
  mkdirSync(t, { recursive: true });
  writeFileSync(path.join(t, "Makefile"), `# SPDX-License-Identifier: GPL-2.0\nVERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = ${sublevel}\nEXTRAVERSION =\nNAME = Baby Opossum Posse\n`);
  return t;
}

describe("the config key", () => {
  const [x86, arm64] = ARCHES;
  const fragment = path.join(dir, "extra.config");
  const withExtra = (config: KernelConfig): KernelConfig => ({ ...config, fragments: [...config.fragments, fragment] });

  test("changes with a fragment's content, the arch and the kernel's version, and nothing else", () => {
    const src = tree("linux", 117);
    writeFileSync(fragment, "CONFIG_DEBUG_KMEMLEAK=y\n");
    const key = configKey(src, withExtra(debugKernel(x86!)));
    expect(configKey(src, withExtra(debugKernel(x86!)))).toBe(key);
    writeFileSync(fragment, "# CONFIG_DEBUG_KMEMLEAK is not set\n");
    const changed = configKey(src, withExtra(debugKernel(x86!)));
    expect(changed).not.toBe(key);
    expect(configKey(src, withExtra(debugKernel(arm64!)))).not.toBe(changed);
    expect(configKey(tree("linux-118", 118), withExtra(debugKernel(x86!)))).not.toBe(changed);
    // One fragment fewer is another config too.
    expect(configKey(src, debugKernel(x86!))).not.toBe(changed);
  });

  test("the cache directory is named by version, arch and variant", () => {
    const src = tree("linux", 117);
    expect(kernelVersion(src)).toEqual({ short: "6.12", full: "6.12.117" });
    expect(path.basename(cacheDir(src, debugKernel(arm64!)))).toBe("kernel-6.12-arm64-debug");
  });
});

describe("the fragments' settings in the final .config", () => {
  const config = ["CONFIG_SMP=y", "CONFIG_NR_CPUS=4", "CONFIG_KCANARY=m", "# CONFIG_SLUB_TINY is not set", "CONFIG_DEFAULT_HUNG_TASK_TIMEOUT=10", ""].join("\n");

  test("all there: nothing missing; the last fragment naming an option decides", () => {
    const fragments = ["CONFIG_SMP=y\nCONFIG_NR_CPUS=8\nCONFIG_SLUB_TINY=y\n", "# a comment\nCONFIG_NR_CPUS=4\n# CONFIG_SLUB_TINY is not set\nCONFIG_KCANARY=m\n"];
    expect(missingSettings(fragments, config)).toEqual([]);
    // Switched off and absent (its dependencies unmet) is fine too.
    expect(missingSettings(["# CONFIG_DEBUG_KMEMLEAK_AUTO_SCAN is not set\n"], config)).toEqual([]);
  });

  test("a value that did not survive, an option that stayed on, a module built in", () => {
    const fragments = ["CONFIG_DEFAULT_HUNG_TASK_TIMEOUT=5\n# CONFIG_SMP is not set\nCONFIG_KCANARY=y\nCONFIG_KASAN=y\n"];
    expect(missingSettings(fragments, config)).toEqual(["CONFIG_DEFAULT_HUNG_TASK_TIMEOUT=5", "# CONFIG_SMP is not set", "CONFIG_KCANARY=y", "CONFIG_KASAN=y"]);
  });

  test("configValue", () => {
    expect(configValue(config, "KCANARY")).toBe("m");
    expect(configValue(config, "NR_CPUS")).toBe("4");
    expect(configValue(config, "SLUB_TINY")).toBeUndefined();
    expect(configValue(config, "SMP_X")).toBeUndefined();
  });
});
