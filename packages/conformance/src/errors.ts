/** Where a problem sits: a file, a line and column in it, and a JSON pointer. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

/** Formats a location as `file:line:column (#/pointer)`, leaving out what is unknown. */
export function formatLocation(location: Location): string {
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
 * A problem with what the user gave us (a flag, a file, a spec, a name): the CLI prints its message
 * and exits 2. Never an internal bug.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** What kind of user error this is, so that callers can branch without parsing the message. */
  readonly kind: UsageErrorKind;
  readonly location: Location | undefined;

  constructor(kind: UsageErrorKind, message: string, location?: Location) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
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
