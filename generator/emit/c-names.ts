/**
 * C identifiers: the one place where a spec's names are made safe to print as C struct members,
 * and where the header's prefixed names are spelled.
 */

/**
 * Words a member may not be called in either build of the header: C11 and C23 keywords, GNU
 * spellings, and object-like macros that would rewrite `m->name` (`errno` in libc, `current` in
 * the kernel, `linux`, `unix` and `i386`, which GNU C modes predefine to 1).
 */
export const cReserved = new Set([
  "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
  "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static",
  "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
  "alignas", "alignof", "bool", "constexpr", "false", "nullptr", "static_assert", "thread_local", "true", "typeof",
  "typeof_unqual", "asm",
  "errno", "current", "linux", "unix", "i386",
]);

/** A spec field name as a C member name: a reserved word gets a `_` suffix. */
export function cMemberName(name: string): string {
  return cReserved.has(name) ? `${name}_` : name;
}

/** The names one protocol's header declares, all derived from the protocol's name. */
export interface CNames {
  /** Lower-case prefix of types and public functions: `demo`. */
  lower: string;
  /** Upper-case prefix of macros and enum constants: `DEMO`. */
  upper: string;
  /** Prefix of the header's internal helpers, which callers should not use: `__demo_`. */
  internal: string;
}

/** The prefixes of protocol `name`. */
export function cNames(name: string): CNames {
  return { lower: name, upper: name.toUpperCase(), internal: `__${name}_` };
}

/** An enum constant or macro name under the protocol's prefix: `DEMO_STATUS_OK`. */
export function cConstant(names: CNames, ...parts: string[]): string {
  return [names.upper, ...parts.map((p) => p.toUpperCase())].join("_");
}
