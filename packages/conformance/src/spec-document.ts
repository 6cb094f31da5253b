import { readFile } from "node:fs/promises";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { UsageError } from "./errors.js";
import { childPointer, segmentsFromPointer, valueAtPointer } from "./json-pointer.js";

/** A parsed OpenAPI 3.1 document that remembers where each node sits in its source text. */
export interface SpecDocument {
  /** The file it was read from, or a name given with the text. */
  readonly file: string;
  /** The document as plain JSON values. */
  readonly document: Record<string, unknown>;
  /** The source line and column (1-based) of the node at a JSON pointer, when it exists. */
  locate(pointer: string): { line: number; column: number } | undefined;
}

/** Where a spec comes from: a file path, or text with a name for messages. */
export type SpecInput = string | { text: string; file: string } | SpecDocument;

/** True when the value is an already loaded spec. */
export function isSpecDocument(value: unknown): value is SpecDocument {
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
 * spec.locate("/components/schemas/recordOperation"); // { line: 812, column: 5 }
 */
export async function loadSpec(input: SpecInput): Promise<SpecDocument> {
  if (isSpecDocument(input)) return input;
  if (typeof input !== "string") return parseSpec(input.text, input.file);
  let text: string;
  try {
    text = await readFile(input, "utf8");
  } catch (error) {
    throw new UsageError("missing-file", `cannot read the spec: ${describeFsError(error)}`, {
      file: input,
    });
  }
  return parseSpec(text, input);
}

/** Parses spec text; `file` only names it in messages. */
export function parseSpec(text: string, file: string): SpecDocument {
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const firstError = parsed.errors[0];
  if (firstError) {
    const position = lineCounter.linePos(firstError.pos[0]);
    const reason = firstError.message.split("\n")[0] ?? firstError.message;
    throw new UsageError("unreadable-spec", `not valid YAML or JSON: ${reason}`, {
      file,
      line: position.line,
      column: position.col,
    });
  }
  let document: unknown;
  try {
    document = parsed.toJS({ maxAliasCount: 10_000 });
  } catch (error) {
    throw new UsageError("unreadable-spec", `cannot read the document: ${String(error)}`, { file });
  }
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new UsageError("unsupported-spec", "the document is not an object", { file, line: 1 });
  }
  const root = document as Record<string, unknown>;
  const version = root.openapi;
  if (typeof version !== "string" || !/^3\.1\.\d+/.test(version)) {
    const found = version === undefined ? "no `openapi` field" : `openapi: ${String(version)}`;
    throw new UsageError(
      "unsupported-spec",
      `not an OpenAPI 3.1 document (${found}); only OpenAPI 3.1.x is supported`,
      { file, pointer: "/openapi" },
    );
  }
  const locate = (pointer: string) => {
    const node = nodeAtPointer(parsed.contents, pointer);
    if (!node?.range) return undefined;
    const position = lineCounter.linePos(node.range[0]);
    return { line: position.line, column: position.col };
  };
  return { file, document: root, locate };
}

/** The YAML node for a JSON pointer: the key of a map entry, or the item of a sequence. */
function nodeAtPointer(root: unknown, pointer: string): Node | undefined {
  let current: unknown = root;
  let located: Node | undefined = root as Node | undefined;
  for (const segment of segmentsFromPointer(pointer)) {
    if (isMap(current)) {
      const pair = current.items.find(
        (item) => String(isScalar(item.key) ? item.key.value : item.key) === segment,
      );
      if (!pair) return undefined;
      located = (isScalar(pair.key) ? pair.key : pair.value) as Node | undefined;
      current = pair.value;
    } else if (isSeq(current)) {
      const item = current.items[Number(segment)];
      if (item === undefined) return undefined;
      located = item as Node;
      current = item;
    } else {
      return undefined;
    }
  }
  return located;
}

/** The result of following `$ref`s: the final value and the pointer where it lives. */
export interface Resolved {
  value: unknown;
  pointer: string;
}

/**
 * Follows local `$ref`s (`#/...`) from the value at `pointer` until a value without `$ref`.
 *
 * @throws UsageError naming the pointer of a dangling, external or circular reference.
 */
export function resolveRefs(spec: SpecDocument, pointer: string, value?: unknown): Resolved {
  let current: Resolved = { value: value ?? valueAtPointer(spec.document, pointer), pointer };
  const seen = new Set<string>();
  while (isRefObject(current.value)) {
    const ref = current.value.$ref;
    const refPointer = current.pointer;
    if (!ref.startsWith("#")) {
      throw new UsageError(
        "unsupported-spec",
        `external $ref ${JSON.stringify(ref)} is not supported; bundle the spec into one document first`,
        { file: spec.file, pointer: childPointer(refPointer, "$ref"), ...spec.locate(refPointer) },
      );
    }
    const target = decodeURIComponent(ref.slice(1));
    if (seen.has(target)) {
      throw new UsageError("unsupported-spec", `circular $ref ${JSON.stringify(ref)}`, {
        file: spec.file,
        pointer: refPointer,
        ...spec.locate(refPointer),
      });
    }
    seen.add(target);
    const resolved = valueAtPointer(spec.document, target);
    if (resolved === undefined) {
      throw new UsageError("unsupported-spec", `$ref ${JSON.stringify(ref)} points to nothing`, {
        file: spec.file,
        pointer: childPointer(refPointer, "$ref"),
        ...spec.locate(childPointer(refPointer, "$ref")),
      });
    }
    current = { value: resolved, pointer: target };
  }
  return current;
}

/** True for `{ $ref: "..." }` objects. */
export function isRefObject(value: unknown): value is { $ref: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { $ref?: unknown }).$ref === "string"
  );
}

/** A short reason for a file-system error: `no such file` rather than a stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
