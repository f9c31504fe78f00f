/**
 * The throwaway Go module `rt` the protocol tests build: the generated demo package at rt/demo,
 * the runtime it imports at rt/sgwire, as gen copies it, the rawsys package that imports at
 * rt/rawsys, and optionally the Go tests with their test data (golden vectors, malformed frames,
 * the committed fuzz seed corpus).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "../../../generator/core/generated-file.js";
import { emitGoProtocol } from "../../../generator/protocol/print-go/go-emit.js";
import { goRuntimeFiles } from "../../../generator/protocol/runtime/go-runtime.js";
import { goFiles } from "../../support/go-module.js";
import { packageDir } from "../../support/paths.js";
import { demoIR } from "./demo-ir.js";
import { demoVectors } from "./demo-vectors.js";
import { malformedFrames } from "./malformed-frames.js";

/** This directory: the Go tests and their committed testdata. */
export const PROTOCOL_GO_TESTS = path.dirname(fileURLToPath(import.meta.url));

/** The import path of the test module's go/ folder: the module itself. */
export const GO_IMPORT_PREFIX = "rt";

/** The import path of rawsys in the test module. */
export const RAWSYS_IMPORT = `${GO_IMPORT_PREFIX}/rawsys`;

/** The demo package as the emitter prints it for the test module. */
export function demoGoFiles(): GeneratedFile[] {
  return emitGoProtocol(demoIR(), { goImportPrefix: GO_IMPORT_PREFIX });
}

/** A module on disk; `dispose` removes it. */
export interface ProtocolModule {
  readonly root: string;
  /** The package directory, rt/demo. */
  readonly pkgDir: string;
  dispose(): void;
}

/**
 * Writes the module into a fresh temporary directory: the demo package and sgwire, the Go tests
 * when `withTests`, and `extra` generated files (another protocol's package) beside them.
 */
export function createProtocolModule(withTests: boolean, label: string, extra: GeneratedFile[] = []): ProtocolModule {
  const root = mkdtempSync(path.join(os.tmpdir(), `syscallgen-proto-${label}-`));
  try {
    fillModule(root, withTests, extra);
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  return { root, pkgDir: path.join(root, "demo"), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

function fillModule(root: string, withTests: boolean, extra: GeneratedFile[]): void {
  // The fuzzer needs a go line of 1.18 or later; the tests use 1.22's range over ints.
  writeFileSync(path.join(root, "go.mod"), "module rt\n\ngo 1.24\n");
  const rawsys = path.join(root, "rawsys");
  mkdirSync(rawsys);
  for (const f of goFiles(packageDir()).filter((f) => !f.endsWith("_test.go"))) copyFileSync(path.join(packageDir(), f), path.join(rawsys, f));
  for (const f of [...demoGoFiles(), ...goRuntimeFiles(RAWSYS_IMPORT), ...extra]) {
    // go/demo/x.go -> rt/demo/x.go
    const to = path.join(root, ...f.path.split("/").slice(1));
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, f.content);
  }
  const pkgDir = path.join(root, "demo");
  if (withTests) {
    for (const f of goFiles(PROTOCOL_GO_TESTS)) copyFileSync(path.join(PROTOCOL_GO_TESTS, f), path.join(pkgDir, f));
    const testdata = path.join(pkgDir, "testdata");
    const corpus = path.join(PROTOCOL_GO_TESTS, "testdata");
    if (existsSync(corpus)) cpSync(corpus, testdata, { recursive: true });
    mkdirSync(testdata, { recursive: true });
    const ir = demoIR();
    const vectors = demoVectors(ir);
    writeFileSync(path.join(testdata, "vectors.json"), JSON.stringify(vectors, null, 1));
    writeFileSync(path.join(testdata, "malformed.json"), JSON.stringify(malformedFrames(ir, vectors), null, 1));
  }
}
