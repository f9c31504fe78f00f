/**
 * An accepted protocol spec always compiles. Hundreds of random specs, named from words a user
 * would pick and from every name the generated code uses itself, go through the real loader and
 * validation; each one validation accepts is printed, and its C header is compiled with -Werror
 * in user space, its Go package vetted, and a sample of its headers built by Kbuild with W=1, each
 * with its <proto>_helper.c over the kernel's call runtime.
 * A rejected spec is fine (its names clash, and the error says where); a compile error is not.
 *
 * SYSCALLGEN_RANDOM_SEED replays a run; the seed is printed either way.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { emitC } from "../../../generator/protocol/print-c/c-emit.js";
import { emitGoProtocol } from "../../../generator/protocol/print-go/go-emit.js";
import { DiagnosticSink } from "../../../generator/core/diagnostics.js";
import { loadSpecs } from "../../../generator/core/load-specs.js";
import { specLanguageEntry } from "../../../generator/core/package-root.js";
import { protocolSpecFiles, protocolSpecKinds } from "../../../generator/protocol/spec/loaded.js";
import { resolveProtocols } from "../../../generator/protocol/resolve/resolve-protocols.js";
import { validateProtocols } from "../../../generator/protocol/validate/validate-protocol.js";
import { preparedKbuildDir } from "../c/c-support.js";
import { compileHeaders, kbuildHeaders, scratch, vetGoPackages, type ProtocolOutput } from "./compile-outputs.js";
import { prng, SpecGenerator, specSource } from "./random-spec.js";
import { allWords } from "./word-list.js";

const seed = Number(process.env.SYSCALLGEN_RANDOM_SEED ?? 20260507);
const specCount = 320;
const minAccepted = 200;
const minWithCalls = 40;
const kbuildSample = 10;

test(`random protocol specs (seed ${seed}): every accepted one compiles in C, Go and Kbuild`, async () => {
  const work = scratch("random-specs");
  try {
    const words = allWords();
    const generator = new SpecGenerator(prng(seed), words);
    mkdirSync(path.join(work.root, "specs"));
    const files = Array.from({ length: specCount }, (_, i) => {
      const file = path.join(work.root, "specs", `s${String(i).padStart(3, "0")}.ts`);
      writeFileSync(file, specSource(generator.spec()));
      return file;
    });

    const outputs: ProtocolOutput[] = [];
    const rejections = new Map<string, number>();
    const emitFailures: string[] = [];
    const withCalls = new Set<string>();
    for (const file of protocolSpecFiles(loadSpecs(files, { kinds: protocolSpecKinds, language: specLanguageEntry(), cwd: work.root }))) {
      const sink = new DiagnosticSink();
      const [ir] = resolveProtocols(validateProtocols([file], sink), sink);
      if (sink.items.length > 0 || ir === undefined) {
        // Counted by kind of mistake: the message up to its first name.
        for (const d of sink.items) rejections.set(rejectionKind(d.message), (rejections.get(rejectionKind(d.message)) ?? 0) + 1);
        continue;
      }
      const label = path.basename(file.file, ".ts");
      if (ir.calls.length > 0) withCalls.add(label);
      try {
        outputs.push({ label, files: [...emitC(ir), ...emitGoProtocol(ir, { goImportPrefix: "rt" })] });
      } catch (e) {
        emitFailures.push(`${file.file}: ${(e as Error).message}`);
      }
    }
    const accepted = outputs.length + emitFailures.length;

    const goFailure = await vetGoPackages(work.root, outputs);
    const cFailures = await compileHeaders(work.root, outputs);
    // Half the sample from specs with calls, whose <proto>_helper.c has the most to build.
    const evenly = (list: ProtocolOutput[], n: number) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
    const sample = [
      ...evenly(outputs.filter((o) => withCalls.has(o.label)), kbuildSample / 2),
      ...evenly(outputs.filter((o) => !withCalls.has(o.label)), kbuildSample / 2),
    ];
    const kernel = await kbuildHeaders(work.root, preparedKbuildDir(), sample);

    const top = [...rejections].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      [
        `random protocol specs: seed ${seed}, ${words.length} words`,
        `  generated ${specCount}, accepted ${accepted} (${withCalls.size} with calls), rejected ${specCount - accepted}`,
        `  compiled: C ${outputs.length - cFailures.length}/${outputs.length}, Go ${goFailure === null ? outputs.length : 0}/${outputs.length} (one go vet), Kbuild ${kernel.failure === null && kernel.lines.length === 0 ? sample.length : 0}/${sample.length}`,
        `  most common rejections: ${top.map(([kind, n]) => `${n}x ${kind}`).join("; ")}`,
      ].join("\n"),
    );
    expect(emitFailures, "accepted specs the printers refused").toEqual([]);
    expect(cFailures.map((f) => `${f.label}:\n${f.output}`), "C headers that do not compile").toEqual([]);
    expect(goFailure, "Go packages that do not vet").toBeNull();
    expect(kernel.lines, "Kbuild warnings").toEqual([]);
    expect(kernel.failure, "Kbuild").toBeNull();
    expect(accepted).toBeGreaterThanOrEqual(minAccepted);
    expect(withCalls.size, "accepted specs with calls").toBeGreaterThanOrEqual(minWithCalls);
  } finally {
    work.dispose();
  }
});

/** A diagnostic's kind, for the counts: its text with names and numbers taken out. */
function rejectionKind(message: string): string {
  return message
    .split("; ")[0]!
    .replace(/`[^`]*`/g, "`x`")
    .replace(/\b(the (Go|C) name) \S+/, "$1 N")
    .replace(/\d+/g, "n")
    .slice(0, 90);
}
