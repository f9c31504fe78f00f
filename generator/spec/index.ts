/**
 * The spec language, imported by spec files as `syscallgen/spec`. Everything here is types and
 * identity functions: a spec file declares data, and the loader reads it from the syntax tree.
 */
export * from "./arch.js";
export * from "./syscall.js";
export * from "./types.js";
export * from "./protocol.js";
