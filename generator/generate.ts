/**
 * The library API: specs in, generated files out, in memory. The CLI and the golden tests call
 * this; nothing here touches the output directory.
 */
import { emitCHeader } from "./emit/c-emit.js";
import { emitGo, type GeneratedFile } from "./emit/go-emit.js";
import { emitGoProtocol } from "./emit/go-protocol-emit.js";
import { compareStrings } from "./load/diagnostics.js";
import { loadSpecs } from "./load/load-specs.js";
import type { ArchIR } from "./resolve/ir.js";
import { resolveAll } from "./resolve/resolve-arch.js";
import type { ProtocolIR } from "./resolve/protocol-ir.js";
import { layoutProtocol } from "./resolve/protocol-layout.js";
import { bundledSpecsDir } from "./util/package-root.js";
import { specInputs } from "./util/spec-files.js";
import { validateSpecs } from "./validate/validate.js";

export type { GeneratedFile } from "./emit/go-emit.js";
export { archNames } from "./util/spec-files.js";

/** What to generate. */
export interface GenerateOptions {
  /** GOARCHes whose files to return, or "all" (default). Files every arch shares always come back. */
  arches?: readonly string[] | "all";
  /** Go package name and folder under go/ (default "rawsys"). */
  goPackage?: string;
  /** Folder of spec files (default: the bundled specs). */
  specsDir?: string;
  /**
   * Protocol spec files to generate a C header and a Go package for. When given, they replace the
   * protocols in the specs folder (the bundled example).
   */
  protocols?: readonly string[];
  /** Go import path of the folder that holds the generated Go packages (default "syscallgen.local/go"). */
  goImportPrefix?: string;
  /** Paths in error messages are relative to this (default: the working directory). */
  cwd?: string;
}

/** The generated files and what they were made from. */
export interface GenerateResult {
  /** Sorted by path; paths are relative to the output directory. */
  files: GeneratedFile[];
  /** Absolute paths of every spec file read. */
  inputs: string[];
  /** The IR of every arch the specs declare. */
  irs: ArchIR[];
  /** The wire IR of every protocol. */
  protocols: ProtocolIR[];
}

/** An arch name that is not in the specs; the message lists the valid ones. */
export class UnknownArchError extends Error {
  constructor(readonly arch: string, readonly known: string[]) {
    super(`unknown arch \`${arch}\`; valid arches: ${known.join(", ")}, or all`);
  }
}

/** Loads, validates and resolves the specs, then prints the Go package. Throws SpecErrors on bad specs. */
export function generate(options: GenerateOptions = {}): GenerateResult {
  const specsDir = options.specsDir ?? bundledSpecsDir();
  const inputs = specInputs(specsDir, options.protocols);
  const set = validateSpecs(loadSpecs(inputs, options.cwd));
  const protocols = set.protocols.map(layoutProtocol);
  const irs = resolveAll(set);
  const known: string[] = irs.map((ir) => ir.goarch);
  const wanted = options.arches === undefined || options.arches === "all" ? known : [...options.arches];
  for (const arch of wanted) if (!known.includes(arch)) throw new UnknownArchError(arch, known);
  const goPackage = options.goPackage ?? "rawsys";
  const go = emitGo(irs, goPackage);
  const rawsysImport = `${options.goImportPrefix ?? "syscallgen.local/go"}/${goPackage}`;
  const protocolFiles = protocols.flatMap((p) => [emitCHeader(p), ...emitGoProtocol(p, { rawsysImport })]);
  const files = [...go.shared, ...wanted.flatMap((arch) => go.perArch.get(arch)!), ...protocolFiles];
  return { files: files.sort((a, b) => compareStrings(a.path, b.path)), inputs, irs, protocols };
}
