/**
 * Builds the rawsys package with Go tests for one GOARCH and runs the test
 * binary natively or under qemu-user. Every failure message carries the
 * complete output of the step that failed.
 */
import path from "node:path";
import { type GoArch, GOARCHES, runnerFor } from "./arches.js";
import { describeFailure, execCapture, execOrThrow } from "./exec.js";
import { createGoModule } from "./go-module.js";
import { type GoTestSummary, summarizeGoTest } from "./go-test-output.js";
import { goLimit } from "./limit.js";
import { requireTool } from "./require-tool.js";

/** Inputs for {@link buildAndRunGoTests}. */
export interface GoTestRun {
  /** The rawsys package directory (generated output or a shim). */
  readonly pkgDir: string;
  readonly arch: GoArch;
  /** Directory of *_test.go files (package rawsys_test) to build with it. */
  readonly testDir?: string;
  /** Generated test files, name -> content, added beside testDir's. */
  readonly extraFiles?: Readonly<Record<string, string>>;
  /** Force the pinned golang.org/x/sys requirement into the module. */
  readonly requireXsys?: boolean;
  /** Passed as -test.run when set. */
  readonly run?: string;
  /** Kill the test binary after this long; default 10 minutes. */
  readonly timeoutMs?: number;
  /** Keep the temporary module even on success (for debugging). */
  readonly keep?: boolean;
}

/** The outcome of a run that got as far as executing the binary. */
export interface GoTestReport extends GoTestSummary {
  readonly arch: GoArch;
  readonly emulated: boolean;
  readonly ok: boolean;
  readonly buildMs: number;
  readonly runMs: number;
  /** Full test binary output. */
  readonly output: string;
  /** Why it failed, full output included; empty when ok. */
  readonly failure: string;
}

/** Environment for cross-building: never cgo, never a toolchain download. */
export function goEnv(arch: GoArch): NodeJS.ProcessEnv {
  return { ...process.env, GOOS: "linux", GOARCH: arch, CGO_ENABLED: "0", GOTOOLCHAIN: "local" };
}

/** A test binary {@link buildGoTestBinary} built, in its temporary module. */
export interface GoTestBinary {
  readonly bin: string;
  /** The module's root: the binary's working directory. */
  readonly root: string;
  readonly buildMs: number;
  /** Removes the module, binary included. */
  readonly dispose: () => void;
}

/**
 * vet + `go test -c` in a new temporary module. Throws (full output in the message, the module
 * kept) when either fails.
 */
export async function buildGoTestBinary(spec: GoTestRun): Promise<GoTestBinary> {
  const mod = createGoModule({ ...spec, label: `${spec.arch}` });
  try {
    const env = goEnv(spec.arch);
    const started = Date.now();
    const where = `${spec.arch} module ${mod.root}`;
    await execOrThrow(`go vet (${where})`, "go", ["vet", mod.pkgPath], { cwd: mod.root, env, timeoutMs: 10 * 60_000 });
    const bin = path.join(mod.root, "rawsys.test");
    await execOrThrow(`go test -c (${where})`, "go", ["test", "-c", "-o", bin, mod.pkgPath], { cwd: mod.root, env, timeoutMs: 15 * 60_000 });
    return { bin, root: mod.root, buildMs: Date.now() - started, dispose: () => mod.dispose() };
  } catch (err) {
    throw err instanceof Error ? new Error(`${err.message}\n(module kept at ${mod.root})`) : err;
  }
}

/**
 * vet + `go test -c` + run. Throws (full output in the message) when vet or
 * the build fails; a failing test run is returned with ok=false so callers
 * can report counts before asserting.
 */
export async function buildAndRunGoTests(spec: GoTestRun): Promise<GoTestReport> {
  // Before a minute of building, not after it.
  const qemu = runnerFor(spec.arch).prefix[0];
  if (qemu !== undefined) requireTool(qemu);
  return goLimit(async () => {
    const { bin, root, buildMs, dispose } = await buildGoTestBinary(spec);
    const runner = runnerFor(spec.arch);
    // Under qemu the binary becomes qemu's first argument.
    const file = runner.prefix[0] ?? bin;
    const args = [...runner.prefix.slice(1), ...(runner.prefix.length > 0 ? [bin] : []), "-test.v", "-test.count=1", "-test.timeout=9m"];
    if (spec.run !== undefined) args.push(`-test.run=${spec.run}`);
    const r = await execCapture(file, args, {
      // A test dir inside the module keeps t.TempDir() and cwd-relative paths local.
      cwd: root,
      env: { ...process.env, SYSCALLGEN_UNDER_QEMU: runner.emulated ? "1" : "0" },
      timeoutMs: spec.timeoutMs ?? 10 * 60_000,
    });
    // -test.v writes every result line to stdout; qemu and a panic write to stderr.
    const summary = summarizeGoTest(r.stdout);
    const ok = r.code === 0 && summary.failed.length === 0;
    const failure = ok ? "" : describeFailure(`go tests for ${spec.arch}${runner.emulated ? " (qemu)" : ""} (module kept at ${root})`, r);
    if (ok && spec.keep !== true) dispose();
    return { ...summary, arch: spec.arch, emulated: runner.emulated, ok, buildMs, runMs: r.ms, output: r.output, failure };
  });
}

/** Throws with the complete output unless the run passed. */
export function assertGoTestsPassed(report: GoTestReport): void {
  if (!report.ok) throw new Error(report.failure);
  if (report.passed.length === 0) throw new Error(`no Go tests ran for ${report.arch}:\n${report.output}`);
}

/** Result of vetting one arch. */
export interface VetResult {
  readonly arch: GoArch;
  readonly ok: boolean;
  readonly ms: number;
  readonly output: string;
}

/** `go vet` of the bare package for one GOARCH, without tests. */
export async function goVet(pkgDir: string, arch: GoArch): Promise<VetResult> {
  return goLimit(async () => {
    const mod = createGoModule({ pkgDir, label: `vet-${arch}` });
    try {
      const r = await execCapture("go", ["vet", mod.pkgPath], { cwd: mod.root, env: goEnv(arch), timeoutMs: 10 * 60_000 });
      return { arch, ok: r.code === 0, ms: r.ms, output: r.code === 0 ? r.output : describeFailure(`go vet ${arch}`, r) };
    } finally {
      mod.dispose();
    }
  });
}

/** Vets the package for every GOARCH (or `arches`); throws listing each failure in full. */
export async function goVetAll(pkgDir: string, arches: readonly GoArch[] = GOARCHES): Promise<VetResult[]> {
  const results = await Promise.all(arches.map((a) => goVet(pkgDir, a)));
  const bad = results.filter((r) => !r.ok);
  if (bad.length > 0) throw new Error(bad.map((r) => r.output).join("\n\n"));
  return results;
}
