/** `syscallgen import`: rewrite the arch specs' tables from a Linux source tree. */
import { Command, InvalidArgumentError } from "commander";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundledSpecsDir } from "../core/package-root.js";
import { UsageError, type Runner } from "./usage.js";
import { ExitCode } from "./exit-codes.js";

/** Builds the import command. */
export function importCommand(run: Runner): Command {
  return new Command("import")
    .description("import syscall numbers, errno values and signal numbers from a Linux source tree into the arch specs")
    .requiredOption("--kernel <dir>", "root of a Linux source tree (5.9 or later)")
    .option("--specs <dir>", "the one specs folder whose arch/ specs to rewrite", oneFolder, bundledSpecsDir())
    .addHelpText(
      "after",
      `
Examples:
  tar xf /usr/src/linux-source-6.12.tar.xz -C /tmp
  syscallgen import --kernel /tmp/linux-source-6.12`,
    )
    .action(run((options: { kernel: string; specs: string }) => importTables(options)));
}

async function importTables(options: { kernel: string; specs: string }): Promise<number> {
  const kernelDir = resolve(options.kernel);
  if (!existsSync(join(kernelDir, "Makefile"))) throw new UsageError(`--kernel ${options.kernel}: not a Linux source tree (no Makefile)`);
  const { importKernel } = await import("../syscall/import/index.js");
  const report = await importKernel({ kernelDir, archDir: join(options.specs, "arch") });
  for (const arch of report.arches) {
    const state = arch.changed ? "rewritten" : "unchanged";
    process.stdout.write(`${arch.goarch.padEnd(9)} ${String(arch.syscalls).padStart(3)} syscalls ${String(arch.errno).padStart(3)} errno ${String(arch.signals).padStart(2)} signals  ${state}\n`);
  }
  process.stdout.write(`syscallgen: imported Linux ${report.version} tables into ${report.arches.length} arch specs\n`);
  return ExitCode.ok;
}

/** Unlike gen and list, import rewrites one folder: a second --specs is an error, not an addition. */
function oneFolder(dir: string, previous: string): string {
  if (previous !== bundledSpecsDir()) throw new InvalidArgumentError("import rewrites the arch specs of one folder; give --specs once");
  return dir;
}
