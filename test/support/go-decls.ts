/**
 * Regex-level reading of Go declarations in generated-style files: the
 * exported constants (with their source text) and exported type names. It
 * relies on gofmt layout (`const (` blocks, one `Name = value` per line),
 * which both x/sys's z-files and the generator's output follow.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** One exported constant: its name and the right-hand side as written. */
export interface GoConst {
  readonly name: string;
  readonly expr: string;
  readonly file: string;
}

/** Exported names declared in a set of files. */
export interface GoDecls {
  readonly consts: ReadonlyMap<string, GoConst>;
  /** Type name -> the text after the name (e.g. `struct {`, `= unix.Stat_t`). */
  readonly types: ReadonlyMap<string, string>;
  /** Exported package-level functions (methods excluded). */
  readonly funcs: ReadonlySet<string>;
}

/** Drops a trailing // comment so it is not mistaken for part of a value. */
function stripComment(s: string): string {
  const i = s.indexOf("//");
  return (i < 0 ? s : s.slice(0, i)).trim();
}

/** Parses one Go source text; `file` is only recorded for messages. */
export function parseGoDecls(src: string, file = "<src>"): GoDecls {
  const consts = new Map<string, GoConst>();
  const types = new Map<string, string>();
  const funcs = new Set<string>();
  let inConst = false;
  for (const line of src.split("\n")) {
    if (/^const \($/.test(line)) {
      inConst = true;
      continue;
    }
    if (inConst && line.startsWith(")")) {
      inConst = false;
      continue;
    }
    const m = inConst ? /^\t([A-Z]\w*)(?:\s+[\w.]+)?\s*=\s*(.+)$/.exec(line) : /^const ([A-Z]\w*)(?:\s+[\w.]+)?\s*=\s*(.+)$/.exec(line);
    if (m?.[1] && m[2]) consts.set(m[1], { name: m[1], expr: stripComment(m[2]), file });
    const t = /^type ([A-Z]\w*)\s+(.*)$/.exec(line);
    if (t?.[1]) types.set(t[1], (t[2] ?? "").trim());
    const f = /^func ([A-Z]\w*)[[(]/.exec(line);
    if (f?.[1]) funcs.add(f[1]);
  }
  return { consts, types, funcs };
}

/** Reads and merges several files; later files win on duplicate names. */
export function readGoDecls(files: readonly string[]): GoDecls {
  const consts = new Map<string, GoConst>();
  const types = new Map<string, string>();
  const funcs = new Set<string>();
  for (const f of files) {
    const d = parseGoDecls(readFileSync(f, "utf8"), path.basename(f));
    for (const [k, v] of d.consts) consts.set(k, v);
    for (const [k, v] of d.types) types.set(k, v);
    for (const k of d.funcs) funcs.add(k);
  }
  return { consts, types, funcs };
}

/** `SYS_*` constants whose value is a plain integer literal, as numbers. */
export function sysnums(decls: GoDecls): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of decls.consts.values()) {
    if (c.name.startsWith("SYS_") && /^(0x[0-9a-fA-F]+|\d+)$/.test(c.expr)) out.set(c.name, Number(c.expr));
  }
  return out;
}

/**
 * The files of a generated-style package that apply to one GOARCH: the
 * arch's own `*_linux_<arch>.go` and every file with no arch suffix.
 */
export function filesForArch(names: readonly string[], arch: string, allArches: readonly string[]): string[] {
  const archSuffix = new RegExp(`_(${allArches.join("|")})\\.go$`);
  return names.filter((n) => !n.endsWith("_test.go") && (n.endsWith(`_${arch}.go`) || !archSuffix.test(n)));
}
