// The main job: regenerate every generated file from spec/openapi.yaml, build every package, then
// run the steps that show the result (each package that has one declares a `main` script).
import { ensurePnpm, run, runScript } from "./lib/toolchain.mjs";

await runScript(async () => {
  const env = ensurePnpm();
  run("turbo", ["run", "build", "--output-logs=errors-only"], { env });
  run("pnpm", ["-r", "--if-present", "--workspace-concurrency=1", "run", "main"], { env });
  // The API reference: one self-contained HTML page rendered from the spec by Redoc, its scripts
  // inlined so that it renders offline (package.json `api-reference`).
  run("pnpm", ["run", "api-reference"], { env });
});
