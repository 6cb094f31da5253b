import { formatLocation, SpecDocumentError } from "./document/spec-document-error.js";

/** What went wrong: the input document, a reference inside it, or something the generator refuses to approximate. */
export type OpenApiZodErrorKind = "load" | "document" | "reference" | "unsupported";

/**
 * A user-facing generation error: names the JSON pointer of the offending construct and says how to fix it.
 *
 * @example
 * try { generateZod(doc) } catch (e) { if (e instanceof OpenApiZodError) console.error(e.pointer, e.hint) }
 */
export class OpenApiZodError extends Error {
  override readonly name = "OpenApiZodError";
  readonly kind: OpenApiZodErrorKind;
  /** JSON pointer (URI fragment form, `#/components/schemas/x`) of the construct at fault. */
  readonly pointer: string;
  /** What to change in the document to make generation succeed. */
  readonly hint: string;

  constructor(
    options: {
      kind: OpenApiZodErrorKind;
      pointer: string;
      message: string;
      hint: string;
    },
    errorOptions?: ErrorOptions,
  ) {
    super(`${options.message} at ${options.pointer}. ${options.hint}`, errorOptions);
    this.kind = options.kind;
    this.pointer = options.pointer;
    this.hint = options.hint;
  }
}

const kinds: Record<SpecDocumentError["kind"], OpenApiZodErrorKind> = {
  unreadable: "load",
  syntax: "load",
  "not-an-object": "document",
  "unsupported-version": "document",
  "external-ref": "unsupported",
  "invalid-ref": "reference",
  "dangling-ref": "reference",
  "circular-ref": "reference",
};

/** The generator's error for a document that cannot be read or followed; other errors unchanged. */
export function generatorError(error: unknown): unknown {
  if (!(error instanceof SpecDocumentError)) return error;
  const { pointer, ...place } = error.location;
  const where = formatLocation(place);
  return new OpenApiZodError(
    {
      kind: kinds[error.kind],
      pointer: `#${pointer ?? ""}`,
      message: where ? `${where}: ${error.reason}` : error.reason,
      hint: error.hint,
    },
    { cause: error },
  );
}
