// The README's first command: install everything (pnpm at the pinned version, the workspace, and
// Debian's Chromium for the browser test of the rendered pages) and run the main job.
import { existsSync } from "node:fs";
import { ensurePnpm, root, run, runScript } from "./lib/toolchain.mjs";

const CHROMIUM = "/usr/bin/chromium";

/** Installs Debian's `chromium` when it is missing and we may (root); otherwise says what to do. */
function ensureChromium(env) {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    process.stderr.write(
      `No Chromium at ${CHROMIUM}: the browser test of the rendered pages will be skipped. ` +
        "Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu).\n",
    );
    return;
  }
  process.stderr.write("Installing Debian's chromium for the browser test …\n");
  const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
  const quiet = { env: aptEnv, stdio: ["ignore", 2, "inherit"] };
  run("apt-get", ["update", "-qq"], quiet);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], quiet);
}

await runScript(async () => {
  const env = ensurePnpm();
  run("pnpm", ["install", "--frozen-lockfile"], { env });
  ensureChromium(env);
  run("node", ["scripts/main.mjs"], { env, cwd: root });
});
