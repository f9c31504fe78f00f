/** `syscallgen list`: the wrappers and, per arch, the kernel entry and number each one uses. */
import { Command } from "commander";
import { SpecErrors } from "../core/diagnostics.js";
import type { CallIR } from "../syscall/ir.js";
import { noBundledSpecsOption, specFoldersOf, specsOption, type SpecOptions } from "./spec-options.js";
import { parseArches, type Runner } from "./usage.js";
import { ExitCode } from "./exit-codes.js";

/** Builds the list command. */
export function listCommand(run: Runner): Command {
  return new Command("list")
    .description("print each syscall wrapper with its kernel entry and number per arch")
    .option("--arch <goarch>", "only these arches (comma-separated), or all", "all")
    .addOption(specsOption())
    .addOption(noBundledSpecsOption())
    .addHelpText(
      "after",
      `
Examples:
  syscallgen list --arch arm     Pread  pread64  SYS_PREAD64=180  Syscall6
  syscallgen list                one column per arch; - where the arch lacks the call
  syscallgen list --specs my-specs   the bundled wrappers and those in my-specs/`,
    )
    .action(run((options: SpecOptions & { arch: string }) => list(options.arch, specFoldersOf(options))));
}

async function list(archOption: string, folders: string[]): Promise<number> {
  const arches = parseArches(archOption, folders);
  const { generate } = await import("../generate.js");
  let irs;
  try {
    irs = generate({ specs: folders, bundledSpecs: false }).irs.filter((ir) => arches === "all" || arches.includes(ir.goarch));
  } catch (e) {
    if (!(e instanceof SpecErrors)) throw e;
    process.stderr.write(`${e.message}\n`);
    return ExitCode.failed;
  }
  const names = [...new Set(irs.flatMap((ir) => [...ir.wrappers.map((w) => w.goName), ...ir.absent]))].sort();
  const rows: string[][] = [];
  const numberOf = (ir: (typeof irs)[number], sysnum: string) => ir.sysnums.find((s) => s.goName === sysnum)?.number;
  if (irs.length === 1) {
    const ir = irs[0]!;
    for (const name of names) {
      const w = ir.wrappers.find((x) => x.goName === name);
      // A wrapper that picks its call at run time lists each, in the order it tries them.
      const each = (cell: (c: CallIR) => string) => (w ? w.calls.map(cell).join(",") : "-");
      rows.push([name, each((c) => c.kernelName), each((c) => `${c.sysnum}=${numberOf(ir, c.sysnum)}`), each((c) => c.entry.func)]);
    }
  } else {
    rows.push(["wrapper", ...irs.map((ir) => ir.goarch)]);
    for (const name of names) {
      rows.push([name, ...irs.map((ir) => {
        const w = ir.wrappers.find((x) => x.goName === name);
        return w ? w.calls.map((c) => `${c.kernelName}=${numberOf(ir, c.sysnum)}`).join(",") : "-";
      })]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()}\n`);
  return ExitCode.ok;
}
