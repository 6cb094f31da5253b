// Packs the published packages exactly as `pnpm publish` would (workspace: ranges rewritten), so
// the checks that read tarballs see what a consumer installs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root, run } from "./toolchain.mjs";

/** The folder of every package under packages/ that is not private. */
function publishedPackages() {
  return readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, "packages", entry.name))
    .filter((dir) => {
      try {
        return !JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).private;
      } catch {
        return false;
      }
    });
}

/**
 * Runs `pnpm pack` in every published package, writing the tarballs to `destination`; resolves
 * to `{ name, dir, tarball }` per package (`tarball` is an absolute path).
 */
export function packPublishedPackages({ destination, env }) {
  return publishedPackages().map((dir) => {
    const before = new Set(readdirSync(destination));
    run("pnpm", ["pack", "--pack-destination", destination], { env, cwd: dir, stdio: "ignore" });
    const tarball = readdirSync(destination).find((name) => !before.has(name));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
    const { name } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    return { name, dir, tarball: join(destination, tarball) };
  });
}
