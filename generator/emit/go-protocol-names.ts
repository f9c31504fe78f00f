/**
 * Go names for a protocol's spec names. Every snake_case name goes through goCamel, so the C and
 * Go sides can be matched by eye and a rename in the spec changes both the same way.
 */

/** A snake_case spec name as an exported Go name: `uptime_ns` -> `UptimeNs`. */
export function goCamel(snake: string): string {
  return snake
    .split("_")
    .filter((part) => part !== "")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** Two spec names that become one Go identifier; validation reports it as a spec error. */
export class GoNameClash extends Error {}

/**
 * Collects the identifiers one Go scope declares and throws on the first clash, naming both
 * sources: two spec names that camel-case alike would otherwise fail only at `go build`.
 */
export class GoScope {
  private readonly owners = new Map<string, string>();

  constructor(private readonly scope: string) {}

  /** Declares `name`, coming from `owner` (for the error message); returns it. */
  declare(name: string, owner: string): string {
    const previous = this.owners.get(name);
    if (previous !== undefined) {
      throw new GoNameClash(`${owner} and ${previous} are both the Go name ${name} in ${this.scope}`);
    }
    this.owners.set(name, owner);
    return name;
  }
}

/**
 * Identifiers the package declares whatever the spec says; a spec name that camel-cases to one of
 * them would redeclare it.
 */
export const fixedPackageNames = [
  "Magic", "Version", "HeaderSize", "MaxPayload", "MaxFrame", "Direction", "ToKernel", "ToHelper",
  "MsgType", "Msg", "DecodeFrame", "Side", "SideHelper", "SideKernel", "Conn", "NewConn", "Helper",
];

/** Methods of every message struct: a field with one of these names would clash with it. */
export const messageMethodNames = ["EncodeFrame"];

/** Fields and methods of Msg besides its field per message. */
export const msgFixedFields = ["Seq", "EncodeFrame"];
