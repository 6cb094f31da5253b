// Shared helpers for the repository scripts: find (or install) the pinned pnpm, and run commands
// with the environment every step of the project expects (no telemetry, no update notices).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const quietEnv = {
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  SCARF_ANALYTICS: "false",
  NO_UPDATE_NOTIFIER: "1",
  npm_config_update_notifier: "false",
  COREPACK_ENABLE_DOWNLOAD_PROMPT: "0",
};

/** The pnpm version pinned by the root package.json `packageManager` field. */
function pinnedPnpmVersion() {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(manifest.packageManager ?? "");
  if (!match) throw new Error("package.json: `packageManager` must read pnpm@<x.y.z>");
  return match[1];
}

/** The environment for every child step: the repo-local tools first on PATH, telemetry off. */
function toolEnv() {
  const bins = [join(root, ".tools", "node_modules", ".bin"), join(root, "node_modules", ".bin")];
  return { ...process.env, ...quietEnv, PATH: [...bins, process.env.PATH].join(delimiter) };
}

function pnpmVersionOnPath(env) {
  const result = spawnSync("pnpm", ["--version"], { env, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Makes sure `pnpm` on the tool PATH is exactly the pinned version, installing it with npm into
 * `.tools/` when it is not (turbo and pnpm itself refuse a mismatched version).
 */
export function ensurePnpm() {
  const env = toolEnv();
  const wanted = pinnedPnpmVersion();
  if (pnpmVersionOnPath(env) === wanted) return env;
  const local = join(root, ".tools", "node_modules", ".bin", "pnpm");
  if (!existsSync(local) || pnpmVersionOnPath(env) !== wanted) {
    process.stderr.write(`Installing pnpm ${wanted} into .tools/ …\n`);
    run(
      "npm",
      [
        "install",
        "--prefix",
        join(root, ".tools"),
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        `pnpm@${wanted}`,
      ],
      { env, stdio: ["ignore", 2, "inherit"] },
    );
  }
  const found = pnpmVersionOnPath(env);
  if (found !== wanted) {
    throw new Error(`pnpm ${wanted} is needed, but the one on PATH reports ${found ?? "nothing"}`);
  }
  return env;
}

/**
 * Runs a command in the repository root with the tool environment; throws a short error (the
 * command and its exit code) when it fails, so callers can stop at the first broken step.
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? root,
    env: options.env ?? toolEnv(),
    stdio: options.stdio ?? ["ignore", "inherit", "inherit"],
    encoding: "utf8",
  });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0 && !options.allowFailure) {
    throw new StepError(`${command} ${args.join(" ")}`, result.status ?? 1);
  }
  return result;
}

/** A repository step that exited non-zero. */
class StepError extends Error {
  constructor(step, exitCode) {
    super(`step failed (exit ${exitCode}): ${step}`);
    this.name = "StepError";
    this.exitCode = exitCode;
  }
}

/** Runs `main` and turns a failed step into a one-line message and a non-zero exit code. */
export async function runScript(main) {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof StepError ? error.exitCode : 1;
  }
}
