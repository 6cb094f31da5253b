import {
  formatLocation,
  SpecDocumentError,
  type SpecDocumentErrorKind,
  type SpecLocation,
} from "@graph-recording/openapi-zod/document";

/** Where a problem sits: a file, a line and column in it, and a JSON pointer. */
export type Location = SpecLocation;

/** Formats a location as `file:line:column (#/pointer)`, leaving out what is unknown. */
export { formatLocation };

/**
 * A problem with what the user gave us (a flag, a file, a spec, a name): the CLI prints its message
 * and exits 2. Never an internal bug.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** What kind of user error this is, so that callers can branch without parsing the message. */
  readonly kind: UsageErrorKind;
  readonly location: Location | undefined;

  constructor(kind: UsageErrorKind, message: string, location?: Location, options?: ErrorOptions) {
    super(location ? `${formatLocation(location)}: ${message}` : message, options);
    this.kind = kind;
    this.location = location;
  }
}

/** The kinds of user error the library reports. */
export type UsageErrorKind =
  | "missing-file"
  | "unreadable-spec"
  | "unsupported-spec"
  | "unknown-target"
  | "bad-option"
  | "no-validators";

const specErrorKinds: Record<SpecDocumentErrorKind, UsageErrorKind> = {
  unreadable: "missing-file",
  syntax: "unreadable-spec",
  "not-an-object": "unsupported-spec",
  "unsupported-version": "unsupported-spec",
  "external-ref": "unsupported-spec",
  "invalid-ref": "unsupported-spec",
  "dangling-ref": "unsupported-spec",
  "circular-ref": "unsupported-spec",
};

/** The UsageError for a spec that cannot be read or followed; any other error as it is. */
export function usageErrorFrom(error: unknown): unknown {
  if (!(error instanceof SpecDocumentError)) return error;
  return new UsageError(specErrorKinds[error.kind], error.reason, error.location, {
    cause: error,
  });
}
