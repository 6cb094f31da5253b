// Packs every published package the way `pnpm publish` would, then checks each tarball with
// publint (strict) and attw, so what consumers install is what we tested.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensurePnpm, root, run, runScript } from "./lib/toolchain.mjs";

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

await runScript(async () => {
  const env = ensurePnpm();
  const out = mkdtempSync(join(tmpdir(), "graph-recording-pack-"));
  const failures = [];
  try {
    for (const dir of publishedPackages()) {
      const before = new Set(readdirSync(out));
      run("pnpm", ["pack", "--pack-destination", out], { env, cwd: dir, stdio: "ignore" });
      const tarball = readdirSync(out).find((name) => !before.has(name));
      if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
      const path = join(out, tarball);
      for (const [tool, args] of [
        ["publint", ["run", "--strict", path]],
        ["attw", ["--format", "ascii", path]],
      ]) {
        const result = run(tool, args, { env, allowFailure: true });
        if (result.status !== 0) failures.push(`${tool}: ${tarball}`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    process.stderr.write(`Tarball checks failed:\n  ${failures.join("\n  ")}\n`);
    process.exitCode = 1;
  }
});
