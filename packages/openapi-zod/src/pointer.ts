/** Escapes one reference token for a JSON pointer (RFC 6901: `~` -> `~0`, `/` -> `~1`). */
export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Decodes one reference token of a JSON pointer. */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Appends reference tokens to a pointer in URI fragment form (`#/a/b`). */
export function childPointer(pointer: string, ...tokens: Array<string | number>): string {
  let out = pointer;
  for (const token of tokens) out += `/${escapeToken(String(token))}`;
  return out;
}

/** Splits a `#/...` pointer into decoded tokens; percent-encoding of the URI fragment is decoded first. */
export function pointerTokens(pointer: string): string[] | undefined {
  if (!pointer.startsWith("#")) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(pointer.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === "") return [];
  if (!fragment.startsWith("/")) return undefined;
  return fragment.slice(1).split("/").map(unescapeToken);
}

/** Decoded tokens of a pointer produced by {@link childPointer} (no percent-decoding). */
export function canonicalTokens(pointer: string): string[] | undefined {
  if (pointer === "#") return [];
  if (!pointer.startsWith("#/")) return undefined;
  return pointer.slice(2).split("/").map(unescapeToken);
}

/** Canonical `#/...` form of a local reference (percent-decoded, re-escaped), or undefined if not a JSON pointer. */
export function canonicalPointer(ref: string): string | undefined {
  const tokens = pointerTokens(ref);
  return tokens === undefined ? undefined : childPointer("#", ...tokens);
}

/** Follows decoded tokens from a root value; returns `undefined` when a step is missing. */
export function resolveTokens(
  root: unknown,
  tokens: readonly string[],
): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= current.length)
        return { found: false, value: undefined };
      current = current[Number(token)];
    } else if (typeof current === "object" && current !== null && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}
