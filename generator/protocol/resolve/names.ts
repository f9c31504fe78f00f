/**
 * Generated names and the spec declarations they come from. Each side has one naming function
 * (c-protocol-names.ts, go-protocol-names.ts) that decides every identifier its output declares
 * where a spec name can reach; the printer prints those names and validation reports their
 * clashes, each at the declaration that owns the name, so the two can never disagree.
 */
import type { CallIR, WireEnumIR, WireMessageIR, WireStructIR } from "../ir.js";
import { logLevelEnum, logMessage } from "../spec/wire-format.js";

/**
 * What a generated name comes from: a spec declaration (whose key validation can point at), or
 * the generated code itself (`fixed`: helpers, the built-in log message, included headers).
 */
export type NameOwner =
  | { kind: "protocol" }
  | { kind: "enum"; enum: string }
  | { kind: "value"; enum: string; value: string }
  | { kind: "struct"; struct: string }
  | { kind: "message"; message: string }
  | { kind: "call"; call: string }
  | { kind: "field"; in: "struct" | "message"; parent: string; field: string }
  | { kind: "fixed"; what: string };

/** Two owners whose names meet in one scope of one side's output. */
export interface NameClash {
  side: "C" | "Go";
  name: string;
  /** Where the two meet, as a reader would say it: `package demo`, `struct demo_reply`. */
  scope: string;
  first: NameOwner;
  second: NameOwner;
}

/** A name the generated code declares whatever the spec says. */
export function fixedOwner(what: string): NameOwner {
  return { kind: "fixed", what };
}

/** The owners of an IR's declarations; the log message and its level enum are the generator's own. */
export const ownerOf = {
  enum: (e: WireEnumIR): NameOwner => (e.name === logLevelEnum ? fixedOwner("the built-in log_level enum") : { kind: "enum", enum: e.name }),
  value: (e: WireEnumIR, value: string): NameOwner =>
    e.name === logLevelEnum ? fixedOwner(`the built-in log level ${value}`) : { kind: "value", enum: e.name, value },
  struct: (s: WireStructIR): NameOwner => ({ kind: "struct", struct: s.name }),
  message: (m: WireMessageIR): NameOwner => (isLogMessage(m) ? fixedOwner("the built-in log message") : { kind: "message", message: m.name }),
  call: (c: CallIR): NameOwner => ({ kind: "call", call: c.name }),
  field: (s: WireStructIR | WireMessageIR, field: string): NameOwner => {
    if ("id" in s) return isLogMessage(s) ? fixedOwner(`the built-in log message's ${field}`) : { kind: "field", in: "message", parent: s.name, field };
    return { kind: "field", in: "struct", parent: s.name, field };
  },
};

function isLogMessage(m: WireMessageIR): boolean {
  return m.id === logMessage.id;
}

/** An owner as an error message names it. */
export function describeOwner(owner: NameOwner): string {
  switch (owner.kind) {
    case "protocol":
      return "the protocol's name";
    case "enum":
      return `enum \`${owner.enum}\``;
    case "value":
      return `value \`${owner.enum}.${owner.value}\``;
    case "struct":
      return `struct \`${owner.struct}\``;
    case "message":
      return `message \`${owner.message}\``;
    case "call":
      return `call \`${owner.call}\``;
    case "field":
      return `field \`${owner.parent}.${owner.field}\``;
    case "fixed":
      return owner.what;
  }
}

/** The error text of a clash, told from the side of `reported`, the owner the error points at. */
export function clashMessage(clash: NameClash, reported: NameOwner): string {
  const other = reported === clash.second ? clash.first : clash.second;
  return `${describeOwner(reported)} and ${describeOwner(other)} are both the ${clash.side} name ${clash.name} in ${clash.scope}`;
}

/**
 * The names one side declares, by scope, and every clash among them. Declaring never fails, so
 * one pass finds all clashes and the printer still gets a name for everything.
 */
export class NameBook {
  readonly clashes: NameClash[] = [];
  /** Every scope's names in declaration order: what a test compares with the printed output. */
  readonly scopes = new Map<string, Map<string, NameOwner>>();

  constructor(readonly side: "C" | "Go") {}

  /** Declares `name` from `owner` in `scope` (created on first use) and returns it. */
  declare(scope: string, name: string, owner: NameOwner): string {
    let names = this.scopes.get(scope);
    if (names === undefined) this.scopes.set(scope, (names = new Map()));
    const first = names.get(name);
    if (first === undefined) names.set(name, owner);
    else this.clashes.push({ side: this.side, name, scope, first, second: owner });
    return name;
  }

  /** Declares each of `names` as the generated code's own in `scope`. */
  declareFixed(scope: string, names: readonly string[], what: (name: string) => string): void {
    for (const name of names) this.declare(scope, name, fixedOwner(what(name)));
  }

  /** Throws when any names clash: a printer's guard for an IR that skipped validation. */
  throwIfClashes(protocol: string): void {
    if (this.clashes.length === 0) return;
    const lines = this.clashes.map((c) => clashMessage(c, c.second));
    throw new Error(`protocol ${protocol}: generated names clash: ${lines.join("; ")}`);
  }
}
