/**
 * Where things live: the repository, the package under test, Go test
 * sources and the on-disk cache.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (two levels above test/support). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Go test sources that are copied into the temporary module. */
export const GO_RUNTIME_TESTS = path.join(REPO_ROOT, "test", "go", "runtime");

/** The x/sys comparison's committed go.mod/go.sum and static Go helpers. */
export const GO_XSYS_TESTS = path.join(REPO_ROOT, "test", "go", "xsys");

/** Cache root, inside node_modules so it is ignored and easy to wipe. */
export const CACHE_DIR = path.join(REPO_ROOT, "node_modules", ".cache", "syscallgen");

/**
 * The generated package to test: SYSCALLGEN_PKG_DIR when set (e.g. a shim),
 * else the generator's output directory.
 */
export function packageDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env["SYSCALLGEN_PKG_DIR"];
  return path.resolve(fromEnv !== undefined && fromEnv !== "" ? fromEnv : path.join(REPO_ROOT, "out", "go", "rawsys"));
}

/** Throws a clear error when dir is not an existing directory. */
export function requireDir(dir: string, hint: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`${dir} is not a directory. ${hint}`);
  }
}
