/**
 * The seed corpus of FuzzDecodeFrame, committed under testdata/fuzz/FuzzDecodeFrame: every golden
 * vector and every malformed frame, so the fuzzer starts from each message and each rule (and
 * plain `go test` replays them all on every arch).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { demoIR } from "./demo-ir.js";
import { demoVectors } from "./demo-vectors.js";
import { malformedFrames } from "./malformed-frames.js";
import { PROTOCOL_GO_TESTS } from "./protocol-module.js";

/** Where the committed corpus lives. */
export const CORPUS_DIR = path.join(PROTOCOL_GO_TESTS, "testdata", "fuzz", "FuzzDecodeFrame");

/** The corpus as file name -> content, in Go's `go test fuzz v1` format. */
export function seedCorpus(): Map<string, string> {
  const ir = demoIR();
  const vectors = demoVectors(ir);
  const files = new Map<string, string>();
  vectors.forEach((v, i) => files.set(`valid-${String(i).padStart(2, "0")}-${v.message}`, corpusEntry(v.hex)));
  for (const f of malformedFrames(ir, vectors)) files.set(`bad-${f.name.replace(/[^a-z0-9]+/gi, "-")}`, corpusEntry(f.hex));
  return files;
}

/** One corpus file: a []byte argument as a Go string literal, every byte escaped. */
function corpusEntry(hex: string): string {
  return `go test fuzz v1\n[]byte("${hex.replace(/../g, "\\x$&")}")\n`;
}

/** The committed corpus as it is on disk. */
export function committedCorpus(): Map<string, string> {
  if (!existsSync(CORPUS_DIR)) return new Map();
  return new Map(readdirSync(CORPUS_DIR).sort().map((name) => [name, readFileSync(path.join(CORPUS_DIR, name), "utf8")]));
}

/** Replaces the committed corpus with a fresh one. */
export function writeCorpus(files: Map<string, string>): void {
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(CORPUS_DIR, name), content);
}
