/**
 * Random protocol specs from a seeded generator: enums, structs that nest earlier ones, arrays of
 * anything (arrays of arrays too), strings, blobs, messages in every direction, calls between
 * them and a heartbeat, all named from a word list. Names meet as they would in a user's spec, so some specs are rightly rejected; sizes
 * are kept small so that rejections are about names, not frames over their limits.
 */
import type { ProtocolDirection, ProtocolFieldType, ProtocolSpec } from "../../../generator/protocol/spec/language.js";

/** mulberry32: a small, fast PRNG whose whole state is one 32-bit seed, so a run is replayable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const scalars = ["u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "bool"] as const;
const directions: ProtocolDirection[] = ["to-helper", "to-kernel", "both"];

/** Generates specs from `words` with the PRNG `random`. */
export class SpecGenerator {
  constructor(
    private readonly random: () => number,
    private readonly words: readonly string[],
  ) {}

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** `n` distinct words: the keys of one object literal. */
  private names(n: number): string[] {
    const out = new Set<string>();
    while (out.size < n) out.add(this.pick(this.words));
    return [...out];
  }

  /** A field type and an upper bound of its wire size; `depth` limits nested arrays. */
  private fieldType(enums: string[], structs: Map<string, number>, depth = 0): [ProtocolFieldType, number] {
    const roll = this.random();
    if (roll < 0.35) {
      const s = this.pick(scalars);
      return [s, s === "bool" ? 1 : Number(s.slice(1)) / 8];
    }
    if (roll < 0.5 && enums.length > 0) return [this.pick(enums), 4];
    if (roll < 0.62 && structs.size > 0) {
      const name = this.pick([...structs.keys()]);
      return [name, structs.get(name)!];
    }
    if (roll < 0.74) {
      const max = this.int(1, 24);
      return [{ string: max }, max + 1];
    }
    if (roll < 0.86) {
      const max = this.int(1, 24);
      return [{ bytes: max }, max + 2];
    }
    if (depth >= 2) return ["u32", 4];
    const length = this.int(1, 3);
    let [element, size] = this.fieldType(enums, structs, depth + 1);
    // validation wants even blob bounds in arrays, so element strides match C's
    if (typeof element === "object" && "bytes" in element && element.bytes % 2 === 1) element = { bytes: element.bytes + 1 };
    return [{ array: element, length }, length * (size + 8)];
  }

  /** Fields whose sizes (each padded to 8 at worst) stay under `budget` bytes. */
  private fields(n: number, enums: string[], structs: Map<string, number>, budget: number): [Record<string, ProtocolFieldType>, number] {
    const out: Record<string, ProtocolFieldType> = {};
    let total = 0;
    for (const name of this.names(n)) {
      let [type, size] = this.fieldType(enums, structs);
      if (total + size + 8 > budget) [type, size] = ["u8", 1];
      out[name] = type;
      total += size + 8;
    }
    return [out, total];
  }

  /** One spec. */
  spec(): ProtocolSpec {
    const enumNames = this.names(this.int(0, 3));
    const enums = Object.fromEntries(
      enumNames.map((name) => {
        const width = this.pick(["u8", "u16", "u32"] as const);
        const start = this.int(0, 3);
        return [name, { width, values: Object.fromEntries(this.names(this.int(1, 4)).map((v, i) => [v, start + i])) }];
      }),
    );
    const structSizes = new Map<string, number>();
    const structs: ProtocolSpec["structs"] = {};
    for (const name of this.names(this.int(0, 3))) {
      // Only earlier structs are used, so none contains itself.
      const [fields, size] = this.fields(this.int(1, 4), enumNames, structSizes, 200);
      structs[name] = { fields };
      structSizes.set(name, size);
    }
    const messages: ProtocolSpec["messages"] = {};
    const ids = new Set<number>();
    for (const name of this.names(this.int(1, 4))) {
      let id = this.int(1, 40);
      while (ids.has(id)) id++;
      ids.add(id);
      messages[name] = { id, direction: this.pick(directions), fields: this.fields(this.int(0, 4), enumNames, structSizes, 900)[0] };
    }
    const spec: ProtocolSpec = { name: this.pick(this.words), version: this.int(1, 3), magic: this.int(0, 0xffffffff), enums, structs, messages };
    const calls = this.calls(messages);
    if (calls !== undefined) spec.calls = calls;
    if (this.random() < 0.3) {
      const intervalMs = this.int(100, 60_000);
      spec.liveness = { intervalMs, timeoutMs: this.int(intervalMs + 1, 600_000) };
    }
    return spec;
  }

  /**
   * Calls between the messages, as the rules allow them (a request travels to-helper only and
   * serves one call, a reply to-kernel only and may serve several), named from the words like
   * everything else; none when the messages have no such pair, and sometimes none anyway.
   */
  private calls(messages: ProtocolSpec["messages"]): ProtocolSpec["calls"] {
    const requests = Object.keys(messages).filter((m) => messages[m]!.direction === "to-helper");
    const replies = Object.keys(messages).filter((m) => messages[m]!.direction === "to-kernel");
    if (requests.length === 0 || replies.length === 0 || this.random() < 0.2) return undefined;
    const count = this.int(1, requests.length);
    return Object.fromEntries(this.names(count).map((name, i) => [name, { request: requests[i]!, reply: this.pick(replies), timeoutMs: this.int(1, 600_000) }]));
  }
}

/** A spec as the TypeScript file a user would write. */
export function specSource(spec: ProtocolSpec): string {
  return `import { defineProtocol } from "syscallgen/spec";\n\nexport default defineProtocol(${JSON.stringify(spec, null, 2)});\n`;
}
