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

  constructor(options: {
    kind: OpenApiZodErrorKind;
    pointer: string;
    message: string;
    hint: string;
  }) {
    super(`${options.message} at ${options.pointer}. ${options.hint}`);
    this.kind = options.kind;
    this.pointer = options.pointer;
    this.hint = options.hint;
  }
}
