/**
 * Decryption of rich change notifications (`encryptedContent`): RSA-OAEP (SHA-1) unwraps the
 * per-notification key, HMAC-SHA256 over the ciphertext is checked in constant time before
 * anything is decrypted, then AES-CBC with the key's first 16 bytes as IV yields the resource JSON.
 */
import {
  constants,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  type KeyObject,
  privateDecrypt,
  timingSafeEqual,
} from "node:crypto";
import { NotificationError } from "../errors.js";
import { unquotedJsonError } from "../internal/redact.js";

/** The `encryptedContent` of a change notification. */
export interface EncryptedContent {
  data: string;
  dataKey: string;
  dataSignature: string;
  encryptionCertificateId: string;
  encryptionCertificateThumbprint?: string;
}

/** A private key (PEM text or KeyObject) per certificate id; keep old ids during rotation. */
export type DecryptionKeys =
  | Readonly<Record<string, string | KeyObject>>
  | ((certificateId: string) => string | KeyObject | undefined);

function keyFor(keys: DecryptionKeys, certificateId: string): KeyObject | undefined {
  const key = typeof keys === "function" ? keys(certificateId) : keys[certificateId];
  if (key === undefined) return undefined;
  return typeof key === "string" ? createPrivateKey(key) : key;
}

/** Decrypts and parses one notification's resource; throws NotificationError naming the step that failed. */
export function decryptContent(content: EncryptedContent, keys: DecryptionKeys): unknown {
  const fail = (reason: NotificationError["reason"], message: string, cause?: unknown) =>
    new NotificationError({ message: `encryptedContent: ${message}`, reason, cause });
  const key = keyFor(keys, content.encryptionCertificateId);
  if (!key) {
    throw fail(
      "unknown-key",
      `no private key for encryptionCertificateId ${JSON.stringify(content.encryptionCertificateId)}`,
    );
  }
  let symmetric: Buffer;
  try {
    symmetric = privateDecrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" },
      Buffer.from(content.dataKey, "base64"),
    );
  } catch (error) {
    throw fail(
      "decryption",
      "the dataKey could not be decrypted with the private key for this certificate id",
      error,
    );
  }
  const data = Buffer.from(content.data, "base64");
  const expected = createHmac("sha256", symmetric).update(data).digest();
  const actual = Buffer.from(content.dataSignature, "base64");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw fail(
      "signature",
      "dataSignature does not match the HMAC-SHA256 of data; the content was not decrypted",
    );
  }
  try {
    const decipher = createDecipheriv(
      `aes-${symmetric.length * 8}-cbc`,
      symmetric,
      symmetric.subarray(0, 16),
    );
    const plain = Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
    return JSON.parse(plain);
  } catch (error) {
    // A SyntaxError quotes the decrypted text, which is the very data the encryption protects.
    throw fail(
      "decryption",
      "data could not be decrypted or is not JSON",
      error instanceof SyntaxError ? unquotedJsonError(error) : error,
    );
  }
}
