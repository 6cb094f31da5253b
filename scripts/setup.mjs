// The README's first command: install everything (pnpm at the pinned version, then the workspace)
// and run the main job.
import { ensurePnpm, root, run, runScript } from "./lib/toolchain.mjs";

await runScript(async () => {
  const env = ensurePnpm();
  run("pnpm", ["install", "--frozen-lockfile"], { env });
  run("node", ["scripts/main.mjs"], { env, cwd: root });
});
