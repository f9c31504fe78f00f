/**
 * The rawsys runtime: support.go beside this file, Go source written by hand (package rawsys)
 * that gen copies into every generated package with the generated-code header and build line
 * added. It declares what the printed wrappers call (errnoErr, cString, mapping, ...) and the
 * types specs may point to (WaitStatus), which are read from the source rather than listed again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../core/package-root.js";

/** Where the support file is, relative to the package root (it ships as source, as the specs do). */
export const supportPath = "generator/syscall/runtime/support.go";

/** The package the support file is written in; gen renames it to the generated package's name. */
export const supportPackage = "rawsys";

let cached: string | undefined;

/** The support file's text as written. */
export function supportSource(): string {
  cached ??= readFileSync(join(packageRoot(), supportPath), "utf8");
  return cached;
}

/**
 * The exported types the support file declares (`type WaitStatus uint32`), usable as pointer
 * targets in syscall specs. Only top-level `type Name ...` lines are read: a grouped `type (...)`
 * declaration is refused so that no type is silently left out.
 */
export function supportTypes(source = supportSource()): string[] {
  if (/^type\s*\(/m.test(source)) throw new Error(`${supportPath}: declare each type on its own \`type Name ...\` line`);
  return [...source.matchAll(/^type ([A-Z]\w*)\s/gm)].map((m) => m[1]!);
}

/**
 * The support file as package `packageName`: its package clause and the package doc comment's
 * `// Package rawsys` renamed.
 */
export function supportSourceAs(packageName: string, source = supportSource()): string {
  const clause = new RegExp(`^package ${supportPackage}$`, "m");
  const doc = new RegExp(`^// Package ${supportPackage} `, "m");
  if (!clause.test(source) || !doc.test(source)) throw new Error(`${supportPath}: expected \`// Package ${supportPackage} \` and \`package ${supportPackage}\``);
  return source.replace(doc, `// Package ${packageName} `).replace(clause, `package ${packageName}`);
}
