/**
 * Fuzzes the generated C decoder, and the runtime's frame reader under demo_recv(), with libFuzzer
 * under ASan and UBSan for a bounded time, from the committed seed corpus (valid frames of every
 * type and a few malformed ones). Any crash, sanitizer report or broken property in fuzz-decode.c
 * fails the test; the run count is printed.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { describeFailure, execCapture, execOrThrow } from "../../support/exec.js";
import { findOnPath, missingToolMessage } from "../../support/require-tool.js";
import { C_TESTS, headerDir, removeHeaderDirs } from "./c-support.js";

afterAll(removeHeaderDirs);

const seconds = Number(process.env.SYSCALLGEN_FUZZ_SECONDS ?? 20);
const clang = ["clang", "clang-14"].find((cc) => findOnPath(cc) !== null);

/** Whether this clang has the libFuzzer runtime (libclang-rt-14-dev on Debian 12). */
function hasLibFuzzer(cc: string | undefined): boolean {
  if (!cc) return false;
  const probe = spawnSync(cc, ["-fsanitize=fuzzer", "-x", "c", "-", "-o", "/dev/null"], {
    input: "#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n",
  });
  return probe.status === 0;
}

test(`libFuzzer finds nothing in demo_decode and demo_recv in ${seconds}s`, async () => {
  if (!clang) throw new Error(missingToolMessage("clang"));
  if (!hasLibFuzzer(clang)) throw new Error(`${clang} cannot link -fsanitize=fuzzer: install the Debian package libclang-rt-14-dev (.ci/run does)`);
  const dir = headerDir("fuzz");
  const exe = path.join(dir, "fuzz-decode");
  const flags = ["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-g", "-O1", "-fsanitize=fuzzer,address,undefined", "-fno-sanitize-recover=all"];
  await execOrThrow("clang fuzz-decode.c", clang!, [...flags, "-I", dir, "-I", C_TESTS, path.join(C_TESTS, "fuzz-decode.c"), "-o", exe]);
  // New inputs go to the first directory, a scratch copy, so the committed corpus stays as it is.
  const seeds = path.join(C_TESTS, "corpus");
  const work = path.join(dir, "corpus");
  mkdirSync(work);
  cpSync(seeds, work, { recursive: true });
  expect(readdirSync(seeds).length).toBeGreaterThan(10);
  const r = await execCapture(exe, [work, `-max_total_time=${seconds}`, "-runs=100000000", "-max_len=4200", "-print_final_stats=1", `-artifact_prefix=${dir}/`], {
    timeoutMs: (seconds + 60) * 1000,
  });
  // libFuzzer reports on stderr; stdout is the fuzz target's.
  const runs = /Done (\d+) runs in (\d+) second/.exec(r.stderr);
  process.stdout.write(`fuzz-decode: ${runs ? `${runs[1]} runs in ${runs[2]} s` : "no run count"}; corpus ${readdirSync(work).length} inputs\n`);
  if (r.code !== 0 || !runs) throw new Error(describeFailure("fuzz-decode", r));
});
