import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Integration tests build and run Go binaries for 13 arches, some under qemu-user.
    testTimeout: 15 * 60 * 1000,
    hookTimeout: 15 * 60 * 1000,
    reporters: ["default"],
  },
});
