// Runs one of the release commands of packages/spec-diff (spec-diff, check-release,
// changeset:spec): builds that package first (a turbo cache hit when nothing changed), then
// hands the command line to its CLI and exits with its code.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensurePnpm, root, run, runScript } from "./toolchain.mjs";

export async function runReleaseCommand(command, argv) {
  await runScript(async () => {
    const env = ensurePnpm();
    // stdout carries the command's result (possibly JSON): turbo's own output goes to stderr.
    run(
      "turbo",
      ["run", "build", "--filter=@graph-recording/spec-diff", "--output-logs=errors-only"],
      { env, stdio: ["ignore", 2, 2] },
    );
    const cli = await import(pathToFileURL(join(root, "packages/spec-diff/dist/cli.js")).href);
    const io = {
      cwd: process.cwd(),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    };
    process.exitCode = await cli[command](argv, io);
  });
}
