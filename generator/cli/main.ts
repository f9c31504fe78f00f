/**
 * The command line: parses arguments with commander and calls the library. Every exit status is
 * one of ExitCode's; what each means is printed by `--help` from the same table.
 */
import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../core/package-root.js";
import { ioFailureMessage } from "../core/write/output-error.js";
import { ExitCode, exitCodesHelp } from "./exit-codes.js";
import { genCommand } from "./gen-command.js";
import { importCommand } from "./import-command.js";
import { listCommand } from "./list-command.js";
import { UsageError, type Runner } from "./usage.js";

/**
 * Runs syscallgen with `argv` (node, script, args...) and returns the exit code. An I/O failure
 * is one line on stderr and ExitCode.io; anything unexpected is a bug and is thrown as it is.
 */
export async function main(argv: string[]): Promise<number> {
  let result: Promise<number> = Promise.resolve(ExitCode.ok);
  const run: Runner = (action) => (...args) => {
    result = Promise.resolve(action(...args));
  };
  const program = new Command("syscallgen")
    .description("Generate Go raw-syscall bindings for every Linux GOARCH from declarative TypeScript specs.")
    .version(JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version as string)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText("after", exitCodesHelp);
  for (const make of [genCommand, listCommand, importCommand]) {
    const command = make(run);
    command.exitOverride().showHelpAfterError("(run with --help for usage)").addHelpText("after", exitCodesHelp);
    program.addCommand(command);
  }
  try {
    await program.parseAsync(argv);
    return await result;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    if (e instanceof UsageError) {
      process.stderr.write(`syscallgen: ${e.message}\n(run with --help for usage)\n`);
      return ExitCode.usage;
    }
    const io = ioFailureMessage(e);
    if (io === undefined) throw e;
    process.stderr.write(`syscallgen: ${io}\n`);
    return ExitCode.io;
  }
}
