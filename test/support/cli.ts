/** Runs the built syscallgen CLI as a user would, capturing its exit code and output. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** The repository root. */
export const repoRoot = join(import.meta.dirname, "../..");

/** The built command, as package.json's `bin` names it. */
export const cliBin = join(repoRoot, "dist/generator/cli/bin.js");

/** What one CLI run did. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** How to run it beyond the arguments. */
export interface CliOptions {
  /** Options for node itself, before the script (e.g. `--import` of a test hook). */
  nodeArgs?: string[];
  /**
   * Make file permissions apply even to root, by running without the capabilities that let root
   * read and write anywhere (setpriv, from util-linux): the tests run as root.
   */
  permissionsApply?: boolean;
}

/** Runs `syscallgen ...args` from the built dist/ in `cwd`. */
export function runCli(args: string[], cwd = repoRoot, options: CliOptions = {}): CliRun {
  const node = [process.execPath, ...(options.nodeArgs ?? []), cliBin, ...args];
  const asRoot = options.permissionsApply === true && process.getuid?.() === 0;
  const command = asRoot ? ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", ...node] : node;
  const run = spawnSync(command[0]!, command.slice(1), { cwd, encoding: "utf8" });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Runs `syscallgen ...args | reader` in bash, as a shell pipes it (a real pipe whose reader may
 * go away early), and returns syscallgen's own exit status and stderr; stdout is the reader's.
 */
export function runCliPiped(args: string[], reader: string, cwd = repoRoot): CliRun {
  const script = 'node "$@" | $SYSCALLGEN_READER >/dev/null; exit "${PIPESTATUS[0]}"';
  const run = spawnSync("bash", ["-c", script, "bash", cliBin, ...args], { cwd, encoding: "utf8", env: { ...process.env, SYSCALLGEN_READER: reader } });
  return { status: run.status ?? -1, stdout: "", stderr: run.stderr };
}
