/**
 * Assembles the throwaway Go module `rt` the tests build: the package under
 * test copied to rt/rawsys, plus external test files beside it. The
 * generated package has no go.mod of its own, so this is its only home.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GO_XSYS_TESTS } from "./paths.js";

/** Inputs for {@link createGoModule}. */
export interface GoModuleSpec {
  /** Directory holding the rawsys package's .go files. */
  readonly pkgDir: string;
  /** Directory whose *.go files are copied next to the package (tests). */
  readonly testDir?: string;
  /** Extra files (name -> content) written into rt/rawsys, e.g. generated tests. */
  readonly extraFiles?: Readonly<Record<string, string>>;
  /** Require golang.org/x/sys even if neither package nor tests import it. */
  readonly requireXsys?: boolean;
  /** Prefix for the temporary directory name. */
  readonly label?: string;
}

/** A module on disk; `dispose` removes it. */
export interface GoModule {
  readonly root: string;
  /** The import path of the package inside the module. */
  readonly pkgPath: "./rawsys";
  dispose(): void;
}

/** Plain module file: old enough a go line that any recent toolchain accepts. */
const PLAIN_GO_MOD = "module rt\n\ngo 1.21\n";

/** True when any .go file in dir imports golang.org/x/sys (the shim does). */
export function importsXsys(dir: string): boolean {
  return goFiles(dir).some((f) => readFileSync(path.join(dir, f), "utf8").includes('"golang.org/x/sys/'));
}

/** The .go file names in dir, sorted; none when dir is absent. */
export function goFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".go")).sort();
}

/** Creates the module in a fresh temporary directory. */
export function createGoModule(spec: GoModuleSpec): GoModule {
  const root = mkdtempSync(path.join(os.tmpdir(), `syscallgen-${spec.label ?? "go"}-`));
  const pkg = path.join(root, "rawsys");
  mkdirSync(pkg);
  // Only non-test sources: stray _test.go files in the output are not ours to run.
  for (const f of goFiles(spec.pkgDir).filter((f) => !f.endsWith("_test.go"))) {
    copyFileSync(path.join(spec.pkgDir, f), path.join(pkg, f));
  }
  const testDir = spec.testDir;
  if (testDir !== undefined) for (const f of goFiles(testDir)) copyFileSync(path.join(testDir, f), path.join(pkg, f));
  for (const [name, content] of Object.entries(spec.extraFiles ?? {})) writeFileSync(path.join(pkg, name), content);
  const needsXsys = spec.requireXsys === true || importsXsys(pkg);
  if (needsXsys) {
    // The pinned, committed go.mod/go.sum keep the x/sys version reproducible.
    copyFileSync(path.join(GO_XSYS_TESTS, "go.mod"), path.join(root, "go.mod"));
    copyFileSync(path.join(GO_XSYS_TESTS, "go.sum"), path.join(root, "go.sum"));
  } else {
    writeFileSync(path.join(root, "go.mod"), PLAIN_GO_MOD);
  }
  return { root, pkgPath: "./rawsys", dispose: () => rmSync(root, { recursive: true, force: true }) };
}
