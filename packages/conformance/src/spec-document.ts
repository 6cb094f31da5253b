import {
  parseSpecDocument,
  type ResolvedRef,
  readSpecDocument,
  resolveRefs as resolveSpecRefs,
  type SpecDocument,
} from "@graph-recording/openapi-zod/document";
import { usageErrorFrom } from "./errors.js";

export type { SpecDocument };

/** Where a spec comes from: a file path, or text with a name for messages. */
export type SpecInput = string | { text: string; file: string } | SpecDocument;

/** The result of following `$ref`s: the final value and the pointer where it lives. */
export type Resolved = Pick<ResolvedRef, "value" | "pointer">;

/** The only OpenAPI version the checks understand. */
const versions = ["3.1"];

/** True when the value is an already loaded spec. */
function isSpecDocument(value: unknown): value is SpecDocument {
  return (
    typeof value === "object" &&
    value !== null &&
    "document" in value &&
    "locate" in value &&
    typeof (value as SpecDocument).locate === "function"
  );
}

/**
 * Reads and parses an OpenAPI 3.1 document (YAML or JSON).
 *
 * @throws UsageError (`missing-file`, `unreadable-spec`, `unsupported-spec`) naming the file, line
 * and pointer of the problem.
 * @example
 * const spec = await loadSpec("spec/openapi.yaml");
 * spec.locate("/components/schemas/recordOperation"); // { line, column } of its key
 */
export async function loadSpec(input: SpecInput): Promise<SpecDocument> {
  if (isSpecDocument(input)) return input;
  if (typeof input !== "string") return parseSpec(input.text, input.file);
  try {
    return await readSpecDocument(input, { versions });
  } catch (error) {
    throw usageErrorFrom(error);
  }
}

/** Parses spec text; `file` only names it in messages. */
export function parseSpec(text: string, file: string): SpecDocument {
  try {
    return parseSpecDocument(text, { file, versions });
  } catch (error) {
    throw usageErrorFrom(error);
  }
}

/**
 * Follows local `$ref`s (`#/...`) from the value at `pointer` until a value without `$ref`.
 *
 * @throws UsageError naming the pointer of a dangling, external, malformed or circular reference.
 */
export function resolveRefs(spec: SpecDocument, pointer: string, value?: unknown): Resolved {
  try {
    const { value: resolved, pointer: at } = resolveSpecRefs(spec, pointer, value);
    return { value: resolved, pointer: at };
  } catch (error) {
    throw usageErrorFrom(error);
  }
}
