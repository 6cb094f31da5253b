import { defineConfig } from "tsup";

// Private tooling run by the repository scripts: ESM only, no declarations (nobody installs it).
export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  dts: false,
  clean: true,
  sourcemap: true,
  target: "node20",
});
