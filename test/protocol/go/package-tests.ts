/**
 * Vets, builds and runs the Go tests of one package of a test module for one GOARCH: natively,
 * or under qemu-user (named by its Debian package when missing). The run's output is returned
 * for the caller to judge.
 */
import path from "node:path";
import { runnerFor, type GoArch } from "../../support/arches.js";
import { execCapture, execOrThrow, type ExecResult } from "../../support/exec.js";
import { goEnv } from "../../support/go-harness.js";
import { goLimit } from "../../support/limit.js";
import { requireTool } from "../../support/require-tool.js";

/** Where the package is: the module root, and the package's folder (its tests' working directory). */
export interface PackageUnderTest {
  root: string;
  pkgDir: string;
}

/** `go vet` and `go test -c` of `./<name>`, then the test binary, verbose. */
export async function runPackageTests(mod: PackageUnderTest, name: string, arch: GoArch): Promise<ExecResult> {
  const runner = runnerFor(arch);
  if (runner.prefix[0] !== undefined) requireTool(runner.prefix[0]);
  return goLimit(async () => {
    const bin = path.join(mod.root, `${name}-${arch}.test`);
    const env = goEnv(arch);
    await execOrThrow(`go vet ${arch}`, "go", ["vet", `./${name}`], { cwd: mod.root, env, timeoutMs: 10 * 60_000 });
    await execOrThrow(`go test -c ${arch}`, "go", ["test", "-c", "-o", bin, `./${name}`], { cwd: mod.root, env, timeoutMs: 10 * 60_000 });
    const file = runner.prefix[0] ?? bin;
    const args = [...runner.prefix.slice(1), ...(runner.emulated ? [bin] : []), "-test.v", "-test.count=1", "-test.timeout=5m"];
    // testdata/ is relative to the package directory, as under `go test`.
    return execCapture(file, args, { cwd: mod.pkgDir, timeoutMs: 6 * 60_000 });
  });
}
