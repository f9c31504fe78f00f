/** `syscallgen gen`: generate the bindings, or check that the ones on disk are current. */
import { Command, Option } from "commander";
import { resolve } from "node:path";
import { SpecErrors } from "../load/diagnostics.js";
import { bundledSpecsDir } from "../util/package-root.js";
import { specInputs } from "../util/spec-files.js";
import { inputKey, makeStamp, stampHolds, writeStamp } from "../write/stamp.js";
import { checkFiles, writeFiles } from "../write/write-files.js";
import { parseArches, requireFiles, requireSpecsDir, type Runner } from "./usage.js";

interface GenOptions {
  arch: string;
  out: string;
  check?: boolean;
  goPackage: string;
  specs: string;
  protocol: string[];
  goImportPrefix: string;
}

/** Builds the gen command. */
export function genCommand(run: Runner): Command {
  return new Command("gen")
    .description("generate the Go raw-syscall package for the given arches")
    .requiredOption("--arch <goarch>", "a GOARCH, a comma-separated list, or all")
    .option("--out <dir>", "output directory", "./out")
    .option("--check", "write nothing; list stale or missing files and exit 1 if there are any")
    .option("--go-package <name>", "Go package name (and folder under <dir>/go/)", "rawsys")
    .option("--specs <dir>", "folder of spec files", bundledSpecsDir())
    .addOption(
      new Option("--protocol <file>", "a protocol spec to generate a C header and a Go package for (repeatable)")
        .argParser((file: string, all: string[]) => [...all, file])
        .default([], "the bundled example"),
    )
    .option("--go-import-prefix <path>", "Go import path of <dir>/go, which the protocol packages use to import rawsys", "syscallgen.local/go")
    .addHelpText(
      "after",
      `
Examples:
  syscallgen gen --arch all                    every arch side by side in ./out/go/rawsys
  syscallgen gen --arch $(GOARCH) --out gen    what one arch needs (in a Makefile)
  syscallgen gen --arch all --check            exit 1 if the committed files are stale
  syscallgen gen --arch arm64 --protocol drv/proto.ts --go-import-prefix example.com/helper/gen/go`,
    )
    .action(run((options: GenOptions) => gen(options)));
}

async function gen(options: GenOptions): Promise<number> {
  const specsDir = resolve(options.specs);
  requireSpecsDir(specsDir);
  requireFiles("--protocol", options.protocol);
  const arches = parseArches(options.arch, specsDir);
  const outDir = resolve(options.out);
  const protocols = options.protocol.map((f) => resolve(f));
  const key = inputKey(specInputs(specsDir, protocols), { arches, goPackage: options.goPackage, goImportPrefix: options.goImportPrefix });
  if (stampHolds(outDir, key)) {
    process.stdout.write(options.check ? "syscallgen: generated files are current\n" : "syscallgen: nothing to do\n");
    return 0;
  }
  // Loaded only now: TypeScript is most of the cost of a run, and a no-op run does not need it.
  const { generate } = await import("../generate.js");
  let result;
  try {
    result = generate({ arches, goPackage: options.goPackage, specsDir, protocols, goImportPrefix: options.goImportPrefix });
  } catch (e) {
    if (!(e instanceof SpecErrors)) throw e;
    process.stderr.write(`${e.message}\nsyscallgen: ${e.diagnostics.length} error(s) in the specs; nothing was written\n`);
    return 1;
  }
  if (options.check) {
    const report = checkFiles(outDir, result.files);
    for (const path of report.stale) process.stdout.write(`stale: ${path}\n`);
    for (const path of report.missing) process.stdout.write(`missing: ${path}\n`);
    const bad = report.stale.length + report.missing.length;
    process.stdout.write(bad === 0 ? "syscallgen: generated files are current\n" : `syscallgen: ${bad} file(s) need regenerating: run syscallgen gen\n`);
    return bad === 0 ? 0 : 1;
  }
  const report = writeFiles(outDir, result.files);
  writeStamp(outDir, makeStamp(key, result.files));
  process.stdout.write(`syscallgen: ${report.written.length} written, ${report.unchanged.length} unchanged in ${options.out}\n`);
  return 0;
}
