/**
 * `npm run test:kernel`: builds a Linux 6.12 kernel with the eprog example driver and boots it
 * under qemu. Its files are named *.kernel.ts, which `npm test`'s include pattern (files ending
 * in .test.ts) never picks up: the first run builds a kernel for minutes.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export default defineConfig({
  test: {
    root,
    include: ["test/kernel/**/*.kernel.ts"],
    // One file at a time: a kernel build uses every core, and boots under TCG run slower, and
    // their timeouts (the hung-task detector's among them) get closer, beside another build.
    fileParallelism: false,
    // Finds (or unpacks, once) the Linux 6.12 tree, as for npm test.
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 90 * 60 * 1000,
    reporters: ["default"],
  },
});
