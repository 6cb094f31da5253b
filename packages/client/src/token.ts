/** An access token, optionally with its expiry (epoch milliseconds). */
export type AccessToken = string | { token: string; expiresOnTimestamp: number };

/**
 * Supplies Graph access tokens. Called once and cached until shortly before expiry (from
 * `expiresOnTimestamp`, or the JWT's `exp` claim); called again with `forceRefresh: true` once
 * when Graph answers 401.
 *
 * @example
 * const getToken: TokenProvider = async () => (await credential.getToken(scope)).token;
 */
export type TokenProvider = (context: {
  forceRefresh: boolean;
  signal: AbortSignal;
}) => Promise<AccessToken>;

interface CachedToken {
  token: string;
  /** Epoch ms after which the token is fetched again (expiry minus the skew). */
  refreshAt: number;
}

/** Reads `exp` from a JWT without verifying it (only to schedule the refresh). */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    // atob (not Buffer) keeps the client runnable outside Node.
    const base64 = payload.replaceAll("-", "+").replaceAll("_", "/");
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="))) as {
      exp?: unknown;
    };
    return typeof claims.exp === "number" ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Caches one provider's token; concurrent callers share a single in-flight request. */
export class TokenCache {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly provider: TokenProvider,
    private readonly skewMs = 120_000,
  ) {}

  /** The cached token while it is valid (no promise, for the hot path). */
  peek(): string | undefined {
    return this.cached && Date.now() < this.cached.refreshAt ? this.cached.token : undefined;
  }

  /** A valid token, from the cache when possible. */
  get(signal: AbortSignal): Promise<string> {
    if (this.cached && Date.now() < this.cached.refreshAt)
      return Promise.resolve(this.cached.token);
    return this.fetch(false, signal);
  }

  /** Drops `staleToken` (if still cached) and fetches a fresh one, shared by concurrent callers. */
  refresh(staleToken: string | undefined, signal: AbortSignal): Promise<string> {
    if (this.cached && this.cached.token !== staleToken && Date.now() < this.cached.refreshAt) {
      return Promise.resolve(this.cached.token);
    }
    this.cached = undefined;
    return this.fetch(true, signal);
  }

  private fetch(forceRefresh: boolean, signal: AbortSignal): Promise<string> {
    if (this.pending) return this.pending;
    const pending = this.provider({ forceRefresh, signal }).then((value) => {
      const token = typeof value === "string" ? value : value.token;
      if (typeof token !== "string" || token === "") {
        throw new TypeError("the token provider returned no token (expected a non-empty string)");
      }
      const expiry = typeof value === "string" ? jwtExpiry(value) : value.expiresOnTimestamp;
      this.cached = {
        token,
        refreshAt: expiry === undefined ? Number.POSITIVE_INFINITY : expiry - this.skewMs,
      };
      return token;
    });
    this.pending = pending;
    const clear = () => {
      if (this.pending === pending) this.pending = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }
}
