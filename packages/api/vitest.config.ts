import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own database; the embedded PGlite server serves one connection stream at a
    // time, so files run one after another.
    fileParallelism: false,
  },
});
