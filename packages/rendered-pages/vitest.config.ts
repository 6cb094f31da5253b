import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    // Starting Chromium and rendering a 400 KB Redoc page takes seconds on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
