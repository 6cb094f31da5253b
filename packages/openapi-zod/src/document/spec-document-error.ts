/** Where a problem sits: a file, a line and column in it (1-based), and a JSON pointer. */
export interface SpecLocation {
  file?: string;
  line?: number;
  column?: number;
  /** String form (`/components/schemas/a`), shown as a URI fragment (`#/components/schemas/a`). */
  pointer?: string;
}

/**
 * Formats a location as `file:line:column (#/pointer)`, leaving out what is unknown.
 *
 * @example
 * formatLocation({ file: "spec.yaml", line: 3, column: 1 }); // "spec.yaml:3:1"
 * formatLocation({ file: "spec.yaml", pointer: "/openapi" }); // "spec.yaml (#/openapi)"
 */
export function formatLocation(location: SpecLocation): string {
  let place = location.file ?? "";
  if (location.line !== undefined) {
    place += `${place ? ":" : "line "}${location.line}`;
    if (location.column !== undefined) place += `:${location.column}`;
  }
  if (location.pointer !== undefined) {
    const pointer = `#${location.pointer}`;
    place = place ? `${place} (${pointer})` : pointer;
  }
  return place;
}

/**
 * What is wrong with a spec: it cannot be read, is not YAML or JSON, is not an object, has an
 * OpenAPI version the caller does not accept, or has a `$ref` that is external, not a JSON pointer,
 * dangling or circular.
 */
export type SpecDocumentErrorKind =
  | "unreadable"
  | "syntax"
  | "not-an-object"
  | "unsupported-version"
  | "external-ref"
  | "invalid-ref"
  | "dangling-ref"
  | "circular-ref";

/**
 * A spec that cannot be read or followed. The message reads `file:line:column (#/pointer): reason`;
 * `hint` says how to fix it, for callers that show the fix on its own.
 *
 * @example
 * try { await readSpecDocument("openapi.yaml") } catch (e) { if (e instanceof SpecDocumentError) console.error(e.message, e.hint) }
 */
export class SpecDocumentError extends Error {
  override readonly name = "SpecDocumentError";
  readonly kind: SpecDocumentErrorKind;
  readonly location: SpecLocation;
  /** The message without its location. */
  readonly reason: string;
  /** What to change so that the spec reads. */
  readonly hint: string;

  constructor(
    options: { kind: SpecDocumentErrorKind; location: SpecLocation; reason: string; hint: string },
    errorOptions?: ErrorOptions,
  ) {
    const place = formatLocation(options.location);
    super(place ? `${place}: ${options.reason}` : options.reason, errorOptions);
    this.kind = options.kind;
    this.location = options.location;
    this.reason = options.reason;
    this.hint = options.hint;
  }
}
