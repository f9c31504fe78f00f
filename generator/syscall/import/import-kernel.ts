/**
 * `syscallgen import --kernel DIR`: fills the `kernel` tables of every arch spec from a Linux
 * source tree, the way the kernel's own build derives its uapi headers.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { readAbiMakefile } from "./abi-makefile.js";
import { ArchFile } from "./arch-file.js";
import { readErrno, readSignals } from "./header-constants.js";
import { ImportError } from "./import-error.js";
import { KernelTree } from "./kernel-tree.js";
import { readKernelVersion } from "./kernel-version.js";
import { renderRecord } from "./render-record.js";
import { readSyscallTable } from "./syscall-table.js";

/** Where to read the kernel and which arch specs to rewrite. */
export interface ImportOptions {
  /** Root of a Linux source tree (the directory holding the top-level Makefile). */
  kernelDir: string;
  /** Directory of arch specs, e.g. specs/arch; every `*.ts` in it is imported. */
  archDir: string;
}

/** What the import found for one arch. */
export interface ArchImport {
  goarch: string;
  /** Path of the arch spec file. */
  file: string;
  /** Kernel release, e.g. "6.12.117". */
  version: string;
  syscalls: number;
  errno: number;
  signals: number;
  /** False when the file already held exactly these tables and was left untouched. */
  changed: boolean;
}

/** The result of one import, arches in file-name order. */
export interface ImportReport {
  kernelDir: string;
  version: string;
  arches: ArchImport[];
}

/**
 * Reads every arch spec, reads its tables from the kernel tree, and rewrites the spec's
 * `version`, `syscalls`, `errno` and `signals`. Every arch is computed before any file is
 * written, so an error in the tree leaves all specs as they were. Throws ImportError.
 */
export async function importKernel(options: ImportOptions): Promise<ImportReport> {
  const tree = new KernelTree(options.kernelDir);
  const version = await readKernelVersion(tree);
  const names = (await readdir(options.archDir)).filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts")).sort();
  if (names.length === 0) throw new ImportError(options.archDir, undefined, "no arch specs (*.ts) here");

  const planned: { report: ArchImport; after: string }[] = [];
  for (const name of names) {
    const file = path.join(options.archDir, name);
    const before = await readFile(file, "utf8");
    const arch = new ArchFile(file, before);
    const settings = arch.settings();
    const extraAbis = settings.abiMakefile === undefined ? [] : await readAbiMakefile(tree, settings.abiMakefile, settings.bits);
    const table = await readSyscallTable(tree, settings.table, [...settings.abis, ...extraAbis]);
    const syscalls = new Map([...table.values()].map((entry) => [entry.name, entry.number]));
    const errno = await readErrno(tree, settings.errnoHeader);
    const signals = await readSignals(tree, settings.signalHeader);
    const after = arch.rewrite((indent) => ({
      version: JSON.stringify(version),
      syscalls: renderRecord(syscalls, indent),
      errno: renderRecord(errno, indent),
      signals: renderRecord(signals, indent),
    }));
    const report: ArchImport = {
      goarch: settings.goarch,
      file,
      version,
      syscalls: syscalls.size,
      errno: errno.size,
      signals: signals.size,
      changed: after !== before,
    };
    planned.push({ report, after });
  }

  // Unchanged files are not written, so their mtimes (and any build keyed on them) stay put.
  for (const { report, after } of planned) {
    if (report.changed) await writeFile(report.file, after, "utf8");
  }
  return { kernelDir: tree.root, version, arches: planned.map(({ report }) => report) };
}
