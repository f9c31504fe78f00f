/**
 * C identifiers: how a spec name becomes a C member name, and how the header's prefixed names
 * are spelled. c-names.ts applies these to a whole protocol.
 */
import { cReserved } from "../../core/c-reserved.js";

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

/**
 * The include guard. No spec name reaches it (those all start with the prefix), and the
 * `SYSCALLGEN` in it keeps a protocol named `string` or `features` off libc's own guards.
 */
export function cGuard(names: CNames): string {
  return `_SYSCALLGEN_${names.upper}_H`;
}
