/**
 * Secret redaction: every error, `toJSON` and `util.inspect` output of this package passes through
 * here, so that bearer tokens, recording tokens, client states, validation tokens and key material
 * never reach a log line.
 */

const REDACTED = "[redacted]";

/** Property and header names whose values are secrets (compared case-insensitively). */
const SECRET_NAMES = new Set(
  [
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "recordingAccessToken",
    "recordResourceAccessToken",
    "accessToken",
    "access_token",
    "clientState",
    "validationToken",
    "validationTokens",
    "dataKey",
    "data_key",
    "encryptedContent",
    "privateKey",
    "client_secret",
    "clientSecret",
    "refresh_token",
    "id_token",
    "token",
  ].map((name) => name.toLowerCase()),
);

/** Query parameters that carry secrets in URLs. */
const SECRET_QUERY =
  /([?&](?:validationToken|access_token|token|sig|signature|code|client_secret)=)[^&#\s"']*/gi;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;
// Three base64url segments starting with a JSON header: a JWT wherever it appears.
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const PEM = /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g;

/** Replaces secrets inside free text (messages, URLs, bodies read as text). */
export function redactText(text: string, extraSecrets: readonly string[] = []): string {
  let out = text
    .replace(PEM, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_QUERY, `$1${REDACTED}`);
  for (const secret of extraSecrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Whether a property or header name holds a secret. */
function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase());
}

/**
 * A deep copy of a JSON-like value with secret properties replaced and secret-looking strings
 * scrubbed. Cycles and depth are bounded so that redaction itself never throws.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 12) return "[truncated]";
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretName(key) && item != null ? REDACTED : redactValue(item, depth + 1);
  }
  return out;
}

/**
 * A JSON.parse failure without the text it quotes: V8 puts an input of up to 20 characters, or
 * the 10 characters on either side of the fault, into the SyntaxError's message, and the text
 * (a response body, a decrypted resource) may hold a token. Only the position is kept.
 */
export function unquotedJsonError(error: unknown): SyntaxError {
  const position = error instanceof Error ? /\bposition (\d+)/.exec(error.message)?.[1] : undefined;
  return new SyntaxError(
    position === undefined ? "not valid JSON" : `not valid JSON at position ${position}`,
  );
}
