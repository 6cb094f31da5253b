/**
 * Skip and delta tokens. They are opaque to clients (base64url JSON here) and carry what the
 * next page needs: the snapshot being paged (recordings up to a sequence number), the offset in
 * it, the lower bound of a delta round, and the token generation (so a test can expire them all).
 */

/** A `$skiptoken`: the next page of a listing or of a delta round. */
export interface SkipToken {
  kind: "skip";
  /** Offset of the next page in the snapshot. */
  offset: number;
  /** Only recordings with a sequence number above this are in the round (0 for a full listing). */
  after: number;
  /** Only recordings with a sequence number up to this are in the snapshot. */
  upTo: number;
  /** Token generation. */
  generation: number;
}

/** A `$deltatoken`: the start of the next delta round. */
export interface DeltaToken {
  kind: "delta";
  /** The next round returns recordings with a sequence number above this. */
  after: number;
  generation: number;
}

/** Encodes a token for a URL query. */
export function encodeToken(token: SkipToken | DeltaToken): string {
  const compact =
    token.kind === "skip"
      ? ["s", token.offset, token.after, token.upTo, token.generation]
      : ["d", token.after, token.generation];
  return Buffer.from(JSON.stringify(compact), "utf8").toString("base64url");
}

/** Decodes a token, or returns undefined when it is not one this simulator issued. */
export function decodeToken(text: string): SkipToken | DeltaToken | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.slice(1).every((n) => Number.isInteger(n) && n >= 0)) {
    return undefined;
  }
  if (parsed[0] === "s" && parsed.length === 5) {
    const [, offset, after, upTo, generation] = parsed as [string, number, number, number, number];
    return { kind: "skip", offset, after, upTo, generation };
  }
  if (parsed[0] === "d" && parsed.length === 3) {
    const [, after, generation] = parsed as [string, number, number];
    return { kind: "delta", after, generation };
  }
  return undefined;
}
