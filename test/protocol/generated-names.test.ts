/**
 * The naming functions know every name the printers print: each identifier the demo's and the
 * shapes protocol's C header and Go package declare at a scope a spec name reaches (package and
 * file scope, tags, members and fields of the generated structs, Msg and Conn) is one the NameBook
 * of its side declared. A helper added to a template but not to the book fails here, before a
 * spec that happens to use its name gets past validation.
 */
import { describe, expect, test } from "vitest";
import { emitC } from "../../generator/protocol/print-c/c-emit.js";
import { cProtocolNames } from "../../generator/protocol/resolve/c-names.js";
import { emitGoProtocol } from "../../generator/protocol/print-go/go-emit.js";
import { goProtocolNames } from "../../generator/protocol/resolve/go-names.js";
import type { ProtocolIR } from "../../generator/protocol/ir.js";
import type { NameBook } from "../../generator/protocol/resolve/names.js";
import { demoIR } from "./go/demo-ir.js";
import { shapesIR } from "./go/shapes-ir.js";

/** Block bodies `open ... \n}` of `text`: each opening line's match and the lines up to its close. */
function blocks(text: string, open: RegExp, close: RegExp): { head: RegExpMatchArray; lines: string[] }[] {
  const lines = text.split("\n");
  const out: { head: RegExpMatchArray; lines: string[] }[] = [];
  lines.forEach((line, i) => {
    const head = line.match(open);
    if (head) out.push({ head, lines: lines.slice(i + 1, i + 1 + lines.slice(i + 1).findIndex((l) => close.test(l))) });
  });
  return out;
}

/** What a Go package declares: package-level names, and fields and methods by type. */
function goDeclared(text: string): { pkg: Set<string>; members: Map<string, Set<string>> } {
  const pkg = new Set<string>();
  const members = new Map<string, Set<string>>();
  const member = (type: string, name: string) => members.set(type, (members.get(type) ?? new Set()).add(name));
  for (const m of text.matchAll(/^(?:func|type|const|var) (\w+)/gm)) pkg.add(m[1]!);
  for (const b of blocks(text, /^(?:const|var) \($/, /^\)$/)) for (const l of b.lines) if (/^\t\w/.test(l)) pkg.add(l.trim().split(/\s/)[0]!);
  for (const m of text.matchAll(/^func \(\w+ \*?(\w+)\) (\w+)\(/gm)) member(m[1]!, m[2]!);
  for (const b of blocks(text, /^type (\w+) struct \{$/, /^\}$/)) {
    for (const l of b.lines) for (const name of l.trim().split(/\s+\S+$/)[0]!.split(/,\s*/)) if (name !== "") member(b.head[1]!, name);
  }
  for (const b of blocks(text, /^type (\w+) interface \{$/, /^\}$/)) {
    for (const l of b.lines) {
      const name = l.match(/^\t(\w+)\(/)?.[1];
      if (name !== undefined) member(`interface ${b.head[1]!}`, name);
    }
  }
  pkg.delete("_");
  return { pkg, members };
}

/**
 * What a C file declares: macros and file-scope names (functions, prototypes, static objects),
 * tags, and members by tag.
 */
function cDeclared(text: string): { ids: Set<string>; tags: Set<string>; members: Map<string, Set<string>> } {
  const ids = new Set(
    [
      ...text.matchAll(/^#define (\w+)/gm),
      ...text.matchAll(/^(?:static inline |static )?(?:const )?(?:struct \w+ |int |void |bool )\**(\w+)\(/gm),
      ...text.matchAll(/^static const struct \w+ (\w+)(?:\[\])? =/gm),
    ].map((m) => m[1]!),
  );
  const tags = new Set<string>();
  const members = new Map<string, Set<string>>();
  for (const b of blocks(text, /^(struct|enum) (\w+) \{$/, /^\};$/)) {
    tags.add(b.head[2]!);
    if (b.head[1] === "enum") b.lines.forEach((l) => ids.add(l.trim().split(" ")[0]!));
    // One tab: the struct's members; two: the members of struct demo_msg's union u.
    for (const l of b.lines) {
      // A member, or a function pointer's name: `void (*name)(...);`.
      const name = l.match(/(\w+)(?:\[\w+\])*;$/)?.[1] ?? l.match(/^\t\w[^(]*\(\*(\w+)\)\(/)?.[1];
      if (name === undefined || b.head[1] === "enum") continue;
      const scope = l.startsWith("\t\t") ? `the union u of struct ${b.head[2]}` : `struct ${b.head[2]}`;
      members.set(scope, (members.get(scope) ?? new Set()).add(name));
    }
  }
  return { ids, tags, members };
}

function missing(book: NameBook, scope: string, names: Iterable<string>): string[] {
  const known = book.scopes.get(scope) ?? new Map();
  return [...names].filter((n) => !known.has(n)).map((n) => `${scope}: ${n}`);
}

describe.each([
  ["demo", demoIR()],
  ["shapes", shapesIR()],
])("%s", (_, ir: ProtocolIR) => {
  test("every Go name the package declares is in the Go NameBook", () => {
    const book = goProtocolNames(ir).book;
    const go = goDeclared(emitGoProtocol(ir, { goImportPrefix: "rt" }).map((f) => f.content).join("\n"));
    const types = [...book.scopes.keys()].filter((s) => s.startsWith("struct ") || s === "type Conn").map((s) => s.split(" ")[1]!);
    const unknown = [
      ...missing(book, `package ${ir.name}`, go.pkg),
      ...types.flatMap((t) => missing(book, t === "Conn" ? "type Conn" : `struct ${t}`, go.members.get(t) ?? [])),
      ...missing(book, "interface Handlers", go.members.get("interface Handlers") ?? []),
    ];
    expect(go.members.get("interface Handlers")).toContain("Tick");
    expect(unknown).toEqual([]);
    expect(go.pkg.size).toBeGreaterThan(40);
  });

  test("every C name the header and <proto>_helper.c declare is in the C NameBook", () => {
    const book = cProtocolNames(ir).book;
    const c = cDeclared(emitC(ir).map((f) => f.content).join("\n"));
    const unknown = [
      ...missing(book, "the header", c.ids),
      ...missing(book, "struct, union and enum tags", c.tags),
      // struct <proto>_reader's buffer is the one member no spec name reaches.
      ...[...c.members].filter(([scope]) => !scope.endsWith("_reader")).flatMap(([scope, names]) => missing(book, scope, names)),
    ];
    expect(unknown).toEqual([]);
    expect(c.ids.size).toBeGreaterThan(40);
    expect(c.ids).toContain(`${ir.name}_helper_create`);
    expect(c.ids).toContain(`__${ir.name}_helper_desc`);
    expect(c.members.get(`struct ${ir.name}_helper`)).toEqual(new Set(["rt", "ops", "msg"]));
  });
});
