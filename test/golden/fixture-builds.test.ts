/**
 * The fixture spec set exercises every printer path the bundled specs may not (a run-time
 * fallback chain, a guarded call, a missing-entry errno): its generated package must pass
 * `go vet` on each of its arches, as any accepted spec's output must compile.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { generate } from "../../generator/generate.js";
import { goVetAll } from "../support/go-harness.js";

const fixtureDir = join(import.meta.dirname, "../fixtures/mini-specs");
const out = mkdtempSync(join(tmpdir(), "syscallgen-fixture-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("the fixture's package vets on 386, amd64, arm and mips", async () => {
  const { files } = generate({ specs: [fixtureDir], bundledSpecs: false, cwd: fixtureDir });
  for (const file of files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.content);
  }
  const results = await goVetAll(join(out, "go/rawsys"), ["386", "amd64", "arm", "mips"]);
  expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
}, 10 * 60_000);
