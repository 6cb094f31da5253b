import { readFileSync } from "node:fs";
import { join } from "node:path";
import writeChangeset from "@changesets/write";
import { specChangesMarkdown } from "./format.js";
import type { Bump } from "./model.js";
import { checkRelease, type ReleaseGateReport } from "./release-gate.js";
import type { SpecHistoryOptions } from "./spec-history.js";

/** What `writeSpecChangeset` did. */
export interface SpecChangesetResult {
  /** The changeset file written (relative to the repository root), when the spec changed. */
  file?: string;
  /** Its text. */
  content?: string;
  bump: Bump;
  report: ReleaseGateReport;
}

/** The changeset summary: one headline for the changelog, then every spec change. */
export function specChangesetSummary(report: ReleaseGateReport, specPath: string): string {
  const count = (name: string) =>
    report.diff.changes.filter((change) => change.class === name).length;
  const since = report.base ? `since ${report.base.ref}` : "";
  const headline = `API description (\`${specPath}\`) changed ${since}: ${count("breaking")} breaking, ${count("additive")} additive, ${count("patch")} documentation changes.`;
  return `${headline.replace(/ {2,}/g, " ")}\n\n${specChangesMarkdown(report.diff)}`;
}

/**
 * Writes a changeset that releases every published package with the bump the spec diff needs,
 * and whose body (the changelog entry) lists each spec change. Writes nothing when the spec is
 * unchanged since the base.
 */
export async function writeSpecChangeset(
  options: SpecHistoryOptions,
): Promise<SpecChangesetResult> {
  const report = await checkRelease(options);
  const bump = report.requiredBump;
  if (bump === "none") return { bump, report };
  const { root } = report;
  const summary = specChangesetSummary(report, options.specPath ?? "spec/openapi.yaml");
  const id = await writeChangeset(
    {
      summary,
      releases: report.packages.map((pkg) => ({ name: pkg.name, type: bump })),
    },
    root,
    { prettier: false },
  );
  const file = `.changeset/${id}.md`;
  return { file, content: readFileSync(join(root, file), "utf8"), bump, report };
}
