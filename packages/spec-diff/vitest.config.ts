import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    // The release-gate tests build throwaway git repositories; give them room on a shared machine.
    testTimeout: 30_000,
  },
});
