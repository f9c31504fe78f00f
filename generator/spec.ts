/**
 * The spec language, imported by spec files as `syscallgen/spec`. Everything here is types and
 * identity functions: a spec file declares data, and the loader reads it from the syntax tree.
 */
export * from "./syscall/spec/arch.js";
export * from "./syscall/spec/syscall.js";
export * from "./syscall/spec/types.js";
export * from "./protocol/spec/language.js";
