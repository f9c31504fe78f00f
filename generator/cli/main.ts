/**
 * The command line: parses arguments with commander and calls the library. Exit codes: 0 done,
 * 1 spec errors or stale output, 2 a usage error.
 */
import { Command, CommanderError } from "commander";
import { genCommand } from "./gen-command.js";
import { importCommand } from "./import-command.js";
import { listCommand } from "./list-command.js";
import { UsageError, type Runner } from "./usage.js";

/** Runs syscallgen with `argv` (node, script, args...) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let result: Promise<number> = Promise.resolve(0);
  const run: Runner = (action) => (...args) => {
    result = Promise.resolve(action(...args));
  };
  const program = new Command("syscallgen")
    .description("Generate Go raw-syscall bindings for every Linux GOARCH from declarative TypeScript specs.")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const make of [genCommand, listCommand, importCommand]) {
    const command = make(run);
    command.exitOverride().showHelpAfterError("(run with --help for usage)");
    program.addCommand(command);
  }
  try {
    await program.parseAsync(argv);
    return await result;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      process.stderr.write(`syscallgen: ${e.message}\n(run with --help for usage)\n`);
      return 2;
    }
    throw e;
  }
}
