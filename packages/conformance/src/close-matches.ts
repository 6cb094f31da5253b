import { distance } from "fastest-levenshtein";

/** Up to three known names close to `wanted` (edit distance, or one containing the other). */
function closeMatches(wanted: string, known: readonly string[]): string[] {
  const lower = wanted.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return known
    .map((name) => ({ name, score: distance(lower, name.toLowerCase()) }))
    .filter(
      ({ name, score }) =>
        score <= limit || name.toLowerCase().includes(lower) || lower.includes(name.toLowerCase()),
    )
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(({ name }) => name);
}

/** `; did you mean a or b?`, or `; known: a, b, c, ...` when nothing is close. */
export function suggestion(wanted: string, known: readonly string[], noun: string): string {
  const close = closeMatches(wanted, known);
  if (close.length > 0) return `; did you mean ${close.join(" or ")}?`;
  if (known.length === 0) return `; the spec declares no ${noun}`;
  const shown = [...known].sort().slice(0, 12);
  const more = known.length > shown.length ? `, ... (${known.length} in all)` : "";
  return `; known ${noun}: ${shown.join(", ")}${more}`;
}
