import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A lowercase UUID, the form Graph uses for operation, subscription and tenant ids. */
export function uuid(): string {
  return randomUUID();
}

/** An opaque secret (access tokens, validation tokens). */
export function secret(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * A base64 id in the style of Graph's recording and meeting ids (padded base64), drawn from the
 * URL-safe alphabet so it can sit in a path segment.
 */
export function base64Id(prefix: string): string {
  const raw = `${prefix}#${randomUUID()}`;
  const encoded = Buffer.from(raw, "utf8").toString("base64url");
  const padding = (4 - (encoded.length % 4)) % 4;
  return encoded + "=".repeat(padding);
}

/** A stable number in [0, 1) derived from a string (tone pitch per recording). */
export function unitHash(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}
