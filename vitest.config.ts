import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Read-only scopes check at their end that the tree did not change (transforms/shared/read-only.ts).
    env: { GLADIA_TO_ASSEMBLYAI_CHECK_READ_ONLY: "1" },
  },
});
