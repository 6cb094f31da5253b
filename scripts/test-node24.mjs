// Runs the whole test suite (`node scripts/test.mjs`) under Node 24 as well as the machine's Node:
// installs the npm `node` package (the official binary, nothing else) into the ignored `.node/`
// folder, puts it first on PATH so every child process (turbo, pnpm, vitest) runs on it, and
// passes the suite's closing line `N passed, N failed` through.
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { ensurePnpm, root, run, runScript } from "./lib/toolchain.mjs";

const NODE_VERSION = "24.21.0";
const prefix = join(root, ".node");
const bin = join(prefix, "node_modules", ".bin");

function installedVersion(env) {
  if (!existsSync(join(bin, "node"))) return undefined;
  const result = run(join(bin, "node"), ["--version"], { env, stdio: "pipe", allowFailure: true });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, "") : undefined;
}

await runScript(async () => {
  const env = ensurePnpm();
  if (installedVersion(env) !== NODE_VERSION) {
    process.stderr.write(`Installing Node ${NODE_VERSION} into .node/ …\n`);
    run(
      "npm",
      [
        "install",
        "--prefix",
        prefix,
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        `node@${NODE_VERSION}`,
      ],
      { env, stdio: ["ignore", 2, "inherit"] },
    );
    const found = installedVersion(env);
    if (found !== NODE_VERSION) {
      throw new Error(`.node/: expected Node ${NODE_VERSION}, found ${found ?? "no node binary"}`);
    }
  }
  const node24 = { ...env, PATH: [bin, env.PATH].join(delimiter) };
  const version = run("node", ["--version"], { env: node24, stdio: "pipe" }).stdout.trim();
  process.stderr.write(`Running the test suite under Node ${version}\n`);
  // Turbo keys its cache on the node version only through the environment: without this a cached
  // Node 20 result would be replayed instead of running the tests on Node 24.
  const result = run("node", ["scripts/test.mjs"], {
    env: { ...node24, GRAPH_RECORDING_NODE: version },
    allowFailure: true,
  });
  process.exitCode = result.status ?? 1;
});
