/**
 * The generator's dependency rules, checked on every relative import in generator/:
 * - layers: core imports only core; a domain (syscall, protocol) imports itself and core, never
 *   the other domain; the library entry points (generator/*.ts) import core and the domains;
 *   the CLI sits on top and may import anything but is imported by nothing below it;
 * - stages inside a domain point one way: spec (with the hand-written runtime it ships) <
 *   validate (and the kernel import) < resolve (with the IR) < print, so validation never runs
 *   a resolver or a printer.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const root = path.join(import.meta.dirname, "../..");
const generator = path.join(root, "generator");

/** Every TypeScript file under generator/, relative to it, `/`-separated. */
function sources(): string[] {
  return readdirSync(generator, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

const layerRank = { core: 0, syscall: 1, protocol: 1, entry: 2, cli: 3 } as const;
type Layer = keyof typeof layerRank;

/** The layer a file belongs to: its top folder, or `entry` for generator/*.ts. */
export function layerOf(file: string): Layer {
  const top = file.includes("/") ? file.slice(0, file.indexOf("/")) : "entry";
  if (!(top in layerRank)) throw new Error(`${file}: generator/${top}/ is not a known layer`);
  return top as Layer;
}

/** A file's stage inside its domain: spec and runtime 0, validate and import 1, resolve and the IR 2, print 3. */
export function stageOf(file: string): number {
  const [, second = ""] = file.split("/");
  if (second === "spec" || second === "runtime") return 0;
  if (second === "validate" || second === "import") return 1;
  if (second === "resolve" || second === "ir.ts") return 2;
  return 3;
}

/** The relative imports of a file, resolved to files under generator/. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(generator, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)\.js"/g)].map((m) => m[1]!);
  return specifiers.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), `${s}.ts`)));
}

/** Why `from` may not import `to`, or undefined when it may. */
export function violation(from: string, to: string): string | undefined {
  const [a, b] = [layerOf(from), layerOf(to)];
  if (a === b) {
    if ((a === "syscall" || a === "protocol") && stageOf(to) > stageOf(from)) return "an earlier stage imports a later one";
    return undefined;
  }
  if (layerRank[b] >= layerRank[a]) return `${a} may not import ${b}`;
  return undefined;
}

test("every import in generator/ follows the layer and stage rules", () => {
  const files = sources();
  expect(files.length).toBeGreaterThan(50);
  const broken = files.flatMap((from) => importsOf(from).flatMap((to) => {
    const why = violation(from, to);
    return why ? [`${from} -> ${to}: ${why}`] : [];
  }));
  expect(broken).toEqual([]);
});

test("the rules catch what they forbid", () => {
  expect(violation("core/load-specs.ts", "syscall/spec/arch.ts")).toBe("core may not import syscall");
  expect(violation("syscall/resolve/wrapper.ts", "protocol/ir.ts")).toBe("syscall may not import protocol");
  expect(violation("protocol/validate/validate-protocol.ts", "protocol/print-go/go-view.ts")).toBe("an earlier stage imports a later one");
  expect(violation("syscall/validate/validate-syscalls.ts", "syscall/resolve/wrapper.ts")).toBe("an earlier stage imports a later one");
  expect(violation("generate.ts", "cli/main.ts")).toBe("entry may not import cli");
  expect(violation("cli/main.ts", "generate.ts")).toBeUndefined();
  expect(violation("syscall/print/go-emit.ts", "syscall/ir.ts")).toBeUndefined();
});
