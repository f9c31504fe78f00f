/**
 * The rawsys runtime tests (test/go/runtime) inside a booted kernel, not under qemu-user, which
 * forwards every call to the host's kernel: the test binary is built for the kernel's arch, put
 * in the initramfs as /bin/rawsys.test, and run by init.sh's rawsys phase (KTEST_RAWSYS=1)
 * without SYSCALLGEN_UNDER_QEMU, so no wrapper may answer ENOSYS. Where the kernel is older than
 * an entry a wrapper falls back from (a spec's `since`), the fallback must be seen taken.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { buildGoTestBinary } from "../support/go-harness.js";
import { summarizeGoTest } from "../support/go-test-output.js";
import { userCacheDir } from "../support/kernel-tree.js";
import { GO_RUNTIME_TESTS, packageDir, REPO_ROOT } from "../support/paths.js";
import type { KernelArch } from "./kernel-build.js";
import type { ConsoleChecks } from "./kernel-run.js";

/** init.sh's parameter for the phase. */
export const RAWSYS_PARAMS = { KTEST_RAWSYS: 1 } as const;

const built = new Map<string, Promise<string>>();

/** The initramfs files of the phase: the test binary for the arch, built once per test file. */
export async function rawsysTestFiles(arch: KernelArch): Promise<Record<string, string>> {
  let binary = built.get(arch.goarch);
  if (!binary) {
    binary = buildIntoCache(arch);
    built.set(arch.goarch, binary);
  }
  return { "bin/rawsys.test": await binary };
}

/** Builds the binary in a temporary module and moves it into the cache, the module removed. */
async function buildIntoCache(arch: KernelArch): Promise<string> {
  const { bin, dispose } = await buildGoTestBinary({ pkgDir: packageDir(), arch: arch.goarch, testDir: GO_RUNTIME_TESTS });
  try {
    mkdirSync(userCacheDir(), { recursive: true });
    const dest = path.join(userCacheDir(), `rawsys-test-${arch.goarch}`);
    const tmp = `${dest}.${process.pid}`;
    copyFileSync(bin, tmp);
    renameSync(tmp, dest);
    return dest;
  } finally {
    dispose();
  }
}

/** The kernel entries a wrapper falls back from on older kernels, with the release that added each (specs/syscalls). */
function fallbackEntries(): { entry: string; since: string }[] {
  const dir = path.join(REPO_ROOT, "specs", "syscalls");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/\{ kernel: "(\w+)", since: "([\d.]+)"/g)])
    .map((m) => ({ entry: m[1] ?? "", since: m[2] ?? "" }));
}

/** Whether version a ("5.10.262") is older than release b ("6.6"). */
function olderThan(a: string, b: string): boolean {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < y.length; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/** The Test functions of the suite, each of which must pass. */
function suiteTests(): string[] {
  return readdirSync(GO_RUNTIME_TESTS)
    .filter((f) => f.endsWith("_test.go"))
    .flatMap((f) => [...readFileSync(path.join(GO_RUNTIME_TESTS, f), "utf8").matchAll(/^func (Test\w+)\(t \*testing\.T\)/gm)].map((m) => m[1] ?? ""));
}

/**
 * Registers the checks in the current describe block; c gives the console of a boot with
 * {@link RAWSYS_PARAMS} once its beforeAll has run, version the kernel's full version.
 */
export function rawsysChecks(c: () => ConsoleChecks, version: () => string): void {
  const run = () => {
    const output = [...c().log.matchAll(/^RAWSYS: (.*)$/gm)].map((m) => m[1]).join("\n");
    return { output, summary: summarizeGoTest(output) };
  };

  test("every rawsys runtime test passes inside the kernel, with no ENOSYS accepted", () => {
    const { output, summary } = run();
    c().find(/^KTEST PASS rawsys: exit 0$/m, "the test binary's exit status");
    expect(summary.failed, output).toEqual([]);
    expect(summary.qemuNotes, output).toEqual([]);
    const tests = suiteTests();
    expect(tests.length).toBeGreaterThan(20);
    expect(tests.filter((t) => !summary.passed.includes(t)), output).toEqual([]);
  });

  test("a wrapper's fallback runs exactly where the kernel lacks the newer entry", () => {
    const { output, summary } = run();
    const entries = fallbackEntries();
    expect(entries.length).toBeGreaterThan(0);
    for (const { entry, since } of entries) {
      const taken = summary.fallbacks.filter((line) => line.includes(`FALLBACK ${entry} `));
      if (olderThan(version(), since)) expect(taken, `Linux ${version()} has no ${entry} (${since}):\n${output}`).not.toEqual([]);
      else expect(taken, `Linux ${version()} has ${entry} (${since})`).toEqual([]);
    }
  });
}
