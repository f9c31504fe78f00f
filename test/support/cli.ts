/** Runs the built syscallgen CLI as a user would, capturing its exit code and output. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** The repository root. */
export const repoRoot = join(import.meta.dirname, "../..");

/** What one CLI run did. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `syscallgen ...args` from the built dist/ in `cwd`. */
export function runCli(args: string[], cwd = repoRoot): CliRun {
  const run = spawnSync(process.execPath, [join(repoRoot, "dist/generator/cli/bin.js"), ...args], { cwd, encoding: "utf8" });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
