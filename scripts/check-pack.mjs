// Packs every published package the way `pnpm publish` would, then checks each tarball with
// publint (strict) and attw, so what consumers install is what we tested.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { packPublishedPackages } from "./lib/pack.mjs";
import { ensurePnpm, run, runScript } from "./lib/toolchain.mjs";

await runScript(async () => {
  const env = ensurePnpm();
  const out = mkdtempSync(join(tmpdir(), "graph-recording-pack-"));
  const failures = [];
  try {
    for (const { tarball: path } of packPublishedPackages({ destination: out, env })) {
      const tarball = basename(path);
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
