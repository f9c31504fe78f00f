/**
 * The throwaway Go module `syscallgen.local/go` that sgwire's own tests run in: the runtime's
 * sources as they are in the repository (tests and testdata included, the rawsys import path
 * unchanged) beside the generated rawsys package, at the path those sources import it from.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { goRuntimeSourceDir } from "../../../generator/protocol/runtime/go-runtime.js";
import { goFiles } from "../../support/go-module.js";
import { packageDir, REPO_ROOT } from "../../support/paths.js";

/** The runtime's sources in the repository. */
export const SGWIRE_SOURCES = path.join(REPO_ROOT, goRuntimeSourceDir);

/** A module on disk; `dispose` removes it. */
export interface SgwireModule {
  readonly root: string;
  /** The package directory, <root>/sgwire. */
  readonly pkgDir: string;
  dispose(): void;
}

/** Writes the module into a fresh temporary directory. */
export function createSgwireModule(label: string): SgwireModule {
  const root = mkdtempSync(path.join(os.tmpdir(), `syscallgen-sgwire-${label}-`));
  const dispose = () => rmSync(root, { recursive: true, force: true });
  try {
    // The tests use 1.22's range over ints and 1.21's min.
    writeFileSync(path.join(root, "go.mod"), "module syscallgen.local/go\n\ngo 1.24\n");
    mkdirSync(path.join(root, "rawsys"));
    for (const f of goFiles(packageDir()).filter((f) => !f.endsWith("_test.go"))) copyFileSync(path.join(packageDir(), f), path.join(root, "rawsys", f));
    cpSync(SGWIRE_SOURCES, path.join(root, "sgwire"), { recursive: true });
  } catch (err) {
    dispose();
    throw err;
  }
  return { root, pkgDir: path.join(root, "sgwire"), dispose };
}
