// JSON pointers (RFC 6901). A pointer is either in string form (`""` for the root, `/a/b~1c`) or in
// URI fragment form (`#`, `#/a/b~1c`, percent-encoding allowed, as in `$ref`). Appending works the
// same on both; reading a fragment decodes its percent-encoding first.

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`. */
export function escapeToken(token: string | number): string {
  const text = String(token);
  if (!text.includes("~") && !text.includes("/")) return text;
  return text.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Unescapes one reference token: `~1` becomes `/`, `~0` becomes `~`. */
export function unescapeToken(token: string): string {
  if (!token.includes("~")) return token;
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Appends reference tokens to a pointer, escaping each.
 *
 * @example
 * childPointer("#/components/schemas", "a/b"); // "#/components/schemas/a~1b"
 * childPointer("", "paths", "/calls", 0); // "/paths/~1calls/0"
 */
export function childPointer(pointer: string, ...tokens: ReadonlyArray<string | number>): string {
  let out = pointer;
  for (const token of tokens) out += `/${escapeToken(token)}`;
  return out;
}

/**
 * The unescaped reference tokens of a pointer (`/a/b~1c` -> `["a", "b/c"]`; `""` and `#` -> `[]`).
 * A `#` fragment is percent-decoded first. Undefined when the text is not a pointer (an anchor such
 * as `#foo`, a relative reference, malformed percent-encoding).
 */
export function pointerTokens(pointer: string): string[] | undefined {
  let body = pointer;
  if (pointer.startsWith("#")) {
    try {
      body = decodeURIComponent(pointer.slice(1));
    } catch {
      return undefined;
    }
  }
  if (body === "") return [];
  if (!body.startsWith("/")) return undefined;
  return body.slice(1).split("/").map(unescapeToken);
}

/**
 * The value the tokens lead to from `root`, or undefined when a step is missing. Only own members
 * count (never `constructor` or other inherited names), and array steps must be canonical indices.
 */
export function valueAtTokens(root: unknown, tokens: readonly string[]): unknown {
  let current: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (typeof current === "object" && current !== null && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** The value at a pointer (either form), or undefined when there is none or it is not a pointer. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  const tokens = pointerTokens(pointer);
  return tokens === undefined ? undefined : valueAtTokens(root, tokens);
}
