/**
 * The import stage: `importKernel` fills the arch specs' kernel tables from a Linux tree.
 * The CLI's `syscallgen import --kernel DIR` is a thin shell around it.
 */
export { importKernel } from "./import-kernel.js";
export type { ArchImport, ImportOptions, ImportReport } from "./import-kernel.js";
export { ImportError } from "./import-error.js";
