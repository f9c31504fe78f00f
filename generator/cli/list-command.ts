/** `syscallgen list`: the wrappers and, per arch, the kernel entry and number each one uses. */
import { Command } from "commander";
import { resolve } from "node:path";
import { SpecErrors } from "../load/diagnostics.js";
import { bundledSpecsDir } from "../util/package-root.js";
import { parseArches, requireSpecsDir, type Runner } from "./usage.js";

/** Builds the list command. */
export function listCommand(run: Runner): Command {
  return new Command("list")
    .description("print each syscall wrapper with its kernel entry and number per arch")
    .option("--arch <goarch>", "only these arches (comma-separated), or all", "all")
    .option("--specs <dir>", "folder of spec files", bundledSpecsDir())
    .addHelpText(
      "after",
      `
Examples:
  syscallgen list --arch arm     Pread  pread64  SYS_PREAD64=180  Syscall6
  syscallgen list                one column per arch; - where the arch lacks the call`,
    )
    .action(run((options: { arch: string; specs: string }) => list(options.arch, resolve(options.specs))));
}

async function list(archOption: string, specsDir: string): Promise<number> {
  requireSpecsDir(specsDir);
  const arches = parseArches(archOption, specsDir);
  const { generate } = await import("../generate.js");
  let irs;
  try {
    irs = generate({ specsDir }).irs.filter((ir) => arches === "all" || arches.includes(ir.goarch));
  } catch (e) {
    if (!(e instanceof SpecErrors)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  const names = [...new Set(irs.flatMap((ir) => [...ir.wrappers.map((w) => w.goName), ...ir.absent]))].sort();
  const rows: string[][] = [];
  const numberOf = (ir: (typeof irs)[number], sysnum: string) => ir.sysnums.find((s) => s.goName === sysnum)?.number;
  if (irs.length === 1) {
    const ir = irs[0]!;
    for (const name of names) {
      const w = ir.wrappers.find((x) => x.goName === name);
      rows.push(w ? [name, w.kernelName, `${w.sysnum}=${numberOf(ir, w.sysnum)}`, w.entry.func] : [name, "-", "-", "-"]);
    }
  } else {
    rows.push(["wrapper", ...irs.map((ir) => ir.goarch)]);
    for (const name of names) {
      rows.push([name, ...irs.map((ir) => {
        const w = ir.wrappers.find((x) => x.goName === name);
        return w ? `${w.kernelName}=${numberOf(ir, w.sysnum)}` : "-";
      })]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()}\n`);
  return 0;
}
