import type { SpecDiff } from "./model.js";

/**
 * Renders a spec diff as text, one change a line (`class  pointer  message`), then a closing
 * summary line.
 */
export function formatSpecDiff(diff: SpecDiff, heading: string): string {
  const lines = [heading];
  if (diff.changes.length === 0) {
    lines.push("  no changes");
  }
  const width = Math.max(0, ...diff.changes.map((change) => change.class.length));
  for (const change of diff.changes) {
    lines.push(
      `  ${change.class.padEnd(width)}  ${change.pointer || "/"}  ${change.message} [${change.rule}]`,
    );
  }
  const count = (name: string) => diff.changes.filter((change) => change.class === name).length;
  lines.push(
    `${count("breaking")} breaking, ${count("additive")} additive, ${count("patch")} patch: ${diff.class === "none" ? "no change" : diff.class}`,
  );
  return `${lines.join("\n")}\n`;
}

/** The Markdown list of changes used in a changeset body (the changelog entry). */
export function specChangesMarkdown(diff: SpecDiff): string {
  return diff.changes
    .map((change) => `- ${change.class}: \`${change.pointer || "/"}\` ${change.message}`)
    .join("\n");
}
