/**
 * Go identifiers: the one place where a spec's names are checked against Go's keywords and made
 * safe to use as parameter names in generated code.
 */

/** Go's reserved words: never valid as identifiers. */
export const goKeywords = new Set([
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
  "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
]);

/**
 * Names the generated function bodies use: a parameter with one of these names would shadow it
 * (CopyFileRange's `len`), so it is renamed in the Go code; the signature's types do not change.
 */
const usedInBodies = new Set(["len", "uintptr", "unsafe", "syscall", "int", "int32", "int64", "byte", "err"]);

/** Whether `name` is a Go keyword. */
export function isGoKeyword(name: string): boolean {
  return goKeywords.has(name);
}

/** A spec's parameter or result name as a Go local: keywords and shadowing names get a `_` suffix. */
export function goLocalName(name: string): string {
  return goKeywords.has(name) || usedInBodies.has(name) ? `${name}_` : name;
}
