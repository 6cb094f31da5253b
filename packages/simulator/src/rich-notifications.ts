/**
 * What Graph adds to change notifications that include resource data: the resource encrypted
 * for the subscriber's certificate (`encryptedContent`) and `validationTokens`, JWTs that prove
 * the notification came from Graph. The simulator signs those tokens with its own RSA key, whose
 * public half it publishes as a JWKS so a receiver under test can verify them.
 */
import {
  constants,
  createCipheriv,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  publicEncrypt,
  randomBytes,
  sign,
  X509Certificate,
} from "node:crypto";

/** The `appid` claim of Graph's change-notification validation tokens. */
export const GRAPH_NOTIFICATION_APP_ID = "0bf30f3b-4a52-48df-9a82-234910c4a086";

/** Graph's `changeNotificationEncryptedContent`. */
export interface EncryptedContent {
  data: string;
  dataKey: string;
  dataSignature: string;
  encryptionCertificateId: string;
  encryptionCertificateThumbprint: string;
}

/**
 * Reads a subscription's `encryptionCertificate` (base64 DER, or PEM); undefined when it is not
 * an X.509 certificate with an RSA key.
 */
export function readCertificate(base64OrPem: string): X509Certificate | undefined {
  try {
    const raw = base64OrPem.includes("-----BEGIN")
      ? Buffer.from(base64OrPem, "utf8")
      : Buffer.from(base64OrPem, "base64");
    const cert = new X509Certificate(raw);
    return cert.publicKey.asymmetricKeyType === "rsa" ? cert : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Encrypts a resource as Graph does: a fresh 32-byte key, AES-256-CBC with PKCS7 padding and
 * IV = the key's first 16 bytes; the key RSA-OAEP (SHA-1) encrypted for the certificate; an
 * HMAC-SHA256 of the encrypted bytes under the key.
 */
export function encryptResource(
  resource: unknown,
  certificate: X509Certificate,
  certificateId: string,
): EncryptedContent {
  const key = randomBytes(32);
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  const data = Buffer.concat([cipher.update(JSON.stringify(resource), "utf8"), cipher.final()]);
  const dataKey = publicEncrypt(
    { key: certificate.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" },
    key,
  );
  return {
    data: data.toString("base64"),
    dataKey: dataKey.toString("base64"),
    dataSignature: createHmac("sha256", key).update(data).digest("base64"),
    encryptionCertificateId: certificateId,
    encryptionCertificateThumbprint: certificate.fingerprint.replaceAll(":", ""),
  };
}

let processKey: { privateKey: KeyObject; kid: string } | undefined;

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** Issuer of the bearer tokens Graph sends with calling-bot callbacks. */
const CALLBACK_TOKEN_ISSUER = "https://api.botframework.com";

/**
 * The simulator's RSA signing key, created on first use. It signs the `validationTokens` of
 * change notifications and the bearer tokens of calling-bot callbacks; `jwks()` publishes it.
 */
export class TokenSigner {
  private signingKey(): { privateKey: KeyObject; kid: string } {
    // One key per process: generating an RSA key takes up to a second, and simulators started
    // one after another in a test run would otherwise each pay for it.
    processKey ??= {
      privateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
      kid: randomBytes(8).toString("hex"),
    };
    return processKey;
  }

  private jwt(claims: Record<string, unknown>): string {
    const { privateKey, kid } = this.signingKey();
    const header = base64url({ alg: "RS256", typ: "JWT", kid });
    const payload = base64url(claims);
    const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey).toString(
      "base64url",
    );
    return `${header}.${payload}.${signature}`;
  }

  /** An RS256 JWT with Graph's validation-token claims, valid for an hour. */
  validationToken(options: { applicationId: string; tenantId: string; now: number }): string {
    const iat = Math.floor(options.now / 1000);
    return this.jwt({
      aud: options.applicationId,
      iss: `https://sts.windows.net/${options.tenantId}/`,
      iat,
      nbf: iat,
      exp: iat + 3600,
      appid: GRAPH_NOTIFICATION_APP_ID,
      tid: options.tenantId,
    });
  }

  /** An RS256 JWT with the claims of a calling-bot callback token, valid for a day. */
  callbackToken(options: { applicationId: string; tenantId: string; now: number }): string {
    const iat = Math.floor(options.now / 1000);
    return this.jwt({
      aud: options.applicationId,
      iss: CALLBACK_TOKEN_ISSUER,
      iat,
      nbf: iat,
      exp: iat + 24 * 3600,
      tid: options.tenantId,
    });
  }

  /** The public key as a JWKS, for receivers to verify tokens. */
  jwks(): { keys: Array<Record<string, unknown>> } {
    const { privateKey, kid } = this.signingKey();
    const jwk = createPublicKey(privateKey).export({ format: "jwk" });
    return { keys: [{ ...jwk, kid, use: "sig", alg: "RS256" }] };
  }
}
