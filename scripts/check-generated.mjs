// Fails when a generated file differs from what spec/openapi.yaml produces: regenerate, then ask
// git whether anything under a src/generated folder changed, and say how to fix it. It never
// commits the regenerated files for you.
import { ensurePnpm, run, runScript } from "./lib/toolchain.mjs";

await runScript(async () => {
  const env = ensurePnpm();
  run("turbo", ["run", "generate", "--output-logs=errors-only"], { env });
  const pathspec = [":(glob)packages/*/src/generated/**"];
  const diff = run("git", ["status", "--porcelain", "--", ...pathspec], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (diff.stdout.trim() !== "") {
    run("git", ["--no-pager", "diff", "--stat", "--", ...pathspec], { env, allowFailure: true });
    process.stderr.write(
      `Generated files are out of date with spec/openapi.yaml:\n${diff.stdout}` +
        "Fix: run `pnpm generate` and commit the changes under src/generated/.\n",
    );
    process.exitCode = 1;
    return;
  }
  process.stderr.write("Generated files match spec/openapi.yaml.\n");
});
