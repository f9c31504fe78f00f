/**
 * The library API: specs in, generated files out, in memory. The CLI and the golden tests call
 * this; nothing here touches the output directory.
 */
import { relative, resolve } from "node:path";
import { compareStrings, DiagnosticSink, SpecErrors } from "./core/diagnostics.js";
import type { GeneratedFile } from "./core/generated-file.js";
import { posOf } from "./core/literal.js";
import { loadSpecs, type SpecFile } from "./core/load-specs.js";
import { specLanguageEntry } from "./core/package-root.js";
import { specFolders, specInputs } from "./core/spec-files.js";
import type { ProtocolIR } from "./protocol/ir.js";
import { emitC } from "./protocol/print-c/c-emit.js";
import { emitGoProtocol } from "./protocol/print-go/go-emit.js";
import { goRuntimeFiles, goRuntimePackage } from "./protocol/runtime/go-runtime.js";
import { cRuntimeFiles } from "./protocol/runtime/c-runtime.js";
import { resolveProtocols } from "./protocol/resolve/resolve-protocols.js";
import type { ProtocolSpec } from "./protocol/spec/language.js";
import { protocolSpecFiles, protocolSpecKinds } from "./protocol/spec/loaded.js";
import { validateProtocols } from "./protocol/validate/validate-protocol.js";
import type { ArchIR } from "./syscall/ir.js";
import { emitGo } from "./syscall/print/go-emit.js";
import { resolveAll } from "./syscall/resolve/resolve-arch.js";
import { syscallSpecFiles, syscallSpecKinds } from "./syscall/spec/spec-set.js";
import { validateSyscallSpecs } from "./syscall/validate/validate.js";

export type { GeneratedFile } from "./core/generated-file.js";
export { archNames } from "./core/spec-files.js";

/** What to generate. */
export interface GenerateOptions {
  /** GOARCHes whose files to return, or "all" (default). Files every arch shares always come back. */
  arches?: readonly string[] | "all";
  /** Go package name and folder under go/ (default "rawsys"). */
  goPackage?: string;
  /**
   * Folders of your own spec files, read on top of the bundled specs: a syscall, struct or
   * constant of your own is added to the bundled ones (a name both declare is a spec error).
   * A folder's protocols/ is not read; pass protocols with `protocols`.
   */
  specs?: readonly string[];
  /** Read the bundled specs (default true). Without them, `specs` must declare the arches (arch/). */
  bundledSpecs?: boolean;
  /** Protocol spec files to generate a C header and a Go package for (default none). */
  protocols?: readonly string[];
  /**
   * Go import path of the folder that holds the generated Go packages (`<out>/go`), which the
   * protocol packages import rawsys through. Required with `protocols`.
   */
  goImportPrefix?: string;
  /** Paths in error messages are relative to this (default: the working directory). */
  cwd?: string;
}

/** The generated files and what they were made from. */
export interface GenerateResult {
  /** Sorted by path; paths are relative to the output directory. */
  files: GeneratedFile[];
  /**
   * Every path the same options with every arch would produce, sorted: what the write stage
   * expects in the generated Go folders (another arch's file there is not stray).
   */
  allPaths: string[];
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

/** A protocol asked for without the import path its Go package needs to import rawsys. */
export class MissingImportPrefixError extends Error {
  constructor() {
    super("protocols need goImportPrefix, the Go import path of the output's go/ folder (e.g. example.com/helper/gen/go)");
  }
}

/**
 * Loads, validates and resolves the specs, then prints the Go package (and the protocols').
 * Throws SpecErrors on bad specs, UnknownArchError, and MissingImportPrefixError.
 */
export function generate(options: GenerateOptions = {}): GenerateResult {
  // The option this replaced named one folder that replaced the bundled specs; ignoring it would
  // quietly generate from the wrong specs.
  if ("specsDir" in options) throw new TypeError("generate: specsDir is gone; pass specs: [dir] with bundledSpecs: false");
  const inputs = specInputs(specFolders(options.specs, options.bundledSpecs ?? true), options.protocols);
  const loaded = loadSpecs(inputs, { kinds: { ...syscallSpecKinds, ...protocolSpecKinds }, language: specLanguageEntry(), cwd: options.cwd });
  const protocolFiles = protocolSpecFiles(loaded);
  rejectUnnamedProtocols(protocolFiles, options.protocols ?? [], options.cwd ?? process.cwd());
  const sink = new DiagnosticSink();
  const set = validateSyscallSpecs(syscallSpecFiles(loaded), sink);
  // Every sound protocol is resolved, so its layout and naming errors come with the others'.
  const protocols = resolveProtocols(validateProtocols(protocolFiles, sink), sink);
  sink.throwIfAny();
  const irs = resolveAll(set);
  const known: string[] = irs.map((ir) => ir.goarch);
  const wanted = options.arches === undefined || options.arches === "all" ? known : [...options.arches];
  for (const arch of wanted) if (!known.includes(arch)) throw new UnknownArchError(arch, known);
  if (protocols.length > 0 && !options.goImportPrefix) throw new MissingImportPrefixError();
  const goPackage = options.goPackage ?? "rawsys";
  rejectPackageClash(protocolFiles, goPackage);
  const go = emitGo(irs, goPackage);
  const rawsysImport = `${options.goImportPrefix}/${goPackage}`;
  const protocolOutput = protocols.flatMap((p) => [...emitC(p), ...emitGoProtocol(p, { goImportPrefix: options.goImportPrefix! })]);
  // The Go runtime the protocol packages import, once beside them.
  if (protocols.length > 0) protocolOutput.push(...goRuntimeFiles(rawsysImport));
  // The C runtime the protocol headers include, once beside them.
  if (protocols.length > 0) protocolOutput.push(...cRuntimeFiles());
  const files = [...go.shared, ...wanted.flatMap((arch) => go.perArch.get(arch)!), ...protocolOutput];
  const allPaths = [...go.shared, ...[...go.perArch.values()].flat(), ...protocolOutput].map((f) => f.path).sort(compareStrings);
  return { files: files.sort((a, b) => compareStrings(a.path, b.path)), allPaths, inputs, irs, protocols };
}

/**
 * A protocol spec that a specs folder holds outside its protocols/ is an error rather than
 * generated: protocols are generated only when named, like the ones in protocols/.
 */
function rejectUnnamedProtocols(protocols: SpecFile<ProtocolSpec>[], named: readonly string[], cwd: string): void {
  // As the loader shows paths.
  const shown = new Set(named.map((f) => relative(cwd, resolve(f)) || resolve(f)));
  const stray = protocols.filter((p) => !shown.has(p.file));
  if (stray.length === 0) return;
  throw new SpecErrors(stray.map((p) => ({
    pos: p.pos,
    message: "a protocol spec in a specs folder is not generated: name it with --protocol (library: `protocols`) instead",
  })));
}

/**
 * A protocol's Go package is go/<name>/: named like the syscall package, the two would share it.
 * So would a syscall package named like the Go runtime the protocols import (go/sgwire/); a
 * protocol of that name is a spec error of its own, as a name clash.
 */
function rejectPackageClash(protocols: SpecFile<ProtocolSpec>[], goPackage: string): void {
  const runtime = goPackage === goRuntimePackage;
  const clashing = protocols.filter((p) => runtime || p.data.name === goPackage);
  if (clashing.length === 0) return;
  throw new SpecErrors(clashing.map((p) => ({
    pos: posOf(p.data, "name"),
    message: runtime
      ? `the syscall package \`${goPackage}\` would share go/${goPackage}/ with the Go runtime of protocol \`${p.data.name}\`: --go-package must name another package`
      : `protocol \`${goPackage}\` would write its Go package into go/${goPackage}/, the syscall package's folder: rename one (--go-package sets the syscall package's name)`,
  })));
}
