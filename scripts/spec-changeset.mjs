// Writes the changeset for the spec changes since the last release, listing each change.
import { runReleaseCommand } from "./lib/release-tools.mjs";

await runReleaseCommand("runSpecChangesetCli", process.argv.slice(2));
