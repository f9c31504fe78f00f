/** `syscallgen gen`: generate the bindings, or check that the ones on disk are current. */
import { Command, Option } from "commander";
import { join, resolve } from "node:path";
import { SpecErrors } from "../core/diagnostics.js";
import { goImportPathProblem } from "../core/go-import-path.js";
import { goImportPathOf } from "../core/go-module.js";
import { specInputs } from "../core/spec-files.js";
import { inputKey, makeStamp, stampHolds, writeStamp } from "../core/write/stamp.js";
import { checkFiles, writeFiles } from "../core/write/write-files.js";
import { noBundledSpecsOption, specFoldersOf, specsOption, type SpecOptions } from "./spec-options.js";
import { parseArches, requireFiles, UsageError, type Runner } from "./usage.js";
import { ExitCode } from "./exit-codes.js";
import { requireGoImportPrefix, requireGoPackage } from "./go-options.js";
import { reportCheck, reportWrite } from "./gen-report.js";

interface GenOptions extends SpecOptions {
  arch: string;
  out: string;
  check?: boolean;
  goPackage: string;
  protocol: string[];
  goImportPrefix?: string;
}

/** Builds the gen command. */
export function genCommand(run: Runner): Command {
  return new Command("gen")
    .description("generate the Go raw-syscall package for the given arches")
    .requiredOption("--arch <goarch>", "a GOARCH, a comma-separated list, or all")
    .option("--out <dir>", "output directory", "./out")
    .option("--check", "write nothing; list stale, missing and stray files and exit 1 if there are any")
    .option("--go-package <name>", "Go package name (and folder under <dir>/go/): lower case, not a keyword nor main", "rawsys")
    .addOption(specsOption())
    .addOption(noBundledSpecsOption())
    .addOption(
      new Option("--protocol <file>", "a protocol spec to generate a C header and a Go package for (repeatable)")
        .argParser((file: string, all: string[]) => [...all, file])
        .default([], "none"),
    )
    .option("--go-import-prefix <path>", "Go import path of <dir>/go, which the protocol packages use to import rawsys (default: from the go.mod above <dir>)")
    .addHelpText(
      "after",
      `
Examples:
  syscallgen gen --arch all                    every arch side by side in ./out/go/rawsys
  syscallgen gen --arch arm64 --out gen        what one arch needs (in a Makefile; for Kbuild,
                                               see examples/kbuild/helper.mk in the package)
  syscallgen gen --arch all --check            exit 1 if the committed files are stale
  syscallgen gen --arch amd64 --specs my-specs
                                               the bundled wrappers plus those in my-specs/
  syscallgen gen --arch arm64 --out helper/gen --protocol drv/proto.ts
                                               a protocol too; its Go package imports rawsys as
                                               <module of helper/go.mod>/gen/go/rawsys
  syscallgen gen --arch all --protocol specs/protocols/demo.ts --go-import-prefix syscallgen.local/go
                                               the bundled demo protocol, as npm run gen makes it`,
    )
    .action(run((options: GenOptions) => gen(options)));
}

async function gen(options: GenOptions): Promise<number> {
  const folders = specFoldersOf(options);
  requireFiles("--protocol", options.protocol);
  const arches = parseArches(options.arch, folders);
  const outDir = resolve(options.out);
  requireGoPackage(options.goPackage);
  if (options.goImportPrefix !== undefined) requireGoImportPrefix(options.goImportPrefix);
  const protocols = options.protocol.map((f) => resolve(f));
  const goImportPrefix = protocols.length > 0 ? importPrefixFor(outDir, options.goImportPrefix) : options.goImportPrefix;
  // A derived path can be invalid too: a folder name with a space in it.
  if (goImportPrefix !== undefined && options.goImportPrefix === undefined) requireGoImportPrefix(goImportPrefix, `the import path of ${join(outDir, "go")} from its go.mod,`);
  const key = inputKey(specInputs(folders, protocols), { arches, goPackage: options.goPackage, goImportPrefix });
  if (stampHolds(outDir, key)) {
    process.stdout.write(options.check ? "syscallgen: generated files are current\n" : "syscallgen: nothing to do\n");
    return ExitCode.ok;
  }
  // Loaded only now: TypeScript is most of the cost of a run, and a no-op run does not need it.
  const { generate } = await import("../generate.js");
  let result;
  try {
    result = generate({ arches, goPackage: options.goPackage, specs: folders, bundledSpecs: false, protocols, goImportPrefix });
  } catch (e) {
    if (!(e instanceof SpecErrors)) throw e;
    process.stderr.write(`${e.message}\nsyscallgen: ${e.diagnostics.length} error(s) in the specs; nothing was written\n`);
    return ExitCode.failed;
  }
  const output = { known: result.allPaths };
  if (options.check) return reportCheck(checkFiles(outDir, result.files, output));
  const report = writeFiles(outDir, result.files, output);
  writeStamp(outDir, makeStamp(key, result.files, result.allPaths));
  return reportWrite(report, options.out);
}

/**
 * The import path the protocol packages import rawsys through: the one given, else what Go will
 * call <out>/go, from the go.mod above it (the generated packages must be in the helper's module).
 */
function importPrefixFor(outDir: string, given: string | undefined): string {
  if (given !== undefined) return given;
  const derived = goImportPathOf(join(outDir, "go"));
  if (derived === undefined) {
    throw new UsageError(`--protocol: no go.mod above ${outDir} to take the Go import path of its go/ folder from; pass --go-import-prefix (e.g. example.com/helper/gen/go)`);
  }
  const problem = goImportPathProblem(derived);
  if (problem !== undefined) {
    throw new UsageError(`--protocol: the go.mod above ${outDir} makes its go/ folder ${JSON.stringify(derived)}, not a Go import path (${problem}); pass --go-import-prefix`);
  }
  return derived;
}
