/**
 * Fetches, once and before any test starts, the modules the committed test Go modules require
 * (golang.org/x/sys for the x/sys comparison and the benchmarks). Parallel tests that each found
 * the module cache empty would all start the same download at once, and their `go` commands
 * would print download notices in the middle of the output being read.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describeFailure, execCapture } from "./exec.js";

/**
 * Where the repository keeps Go modules (tests, benchmarks, examples); the generated out/ has
 * none, and node_modules is too big to walk. A test compares the result with git's file list.
 */
const MODULE_ROOTS = ["test", "examples"];

/** The directories under root whose go.mod requires other modules, sorted. */
export function goModulesWithRequirements(root: string): string[] {
  const found: string[] = [];
  for (const top of MODULE_ROOTS) {
    const entries = readdirSync(path.join(root, top), { recursive: true, withFileTypes: true });
    for (const e of entries) {
      if (!e.isFile() || e.name !== "go.mod") continue;
      if (/^require\b/m.test(readFileSync(path.join(e.parentPath, e.name), "utf8"))) found.push(e.parentPath);
    }
  }
  return found.sort();
}

/**
 * `go mod download` in each module directory, one after the other; throws naming the module,
 * where the modules come from, and go's own words (e.g. a go directive newer than the local Go).
 */
export async function downloadGoModules(dirs: readonly string[], root: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  for (const dir of dirs) {
    const r = await execCapture("go", ["mod", "download"], { cwd: dir, env: { ...env, GOTOOLCHAIN: "local" }, timeoutMs: 10 * 60_000 });
    if (r.code !== 0) {
      const what = `test setup: downloading the modules ${path.relative(root, dir)}/go.mod requires through the Go module proxy (go env GOPROXY)`;
      throw new Error(describeFailure(what, r));
    }
  }
}
