import { readFile } from "node:fs/promises";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { pointerTokens } from "./json-pointer.js";
import { SpecDocumentError } from "./spec-document-error.js";

/** A line and column in a source text, both 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A parsed OpenAPI document that remembers where each node sits in its source text. */
export interface SpecDocument {
  /** The file it was read from, or the name given with the text. */
  readonly file: string;
  /** The document as plain JSON values. */
  readonly document: Record<string, unknown>;
  /** Where the node at a JSON pointer (either form) starts: the key of a member, an array item. */
  locate(pointer: string): SourcePosition | undefined;
}

/** Options of {@link parseSpecDocument}. */
export interface SpecDocumentOptions {
  /** Names the text in messages: a path, or e.g. `spec.yaml at v1.2.0` (default `<input>`). */
  readonly file?: string;
  /**
   * The OpenAPI versions accepted, each a major or major.minor version (`["3.1"]` accepts 3.1.x,
   * `["3"]` any 3.x). Default: no check, any object is accepted.
   */
  readonly versions?: readonly string[];
}

// Aliases beyond this many expanded nodes are refused, so a hostile document cannot make the
// parser expand aliases without end ("billion laughs").
const MAX_ALIAS_COUNT = 10_000;

/**
 * Parses an OpenAPI document from YAML or JSON text (JSON is YAML 1.2); duplicate keys are errors.
 *
 * @throws SpecDocumentError (`syntax`, `not-an-object`, `unsupported-version`) naming the line
 * and column, or the pointer, of the problem.
 * @example
 * const spec = parseSpecDocument(text, { file: "openapi.yaml", versions: ["3.1"] });
 * spec.locate("/components/schemas/recordOperation"); // { line, column } of its key
 */
export function parseSpecDocument(text: string, options: SpecDocumentOptions = {}): SpecDocument {
  const file = options.file ?? "<input>";
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const firstError = parsed.errors[0];
  if (firstError) {
    const position = lineCounter.linePos(firstError.pos[0]);
    throw new SpecDocumentError({
      kind: "syntax",
      location: { file, line: position.line, column: position.col },
      reason: `not valid YAML or JSON: ${firstError.message.split("\n")[0]}`,
      hint: "Fix the YAML/JSON syntax of the document.",
    });
  }
  let document: unknown;
  try {
    document = parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new SpecDocumentError(
      {
        kind: "syntax",
        location: { file },
        reason: `cannot read the document: ${String(error)}`,
        hint: "Define every YAML anchor before its aliases, and use aliases sparingly.",
      },
      { cause: error },
    );
  }
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new SpecDocumentError({
      kind: "not-an-object",
      location: { file, line: 1 },
      reason: "the document is not an object",
      hint: "Pass an OpenAPI document: a mapping with an `openapi` field at its root.",
    });
  }
  const locate = (pointer: string): SourcePosition | undefined => {
    const node = nodeAtPointer(parsed.contents, pointer);
    if (!node?.range) return undefined;
    const position = lineCounter.linePos(node.range[0]);
    return { line: position.line, column: position.col };
  };
  const spec = { file, document: document as Record<string, unknown>, locate };
  if (options.versions !== undefined) checkVersion(spec, options.versions);
  return spec;
}

/**
 * Reads and parses an OpenAPI document (YAML or JSON) from a file.
 *
 * @throws SpecDocumentError `unreadable` naming the file, or what {@link parseSpecDocument} throws.
 */
export async function readSpecDocument(
  path: string,
  options: Omit<SpecDocumentOptions, "file"> = {},
): Promise<SpecDocument> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new SpecDocumentError(
      {
        kind: "unreadable",
        location: { file: path },
        reason: `cannot read the spec: ${describeFsError(error)}`,
        hint: "Check the path of the OpenAPI document.",
      },
      { cause: error },
    );
  }
  return parseSpecDocument(text, { ...options, file: path });
}

/** A short reason for a file-system error: `no such file` rather than a stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

function checkVersion(spec: SpecDocument, versions: readonly string[]): void {
  const version = spec.document.openapi;
  const accepted = versions.some(
    (wanted) =>
      typeof version === "string" &&
      new RegExp(`^${wanted.replaceAll(".", "\\.")}\\.\\d+`).test(version),
  );
  if (accepted) return;
  const found = version === undefined ? "no `openapi` field" : `openapi: ${String(version)}`;
  const names = versions.join(" or ");
  const ranges = versions.map((wanted) => `${wanted}.x`).join(" and ");
  throw new SpecDocumentError({
    kind: "unsupported-version",
    location: { file: spec.file, ...spec.locate("/openapi"), pointer: "/openapi" },
    reason: `not an OpenAPI ${names} document (${found}); only OpenAPI ${ranges} ${versions.length > 1 ? "are" : "is"} supported`,
    hint: `Pass an OpenAPI ${names} document.`,
  });
}

/** The YAML node for a JSON pointer: the key of a map entry, or the item of a sequence. */
function nodeAtPointer(root: unknown, pointer: string): Node | undefined {
  const tokens = pointerTokens(pointer);
  if (tokens === undefined) return undefined;
  let current: unknown = root;
  let located: Node | undefined = root as Node | undefined;
  for (const token of tokens) {
    if (isMap(current)) {
      const pair = current.items.find(
        (item) => String(isScalar(item.key) ? item.key.value : item.key) === token,
      );
      if (!pair) return undefined;
      located = (isScalar(pair.key) ? pair.key : pair.value) as Node | undefined;
      current = pair.value;
    } else if (isSeq(current)) {
      const item = current.items[Number(token)];
      if (item === undefined) return undefined;
      located = item as Node;
      current = item;
    } else {
      return undefined;
    }
  }
  return located;
}
