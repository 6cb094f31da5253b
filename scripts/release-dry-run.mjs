// Rehearses a release without touching this checkout: clones HEAD into a temporary folder,
// installs offline from the pnpm store, builds, applies the pending changesets
// (`changeset version`), runs `pnpm publish --dry-run -r`, and packs the tarballs that would be
// published into reports/release-dry-run/. Nothing is committed, tagged or sent anywhere.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensurePnpm, root, run, runScript } from "./lib/toolchain.mjs";

const out = join(root, "reports", "release-dry-run");

function publishedPackages(repo) {
  return readdirSync(join(repo, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(repo, "packages", entry.name))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private);
}

await runScript(async () => {
  const env = ensurePnpm();
  const scratch = mkdtempSync(join(tmpdir(), "graph-recording-release-"));
  const repo = join(scratch, "repo");
  try {
    run("git", ["clone", "--quiet", "--no-hardlinks", root, repo], { env });
    const head = run("git", ["rev-parse", "HEAD"], { env, stdio: ["ignore", "pipe", "inherit"] });
    run("git", ["checkout", "--quiet", "--detach", head.stdout.trim()], { env, cwd: repo });
    const step = { env, cwd: repo };
    // --offline: everything must come from the pnpm store that `pnpm install` filled here.
    run("pnpm", ["install", "--frozen-lockfile", "--offline", "--reporter=silent"], step);
    run("turbo", ["run", "build", "--output-logs=errors-only"], step);
    run("pnpm", ["changeset", "version"], step);
    // --force publishes (here: pretends to) even versions the registry already has, so the
    // rehearsal never asks the registry which versions exist and runs with no network at all.
    run("pnpm", ["publish", "-r", "--dry-run", "--no-git-checks", "--force"], step);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const lines = [];
    for (const { dir, manifest } of publishedPackages(repo)) {
      run("pnpm", ["pack", "--pack-destination", out], { env, cwd: dir, stdio: "ignore" });
      if (existsSync(join(dir, "CHANGELOG.md"))) {
        cpSync(
          join(dir, "CHANGELOG.md"),
          join(out, `${manifest.name.replace("/", "__")}.CHANGELOG.md`),
        );
      }
      lines.push(`${manifest.name}@${manifest.version}`);
    }
    const tarballs = readdirSync(out).filter((name) => name.endsWith(".tgz"));
    process.stdout.write(
      `\nWould publish ${lines.join(", ")}\nTarballs and changelogs: ${out}\n  ${tarballs.join("\n  ")}\n`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
