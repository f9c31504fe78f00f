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
export { bundledSpecsDir } from "./util/package-root.js";
export { goImportPathOf } from "./util/go-module.js";
export { SpecErrors, formatDiagnostic, type SpecDiagnostic, type SourcePos } from "./load/diagnostics.js";
export type { ArchIR, WrapperIR, StructIR, WordIR } from "./resolve/ir.js";
export { writeFiles, checkFiles, type WriteReport, type CheckReport, type OutputOptions } from "./write/write-files.js";
export { OutputError, ioFailureMessage } from "./write/output-error.js";
export { importKernel } from "./import/index.js";
