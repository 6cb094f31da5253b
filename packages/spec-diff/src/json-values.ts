// Plain JSON values as the diff compares and shows them.

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep equality of two JSON values: Node's own, since parsed documents hold only plain objects,
 * arrays and primitives (key order does not matter).
 */
export { isDeepStrictEqual as jsonEqual } from "node:util";

/** A short rendering of a JSON value for messages. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
