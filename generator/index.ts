/**
 * syscallgen as a library: `generate()` returns the generated files in memory; the write helpers
 * put them on disk the way the CLI does.
 */
export {
  generate,
  UnknownArchError,
  MissingImportPrefixError,
  archNames,
  type GenerateOptions,
  type GenerateResult,
  type GeneratedFile,
} from "./generate.js";
export { bundledSpecsDir } from "./core/package-root.js";
export { goImportPathOf } from "./core/go-module.js";
export { SpecErrors, formatDiagnostic, type SpecDiagnostic, type SourcePos } from "./core/diagnostics.js";
export type { ArchIR, WrapperIR, StructIR, WordIR } from "./syscall/ir.js";
export { writeFiles, checkFiles, type WriteReport, type CheckReport, type OutputOptions } from "./core/write/write-files.js";
export { OutputError, ioFailureMessage } from "./core/write/output-error.js";
export { importKernel } from "./syscall/import/index.js";
