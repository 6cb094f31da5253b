import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture } from "./support/run.js";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");
const built = existsSync(cli);

function runBuilt(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!built)("the built CLI as a process (skipped until `pnpm build` has run)", () => {
  test.each([
    [
      ["check", "no-such-spec.yaml"],
      "graph-recording-conformance: no-such-spec.yaml: cannot read the spec: no such file\n",
    ],
    [
      ["validate", "--schema", "x"],
      "graph-recording-conformance: no input: pass JSON or NDJSON files, - for standard input, or --har <file>\n",
    ],
    [
      ["check", fixture("broken-examples.yaml"), "--format", "yaml"],
      "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, junit.\n(run with --help for usage)\n",
    ],
  ])("%j exits 2 with one clear line and no stack trace", (args, message) => {
    const result = runBuilt(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  test("--version prints the package version", () => {
    const result = runBuilt(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
