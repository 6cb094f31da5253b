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

  test("check without a spec checks the shipped project spec with @graph-recording/zod and passes", () => {
    const result = runBuilt(["check", "--failures-only"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "validators: @graph-recording/zod; second opinion: Ajv 2020-12\n",
    );
    expect(result.stdout.trimEnd().split("\n").at(-1)).toMatch(
      /^\d+ examples: (\d+) passed, 0 failed /,
    );
  });

  test("validate reads standard input through a real pipe", () => {
    const payload = JSON.stringify({
      clientContext: "c",
      maxRecordDurationInSeconds: 5,
      extra: true,
    });
    const result = runBuilt(
      ["validate", "--operation", "call_recordResponse", "--request", "-"],
      payload,
    );
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe(
      "invalid <stdin> against operation call_recordResponse request (strict)",
    );
    expect(result.stdout).toContain("/extra: ");
  });

  test("--version prints the package version", () => {
    const result = runBuilt(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
