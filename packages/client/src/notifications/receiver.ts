/**
 * A framework-agnostic receiver (Request in, Response out) for both kinds of notification a
 * recording bot gets: commsNotifications on the call's callback URI (operation results) and
 * changeNotificationCollections from /subscriptions (recording availability).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { NotificationError } from "../errors.js";
import type { OperationLike } from "../operations.js";
import type { Validate } from "../validation.js";
import { type DecryptionKeys, decryptContent, type EncryptedContent } from "./decrypt.js";

/** One commsNotification item (calling-bot callback). */
export interface CommsNotification {
  "@odata.type"?: string;
  changeType: "created" | "updated" | "deleted" | string;
  resourceUrl?: string;
  /** Older payloads name the path `resource`. */
  resource?: string;
  resourceData?:
    | (OperationLike & Record<string, unknown>)
    | (OperationLike & Record<string, unknown>)[];
}

/** One changeNotification item (subscription webhook). */
export interface ChangeNotification {
  id?: string | null;
  subscriptionId: string;
  changeType: string;
  clientState?: string | null;
  resource: string;
  resourceData?: Record<string, unknown> | null;
  encryptedContent?: EncryptedContent | null;
  lifecycleEvent?: "missed" | "subscriptionRemoved" | "reauthorizationRequired" | string | null;
  subscriptionExpirationDateTime?: string;
  tenantId?: string;
}

/** Receiver configuration. Only the parts you use need to be set. */
export interface NotificationReceiverOptions {
  /**
   * Checks the bearer token Graph puts on callback POSTs (a JWT from the Bot Framework issuer, with
   * your app id as audience). Required to accept commsNotifications; answer false to reject with 401.
   */
  verifyBearer?: ((token: string, request: Request) => boolean | Promise<boolean>) | undefined;
  /** Every operation update from a commsNotification, deduplicated by id, ETag and status. */
  onOperation?:
    | ((
        operation: OperationLike & Record<string, unknown>,
        notification: CommsNotification,
      ) => void | Promise<void>)
    | undefined;
  /** Final operation states are handed here too (pass the client's `operationHub`), ending waits early. */
  operationHub?: { publish(operation: OperationLike): void } | undefined;
  /** The clientState values of your subscriptions; notifications carrying any other are dropped. */
  clientState?: string | readonly string[] | undefined;
  /** Checks the `validationTokens` JWTs of notifications with resource data; false drops the batch. */
  verifyValidationTokens?: ((tokens: string[]) => boolean | Promise<boolean>) | undefined;
  /** Private keys by certificate id, to decrypt `encryptedContent`. */
  decryptionKeys?: DecryptionKeys | undefined;
  /** A change notification (deduplicated), with its decrypted resource when it carried one. */
  onChangeNotification?:
    | ((notification: ChangeNotification, context: { resource: unknown }) => void | Promise<void>)
    | undefined;
  /** `missed`, `subscriptionRemoved`, `reauthorizationRequired`. */
  onLifecycleEvent?: ((notification: ChangeNotification) => void | Promise<void>) | undefined;
  /** Validates payloads (`operationId` is the webhook name: `commsNotifications` or `changeNotifications`). */
  validate?: Validate | undefined;
  /** Rejections and handler failures after the 202 was sent (the library never logs). */
  onError?: ((error: NotificationError) => void) | undefined;
  /** Keeps serverless runtimes alive for the work done after answering (e.g. `ctx.waitUntil`). */
  waitUntil?: ((work: Promise<unknown>) => void) | undefined;
  /** Largest body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number | undefined;
  /** How many recent notifications are remembered for deduplication (default 10 000). */
  dedupeCapacity?: number | undefined;
}

/** The receiver: `handle` answers Graph; `idle` resolves once work started by earlier requests is done. */
export interface NotificationReceiver {
  handle(request: Request): Promise<Response>;
  idle(): Promise<void>;
}

/** Remembers the last `capacity` keys, forgetting the oldest first. */
class RecentKeys {
  private readonly keys = new Set<string>();
  constructor(private readonly capacity: number) {}
  /** True the first time a key is seen. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    return true;
  }
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Compares against every configured clientState without leaking timing. */
function clientStateMatches(
  expected: readonly string[],
  actual: string | null | undefined,
): boolean {
  const candidate = digest(actual ?? "");
  let match = false;
  for (const value of expected) match = timingSafeEqual(digest(value), candidate) || match;
  return match && actual != null;
}

function text(status: number, body: string, type = "text/plain; charset=utf-8"): Response {
  return new Response(body, {
    status,
    headers: {
      "content-type": type,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}

async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return undefined;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Creates the receiver.
 *
 * @example
 * const receiver = createNotificationReceiver({
 *   verifyBearer: (token) => verifyBotFrameworkJwt(token),
 *   operationHub: client.operationHub,
 *   clientState: process.env.CLIENT_STATE,
 *   onChangeNotification: (n, { resource }) => queue.push(resource),
 * });
 * export default { fetch: (request) => receiver.handle(request) };
 */
export function createNotificationReceiver(
  options: NotificationReceiverOptions,
): NotificationReceiver {
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const seen = new RecentKeys(options.dedupeCapacity ?? 10_000);
  const states =
    options.clientState === undefined
      ? undefined
      : typeof options.clientState === "string"
        ? [options.clientState]
        : options.clientState;
  const pending = new Set<Promise<void>>();

  const report = (error: NotificationError) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing error hook must not break the receiver.
    }
  };

  /** Runs work after the response, tracked for `idle()` and handed to `waitUntil`. */
  const later = (work: () => Promise<void>) => {
    const task = Promise.resolve()
      .then(work)
      .catch((error: unknown) =>
        report(
          error instanceof NotificationError
            ? error
            : new NotificationError({
                message: "a notification handler failed",
                reason: "handler",
                cause: error,
              }),
        ),
      )
      .finally(() => pending.delete(task));
    pending.add(task);
    options.waitUntil?.(task);
  };

  async function payloadIssues(operationId: string, body: unknown): Promise<string | undefined> {
    if (!options.validate) return undefined;
    const issues = await options.validate({ operationId, direction: "request", body });
    return issues && issues.length > 0
      ? issues.map((issue) => `${issue.path || "/"} ${issue.message}`).join("; ")
      : undefined;
  }

  async function handleComms(
    request: Request,
    body: { value: CommsNotification[] },
  ): Promise<Response> {
    const header =
      request.headers.get("authorization") ?? request.headers.get("authentication") ?? "";
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!options.verifyBearer) {
      report(
        new NotificationError({
          message: "commsNotifications rejected: no verifyBearer is configured",
          reason: "bearer",
        }),
      );
      return text(401, "unauthorized");
    }
    if (!token || !(await options.verifyBearer(token, request))) {
      report(
        new NotificationError({
          message: "commsNotifications rejected: the bearer token did not verify",
          reason: "bearer",
        }),
      );
      return text(401, "unauthorized");
    }
    const issues = await payloadIssues("commsNotifications", body);
    if (issues) {
      report(
        new NotificationError({
          message: `commsNotifications payload is invalid: ${issues}`,
          reason: "payload",
        }),
      );
      return text(400, "invalid payload");
    }
    later(async () => {
      for (const notification of body.value) {
        const data = notification.resourceData;
        for (const operation of Array.isArray(data) ? data : data ? [data] : []) {
          if (!isObject(operation)) continue;
          const etag = typeof operation["@odata.etag"] === "string" ? operation["@odata.etag"] : "";
          const key = `op|${operation.id ?? notification.resourceUrl ?? notification.resource}|${etag}|${String(operation.status ?? "").toLowerCase()}`;
          if (!seen.add(key)) continue;
          options.operationHub?.publish(operation);
          await options.onOperation?.(operation, notification);
        }
      }
    });
    return text(202, "");
  }

  async function handleChanges(body: {
    value: ChangeNotification[];
    validationTokens?: string[];
  }): Promise<Response> {
    // Graph wants an answer within 3 s: acknowledge first, check and process afterwards.
    later(async () => {
      const issues = await payloadIssues("changeNotifications", body);
      if (issues) {
        throw new NotificationError({
          message: `change notification payload is invalid: ${issues}`,
          reason: "payload",
        });
      }
      if (body.validationTokens && options.verifyValidationTokens) {
        if (!(await options.verifyValidationTokens(body.validationTokens))) {
          throw new NotificationError({
            message: "validationTokens did not verify; the batch was dropped",
            reason: "validation-tokens",
          });
        }
      }
      for (const notification of body.value) {
        await processChange(notification);
      }
    });
    return text(202, "");
  }

  async function processChange(notification: ChangeNotification): Promise<void> {
    const subscriptionId = notification.subscriptionId;
    if (states && !clientStateMatches(states, notification.clientState)) {
      report(
        new NotificationError({
          message: `change notification for subscription ${subscriptionId} dropped: clientState does not match`,
          reason: "client-state",
          subscriptionId,
        }),
      );
      return;
    }
    const etag = notification.resourceData?.["@odata.etag"] ?? "";
    const key = `change|${subscriptionId}|${notification.id ?? ""}|${notification.changeType}|${notification.resource}|${String(etag)}|${notification.lifecycleEvent ?? ""}`;
    if (!seen.add(key)) return;
    try {
      if (notification.lifecycleEvent) {
        await options.onLifecycleEvent?.(notification);
        return;
      }
      let resource: unknown;
      if (notification.encryptedContent) {
        if (!options.decryptionKeys) {
          throw new NotificationError({
            message: "encryptedContent received but no decryptionKeys are configured",
            reason: "unknown-key",
            subscriptionId,
          });
        }
        resource = decryptContent(notification.encryptedContent, options.decryptionKeys);
      }
      await options.onChangeNotification?.(notification, { resource });
    } catch (error) {
      report(
        error instanceof NotificationError
          ? new NotificationError({
              message: error.message,
              reason: error.reason,
              subscriptionId,
              cause: error.cause,
            })
          : new NotificationError({
              message: `handler failed for subscription ${subscriptionId}`,
              reason: "handler",
              subscriptionId,
              cause: error,
            }),
      );
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const validationToken = url.searchParams.get("validationToken");
    if (validationToken !== null) {
      // URLSearchParams has already decoded it; Graph requires the decoded token back as text.
      return text(200, validationToken);
    }
    if (request.method !== "POST") return text(405, "method not allowed");
    const raw = await readLimited(request, maxBody);
    if (raw === undefined) return text(413, "payload too large");
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      report(
        new NotificationError({ message: "notification body is not JSON", reason: "payload" }),
      );
      return text(400, "invalid JSON");
    }
    if (!isObject(body) || !Array.isArray(body.value) || !body.value.every(isObject)) {
      report(
        new NotificationError({
          message: "notification body has no value array of objects",
          reason: "payload",
        }),
      );
      return text(400, "invalid payload");
    }
    const items = body.value as Record<string, unknown>[];
    if (items.some((item) => "subscriptionId" in item || "lifecycleEvent" in item)) {
      return handleChanges(body as { value: ChangeNotification[]; validationTokens?: string[] });
    }
    if (
      items.every((item) => "resourceUrl" in item || "resource" in item || "resourceData" in item)
    ) {
      return handleComms(request, body as { value: CommsNotification[] });
    }
    report(
      new NotificationError({
        message:
          "notification body is neither commsNotifications nor a changeNotificationCollection",
        reason: "payload",
      }),
    );
    return text(400, "invalid payload");
  }

  return {
    handle,
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
