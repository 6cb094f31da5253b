// Classifies the changes to spec/openapi.yaml since the last release (see packages/spec-diff).
import { runReleaseCommand } from "./lib/release-tools.mjs";

await runReleaseCommand("runSpecDiffCli", process.argv.slice(2));
