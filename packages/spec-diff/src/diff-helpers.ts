// Helpers shared by the comparisons of the non-schema parts of a document.
import { componentOfRef, type DiffContext, resolveRef } from "./context.js";
import { isRecord, jsonEqual, show } from "./json-values.js";

/** A JSON object of the document that is not a schema. */
export type Node = Record<string, unknown>;

/** Fields that only document: their changes are patch-level. */
export const documentationKeys = new Set([
  "summary",
  "description",
  "externalDocs",
  "tags",
  "example",
  "examples",
  "title",
]);

/** The value as an object, or an empty one. */
export function asNode(value: unknown): Node {
  return isRecord(value) ? value : {};
}

/** The keys of both objects, each once. */
export function unionKeys(a: Node, b: Node): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

/** Documentation and extensions are patch-level; anything else unknown counts as breaking. */
export function diffOther(
  ctx: DiffContext,
  key: string,
  was: unknown,
  now: unknown,
  pointer: string,
) {
  if (jsonEqual(was, now)) return;
  if (documentationKeys.has(key) || key.startsWith("x-")) {
    ctx.report(pointer, "patch", "documentation", `${key} changed`);
  } else {
    ctx.report(
      pointer,
      "breaking",
      "unclassified",
      `${key} changed from ${show(was ?? "absent")} to ${show(now ?? "absent")} (a change this classifier does not know how to rank counts as breaking)`,
    );
  }
}

/** Resolves a `$ref`ed object, reading each side from its own document. */
export function resolveSide(
  ctx: DiffContext,
  side: "before" | "after",
  value: Node,
  pointer: string,
) {
  const document = side === "before" ? ctx.before : ctx.after;
  const source = side === "before" ? "the older spec" : "the newer spec";
  return resolveRef(document, value, { source, pointer });
}

/** Whether both sides refer to the same component, which is then compared at the component. */
export function sameComponentRef(was: unknown, now: unknown): boolean {
  return (
    isRecord(was) &&
    isRecord(now) &&
    typeof was.$ref === "string" &&
    was.$ref === now.$ref &&
    componentOfRef(was.$ref) !== undefined &&
    Object.keys(was).length === 1 &&
    Object.keys(now).length === 1
  );
}
