// The release gate CI runs: pending changesets must release every changed package with at least
// the bump the spec changes need (see packages/spec-diff).
import { runReleaseCommand } from "./lib/release-tools.mjs";

await runReleaseCommand("runCheckReleaseCli", process.argv.slice(2));
