// JSON pointers (RFC 6901) as used in this package: strings that start with "/" (or the empty
// string for the root), without the leading "#" of a URI fragment.

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`. */
export function escapeToken(token: string | number): string {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Unescapes one reference token. */
export function unescapeToken(token: string): string {
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** Builds a pointer from path segments: `["a", 0, "b/c"]` -> `/a/0/b~1c`. */
export function pointerFromSegments(segments: ReadonlyArray<string | number>): string {
  return segments.map((segment) => `/${escapeToken(segment)}`).join("");
}

/** Splits a pointer (with or without a leading `#`) into its unescaped segments. */
export function segmentsFromPointer(pointer: string): string[] {
  const bare = pointer.startsWith("#") ? decodeURIComponent(pointer.slice(1)) : pointer;
  if (bare === "") return [];
  if (!bare.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return bare.slice(1).split("/").map(unescapeToken);
}

/** Appends segments to a pointer. */
export function childPointer(pointer: string, ...segments: Array<string | number>): string {
  return pointer + pointerFromSegments(segments);
}

/** The value at a pointer, or undefined when the path does not exist. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of segmentsFromPointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (current !== null && typeof current === "object") {
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/** True when `pointer` equals `ancestor` or lies below it (segment-wise, not by string prefix). */
export function isAtOrBelow(pointer: string, ancestor: string): boolean {
  if (ancestor === "") return true;
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** Renders a pointer for people: the root is shown as `/` rather than an empty string. */
export function displayPointer(pointer: string): string {
  return pointer === "" ? "/" : pointer;
}
