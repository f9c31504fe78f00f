/**
 * The call benchmark's boot (npm run bench runs it through run.mjs): a vitest run of
 * call-bench.ts alone, with the kernel tests' setup (the Linux 6.12 tree), so that it can build
 * and boot the debug kernel with the test code in TypeScript.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export default defineConfig({
  test: {
    root,
    include: ["test/bench/kernel/call-bench.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 90 * 60 * 1000,
    reporters: ["dot"],
  },
});
