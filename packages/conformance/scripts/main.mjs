// The main job's conformance step: check the project spec's examples with @graph-recording/zod,
// write reports/conformance.html, and, when the shared reference folder sits beside the
// repository (../shared), require every seed and official example file to be accounted for:
// named by an example's x-source or mentioned in spec/DECISIONS.md.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, "..");
const repositoryRoot = join(packageRoot, "..", "..");
const shared = join(repositoryRoot, "..", "shared");
const folders = [join(shared, "seeds"), join(shared, "reference", "graph-examples")];
const decisions = join(repositoryRoot, "spec", "DECISIONS.md");

const args = ["check", "--html", "reports/conformance.html"];
if (folders.every((folder) => existsSync(folder))) {
  args.push("--sources", ...folders.map((folder) => relative(packageRoot, folder)));
  if (existsSync(decisions)) args.push("--accounted-in", relative(packageRoot, decisions));
} else {
  process.stderr.write(
    "conformance: no ../shared folder beside the repository: source documents not checked\n",
  );
}
const result = spawnSync(process.execPath, [join(packageRoot, "dist", "cli.js"), ...args], {
  cwd: packageRoot,
  stdio: "inherit",
});
process.exitCode = result.status ?? 1;
