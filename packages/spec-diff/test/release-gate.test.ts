import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runCheckReleaseCli, runSpecDiffCli } from "../src/cli.js";
import { checkRelease, writeSpecChangeset } from "../src/index.js";
import { tinySpec } from "./fixtures.js";

const repos: string[] = [];

afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo, { recursive: true, force: true });
});

function write(repo: string, path: string, text: string) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

function git(repo: string, ...args: string[]) {
  return execFileSync(
    "git",
    [
      "-c",
      "user.name=Release Test",
      "-c",
      "user.email=release@example.test",
      "-c",
      "commit.gpgsign=false",
      "-c",
      "tag.gpgsign=false",
      ...args,
    ],
    { cwd: repo, encoding: "utf8" },
  );
}

function manifest(version: string) {
  const pkg = {
    name: "@graph-recording/types",
    version,
    type: "module",
    files: ["dist"],
    exports: "./dist/index.js",
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * A throwaway monorepo shaped like this one: one published package, one private tool, the
 * changesets config (one fixed group, private packages never versioned) and a spec, committed.
 */
function scratchRepo(options: { version: string; tag?: string }) {
  const repo = mkdtempSync(join(tmpdir(), "release-gate-"));
  repos.push(repo);
  write(repo, "package.json", `${JSON.stringify({ name: "scratch", private: true }, null, 2)}\n`);
  write(repo, "pnpm-workspace.yaml", "packages:\n  - packages/*\n");
  write(
    repo,
    ".changeset/config.json",
    JSON.stringify({
      changelog: false,
      commit: false,
      fixed: [["@graph-recording/*"]],
      linked: [],
      access: "public",
      baseBranch: "main",
      updateInternalDependencies: "patch",
      ignore: [],
      privatePackages: { version: false, tag: false },
    }),
  );
  write(repo, "packages/types/package.json", manifest(options.version));
  write(repo, "packages/types/dist/index.js", "export {};\n");
  write(repo, "packages/types/test/index.test.js", "// test\n");
  write(
    repo,
    "packages/tool/package.json",
    `${JSON.stringify({ name: "@graph-recording/tool", version: "0.0.0", private: true })}\n`,
  );
  write(repo, "spec/openapi.yaml", stringify(tinySpec()));
  git(repo, "init", "--quiet", "--initial-branch=main");
  git(repo, "add", "-A");
  git(repo, "commit", "--quiet", "-m", "Initial spec");
  if (options.tag) git(repo, "tag", options.tag);
  return repo;
}

function editSpec(repo: string, change: (spec: ReturnType<typeof tinySpec>) => void) {
  const spec = tinySpec();
  change(spec);
  write(repo, "spec/openapi.yaml", stringify(spec));
}

function addChangeset(repo: string, name: string, bump: string) {
  write(
    repo,
    `.changeset/${name}.md`,
    `---\n"@graph-recording/types": ${bump}\n---\n\nA change.\n`,
  );
}

const removeProperty = (spec: ReturnType<typeof tinySpec>) => {
  delete spec.components.schemas.item.properties.name;
};

describe("release gate", () => {
  it("passes right after a release, with nothing pending", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "@graph-recording/types@1.0.0" });
    const report = await checkRelease({ cwd: repo });
    expect(report.base).toEqual({
      ref: "@graph-recording/types@1.0.0",
      kind: "tag",
      version: "1.0.0",
    });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("demands a major changeset when a property is removed after 1.0", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "@graph-recording/types@1.0.0" });
    editSpec(repo, removeProperty);
    addChangeset(repo, "small-fix", "minor");
    const report = await checkRelease({ cwd: repo });
    expect(report.diff.class).toBe("breaking");
    expect(report.requiredBump).toBe("major");
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      "The spec changes since @graph-recording/types@1.0.0 are breaking and need at least a major release, but the pending changesets give: @graph-recording/types minor. Write the changeset with `pnpm changeset:spec`, or raise the bump of an existing one.",
    ]);
    addChangeset(repo, "removal", "major");
    expect((await checkRelease({ cwd: repo })).ok).toBe(true);
  });

  it("demands a minor changeset for the same removal before 1.0", async () => {
    const repo = scratchRepo({ version: "0.3.0", tag: "v0.3.0" });
    editSpec(repo, removeProperty);
    addChangeset(repo, "small-fix", "patch");
    const report = await checkRelease({ cwd: repo });
    expect(report.requiredBump).toBe("minor");
    expect(report.ok).toBe(false);
    addChangeset(repo, "removal", "minor");
    expect((await checkRelease({ cwd: repo })).ok).toBe(true);
  });

  it("fails when a published file changed without any changeset", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "v1.0.0" });
    write(repo, "packages/types/dist/index.js", "export const x = 1;\n");
    const report = await checkRelease({ cwd: repo });
    expect(report.problems).toEqual([
      "@graph-recording/types changed since v1.0.0 (packages/types/dist/index.js) but no pending changeset releases it. Add one with `pnpm changeset`.",
    ]);
  });

  it("needs no changeset for files a package does not publish, nor for private packages", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "v1.0.0" });
    write(repo, "packages/types/test/index.test.js", "// more tests\n");
    write(repo, "packages/tool/index.js", "export {};\n");
    expect((await checkRelease({ cwd: repo })).problems).toEqual([]);
  });

  it("accepts a release whose versions were already bumped by `changeset version`", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "v1.0.0" });
    editSpec(repo, removeProperty);
    write(repo, "packages/types/package.json", manifest("2.0.0"));
    const report = await checkRelease({ cwd: repo });
    expect(report.packages[0]).toMatchObject({ appliedBump: "major", plannedBump: "none" });
    expect(report.ok).toBe(true);
  });

  it("without any release tag, requires a changeset for the first release", async () => {
    const repo = scratchRepo({ version: "0.0.0" });
    const report = await checkRelease({ cwd: repo });
    expect(report.firstRelease).toBe(true);
    expect(report.base?.kind).toBe("first-spec-commit");
    expect(report.problems).toEqual([
      "No release tag yet, so the next release is the first, and it must include every published package; no pending changeset releases @graph-recording/types. Add one with `pnpm changeset`.",
    ]);
    addChangeset(repo, "first-release", "minor");
    expect((await checkRelease({ cwd: repo })).ok).toBe(true);
  });

  it("fails when changesets would inflate a release through a workspace peer dependency", async () => {
    const repo = scratchRepo({ version: "0.0.0" });
    const client = {
      name: "@graph-recording/client",
      version: "0.0.0",
      type: "module",
      files: ["dist"],
      exports: "./dist/index.js",
      peerDependencies: { "@graph-recording/types": "workspace:^" },
    };
    write(repo, "packages/client/package.json", `${JSON.stringify(client, null, 2)}\n`);
    addChangeset(repo, "first-release", "minor");
    const report = await checkRelease({ cwd: repo });
    expect(report.packages.map((pkg) => [pkg.name, pkg.plannedBump])).toEqual([
      ["@graph-recording/client", "major"],
      ["@graph-recording/types", "major"],
    ]);
    expect(report.problems).toEqual([
      "The pending changesets ask for at most a minor release, but changesets would release @graph-recording/client as major, @graph-recording/types as major: changesets raises a package to major when one of its peer dependencies gets a minor or major release, and these workspace packages are peers: @graph-recording/client -> @graph-recording/types. Drop the peer dependency or give it a range the release stays in.",
    ]);
    delete (client as { peerDependencies?: unknown }).peerDependencies;
    write(repo, "packages/client/package.json", `${JSON.stringify(client, null, 2)}\n`);
    const fixed = await checkRelease({ cwd: repo });
    expect(fixed.packages.map((pkg) => pkg.plannedBump)).toEqual(["minor", "minor"]);
    expect(fixed.ok).toBe(true);
  });

  it("writes the changeset the spec changes need, listing them, and the gate then passes", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "v1.0.0" });
    editSpec(repo, removeProperty);
    const result = await writeSpecChangeset({ cwd: repo });
    expect(result.bump).toBe("major");
    expect(readdirSync(join(repo, ".changeset")).filter((f) => f.endsWith(".md"))).toHaveLength(1);
    const content = readFileSync(join(repo, result.file as string), "utf8");
    expect(content).toContain('"@graph-recording/types": major');
    expect(content).toContain(
      '- breaking: `/components/schemas/item/properties/name` property "name" removed',
    );
    expect((await checkRelease({ cwd: repo })).ok).toBe(true);
  });

  it("writes no changeset when the spec is unchanged", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "v1.0.0" });
    const result = await writeSpecChangeset({ cwd: repo });
    expect(result.file).toBeUndefined();
    expect(readdirSync(join(repo, ".changeset")).filter((f) => f.endsWith(".md"))).toEqual([]);
  });
});

describe("command lines", () => {
  const capture = (cwd: string) => {
    const out = { stdout: "", stderr: "" };
    return {
      out,
      io: {
        cwd,
        stdout: (text: string) => {
          out.stdout += text;
        },
        stderr: (text: string) => {
          out.stderr += text;
        },
      },
    };
  };

  it("check-release exits 1 with the problem when the bump is too small, and 0 once it is not", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "v1.0.0" });
    editSpec(repo, removeProperty);
    addChangeset(repo, "small", "patch");
    const { out, io } = capture(repo);
    expect(await runCheckReleaseCli([], io)).toBe(1);
    expect(out.stdout).toContain("Release gate: FAILED");
    expect(out.stdout).toContain("need at least a major release");
    addChangeset(repo, "removal", "major");
    expect(await runCheckReleaseCli(["--format", "json"], capture(repo).io)).toBe(0);
  });

  it("spec-diff prints JSON with the pointer and class of each change", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "v1.0.0" });
    editSpec(repo, removeProperty);
    const { out, io } = capture(repo);
    expect(await runSpecDiffCli(["--format", "json"], io)).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.base).toEqual({ ref: "v1.0.0", kind: "tag", version: "1.0.0" });
    expect(result.class).toBe("breaking");
    expect(result.changes).toEqual([
      {
        pointer: "/components/schemas/item/properties/name",
        class: "breaking",
        rule: "property-removed",
        message: 'property "name" removed',
      },
    ]);
  });

  it("spec-diff exits 1 when --fail-on is reached, 2 on a bad flag or an unknown base", async () => {
    const repo = scratchRepo({ version: "1.0.0", tag: "v1.0.0" });
    editSpec(repo, removeProperty);
    expect(await runSpecDiffCli(["--fail-on", "breaking"], capture(repo).io)).toBe(1);
    expect(await runSpecDiffCli(["--fail-on", "loud"], capture(repo).io)).toBe(2);
    const unknownBase = capture(repo);
    expect(await runSpecDiffCli(["--base", "v9.9.9"], unknownBase.io)).toBe(2);
    expect(unknownBase.out.stderr).toBe("--base v9.9.9: no such commit, tag or branch\n");
    const badFlag = capture(repo);
    expect(await runSpecDiffCli(["--verbose"], badFlag.io)).toBe(2);
    expect(badFlag.out.stderr).toContain("Unknown option '--verbose'");
  });
});
