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

/**
 * Whether `name` is a Go identifier. Go also allows non-ASCII letters; generated names are ASCII
 * so that C and file systems take them too.
 */
export function isGoIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/**
 * Why `name` cannot be the generated package's name (and folder under go/), or undefined when it
 * can. Beyond Go's rules: lower case, as Go package names are by convention and as a folder name
 * that case-insensitive file systems keep apart; not `main`, which cannot be imported; not `_`.
 */
export function goPackageNameProblem(name: string): string | undefined {
  if (!isGoIdentifier(name)) return "not a Go identifier (letters, digits and _, not starting with a digit)";
  if (isGoKeyword(name)) return "a Go keyword";
  if (name === "_") return "the blank identifier, which names nothing";
  if (!/^[a-z][a-z0-9_]*$/.test(name)) return "not lower case (Go package names are: start with a lower-case letter, then lower-case letters, digits and _)";
  if (name === "main") return "`main` is a program, which cannot be imported";
  return undefined;
}

/** A spec's parameter or result name as a Go local: keywords and shadowing names get a `_` suffix. */
export function goLocalName(name: string): string {
  return goKeywords.has(name) || usedInBodies.has(name) ? `${name}_` : name;
}
