import { copyFileSync, existsSync } from "node:fs";
import { defineConfig } from "tsup";

// `check` without an argument reads the project spec shipped beside the build.
const projectSpec = "../../spec/openapi.yaml";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    shims: true,
    target: "node20",
    async onSuccess() {
      if (existsSync(projectSpec)) copyFileSync(projectSpec, "dist/openapi.yaml");
    },
  },
  {
    entry: ["src/cli.ts", "src/validate-worker.ts"],
    format: ["esm"],
    sourcemap: true,
    target: "node20",
  },
]);
