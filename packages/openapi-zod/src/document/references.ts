import { childPointer, pointerTokens, valueAtPointer, valueAtTokens } from "./json-pointer.js";
import type { SpecDocument } from "./spec-document.js";
import { SpecDocumentError } from "./spec-document-error.js";

/** A document to follow references in; `file` and `locate` only make errors more precise. */
export type RefSource = Pick<SpecDocument, "document"> &
  Partial<Pick<SpecDocument, "file" | "locate">>;

/** Where a chain of `$ref`s ends. */
export interface ResolvedRef {
  /** The first value on the way that is not a reference. */
  value: unknown;
  /** Its JSON pointer (string form): where it is defined. */
  pointer: string;
  /**
   * The reference objects followed, outermost first. OpenAPI lets siblings of `$ref` (a
   * Reference Object's `summary` and `description`) override the target's: they are kept here.
   */
  refs: Array<{ $ref: string } & Record<string, unknown>>;
}

/** True for `{ $ref: "..." }` objects. */
export function isRefObject(value: unknown): value is { $ref: string } & Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { $ref?: unknown }).$ref === "string"
  );
}

/**
 * Follows local `$ref`s from the value at `pointer` (or `value`, found there) until a value that
 * is not a reference.
 *
 * @throws SpecDocumentError (`external-ref`, `invalid-ref`, `dangling-ref`, `circular-ref`) naming
 * the pointer, and the line when the source can locate it, of the `$ref` at fault.
 * @example
 * const { value, pointer } = resolveRefs(spec, "/paths/~1calls/post/requestBody");
 */
export function resolveRefs(source: RefSource, pointer: string, value?: unknown): ResolvedRef {
  let current = { value: value ?? valueAtPointer(source.document, pointer), pointer };
  const refs: ResolvedRef["refs"] = [];
  const seen = new Set<string>();
  const fail = (kind: SpecDocumentError["kind"], at: string, reason: string, hint: string) =>
    new SpecDocumentError({
      kind,
      location: {
        ...(source.file === undefined ? {} : { file: source.file }),
        ...source.locate?.(at),
        pointer: at,
      },
      reason,
      hint,
    });
  while (isRefObject(current.value)) {
    const ref = current.value.$ref;
    const at = childPointer(current.pointer, "$ref");
    if (!ref.startsWith("#")) {
      throw fail(
        "external-ref",
        at,
        `external $ref ${JSON.stringify(ref)} is not supported; bundle the spec into one document first`,
        "Bundle the document (e.g. `redocly bundle`) so that every `$ref` is local.",
      );
    }
    const tokens = pointerTokens(ref);
    if (tokens === undefined) {
      throw fail(
        "invalid-ref",
        at,
        `$ref ${JSON.stringify(ref)} is not a JSON pointer`,
        "Reference by JSON pointer (`#/components/...`); anchors are not supported.",
      );
    }
    const target = childPointer("", ...tokens);
    if (seen.has(target)) {
      throw fail(
        "circular-ref",
        current.pointer,
        `circular $ref ${JSON.stringify(ref)}`,
        "Make the chain of `$ref`s end at a value that is not a reference.",
      );
    }
    seen.add(target);
    const resolved = valueAtTokens(source.document, tokens);
    if (resolved === undefined) {
      throw fail(
        "dangling-ref",
        at,
        `$ref ${JSON.stringify(ref)} points to nothing`,
        "Point `$ref` at an existing definition (pointer tokens escape `~` as `~0` and `/` as `~1`).",
      );
    }
    refs.push(current.value);
    current = { value: resolved, pointer: target };
  }
  return { ...current, refs };
}
