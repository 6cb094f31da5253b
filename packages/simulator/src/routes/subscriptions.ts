/**
 * Change-notification subscriptions for new recordings: create (after the `validationToken`
 * handshake with the subscriber), read, renew and delete.
 */
import { GraphHttpError } from "../errors.js";
import { uuid } from "../ids.js";
import { jsonResponse } from "../pipeline.js";
import { readCertificate } from "../rich-notifications.js";
import type { SimSubscription, SubscriptionTarget } from "../state.js";
import type { GraphHandler, GraphRequest, HandlerContext } from "./context.js";

/** Longest lifetime Graph allows for recording subscriptions (4230 minutes). */
const MAX_LIFETIME_MS = 4230 * 60_000;
/** Beyond this lifetime Graph requires a lifecycleNotificationUrl for recordings. */
const LIFECYCLE_REQUIRED_AFTER_MS = 60 * 60_000;

function invalid(message: string): GraphHttpError {
  return new GraphHttpError({ status: 400, code: "InvalidRequest", message });
}

/** Maps a subscription `resource` onto the recordings it covers. */
function subscriptionTarget(resource: string): SubscriptionTarget | undefined {
  const path = resource.replace(/^\//, "").replace(/\?.*$/, "");
  if (/^communications\/onlineMeetings\/getAllRecordings$/.test(path)) return { kind: "tenant" };
  const meeting = /^communications\/onlineMeetings(?:\/([^/()]+)|\('([^']+)'\))\/recordings$/.exec(
    path,
  );
  if (meeting)
    return { kind: "meeting", meetingId: decodeURIComponent(meeting[1] ?? meeting[2] ?? "") };
  const user = /^users(?:\/([^/()]+)|\('([^']+)'\))\/onlineMeetings\/getAllRecordings$/.exec(path);
  if (user) return { kind: "organizer", userId: decodeURIComponent(user[1] ?? user[2] ?? "") };
  return undefined;
}

function stringField(
  body: Record<string, unknown>,
  name: string,
  required: boolean,
): string | null {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw invalid(`Property '${name}' is required to create a subscription.`);
    return null;
  }
  if (typeof value !== "string") throw invalid(`Property '${name}' must be a string.`);
  return value;
}

function expiry(body: Record<string, unknown>, now: number, lifecycle: string | null): number {
  const raw = stringField(body, "expirationDateTime", true) as string;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) throw invalid(`expirationDateTime '${raw}' is not a date-time.`);
  if (at <= now) throw invalid(`expirationDateTime '${raw}' is in the past.`);
  if (at - now > MAX_LIFETIME_MS) {
    throw invalid(
      `expirationDateTime '${raw}' is more than 4230 minutes ahead, the limit for recordings.`,
    );
  }
  if (at - now > LIFECYCLE_REQUIRED_AFTER_MS && !lifecycle) {
    throw invalid(
      "lifecycleNotificationUrl is required when expirationDateTime is more than 1 hour ahead for recording resources.",
    );
  }
  return at;
}

function checkUrl(name: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`${name} '${value}' is not an absolute URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(`${name} '${value}' must be an http(s) URL.`);
  }
}

/**
 * The handshake Graph performs before creating a subscription: POST `?validationToken=…` as
 * text/plain; the subscriber must answer 200 with the decoded token as its body, in time.
 */
async function validateEndpoint(
  url: string,
  ctx: HandlerContext,
  requestId: string,
): Promise<void> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${requestId}`;
  const target = new URL(url);
  target.searchParams.set("validationToken", token);
  const delivery = await ctx.state.outbound.send({
    kind: "subscriptionValidation",
    url: target.href,
    headers: { "content-type": "text/plain; charset=utf-8" },
    body: "",
    timeoutMs: ctx.validationTimeoutMs,
  });
  if (delivery.status !== 200 || delivery.responseBody !== token) {
    const why =
      delivery.error !== undefined
        ? `no answer (${delivery.error})`
        : delivery.status !== 200
          ? `status ${delivery.status}`
          : "a body that is not the decoded validationToken";
    throw invalid(
      `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request; ${url} gave ${why}.`,
    );
  }
}

/** The JSON of a subscription as Graph returns it. */
export function subscriptionJson(
  sub: SimSubscription,
  applicationId: string,
): Record<string, unknown> {
  return {
    id: sub.id,
    applicationId,
    resource: sub.resource,
    changeType: sub.changeType,
    clientState: sub.clientState,
    notificationUrl: sub.notificationUrl,
    lifecycleNotificationUrl: sub.lifecycleNotificationUrl,
    expirationDateTime: new Date(sub.expiresAt).toISOString(),
    includeResourceData: sub.includeResourceData,
    encryptionCertificateId: sub.encryptionCertificateId,
  };
}

function subscriptionFor(req: GraphRequest, ctx: HandlerContext): SimSubscription {
  const id = req.params.subscriptionId ?? "";
  const sub = ctx.state.subscriptions.get(id);
  if (!sub) {
    throw new GraphHttpError({
      status: 404,
      code: "itemNotFound",
      message: `Subscription ${id} was not found.`,
    });
  }
  return sub;
}

/** POST /subscriptions. */
export const createSubscription: GraphHandler = async (req, ctx) => {
  const body = req.body as Record<string, unknown>;
  const resource = stringField(body, "resource", true) as string;
  const target = subscriptionTarget(resource);
  if (!target) {
    throw invalid(
      `Resource '${resource}' is not supported: subscribe to communications/onlineMeetings/getAllRecordings, communications/onlineMeetings/{id}/recordings or users/{id}/onlineMeetings/getAllRecordings.`,
    );
  }
  const changeType = stringField(body, "changeType", true) as string;
  const types = changeType.split(",").map((t) => t.trim());
  if (types.some((t) => t !== "created")) {
    throw invalid(`changeType '${changeType}' is not supported for recordings: only 'created' is.`);
  }
  const notificationUrl = stringField(body, "notificationUrl", true) as string;
  checkUrl("notificationUrl", notificationUrl);
  const lifecycle = stringField(body, "lifecycleNotificationUrl", false);
  if (lifecycle) checkUrl("lifecycleNotificationUrl", lifecycle);
  const expiresAt = expiry(body, ctx.state.clock.now(), lifecycle);
  const includeResourceData = body.includeResourceData === true;
  const certificate = stringField(body, "encryptionCertificate", false);
  const certificateId = stringField(body, "encryptionCertificateId", false);
  if (includeResourceData && (!certificate || !certificateId)) {
    throw invalid(
      "includeResourceData requires encryptionCertificate and encryptionCertificateId.",
    );
  }
  if (includeResourceData && certificate && !readCertificate(certificate)) {
    throw invalid(
      "encryptionCertificate is not a base64-encoded X.509 certificate with an RSA key.",
    );
  }
  await validateEndpoint(notificationUrl, ctx, req.ids.requestId);
  if (lifecycle) await validateEndpoint(lifecycle, ctx, req.ids.requestId);
  const sub: SimSubscription = {
    id: uuid(),
    resource,
    changeType,
    notificationUrl,
    lifecycleNotificationUrl: lifecycle,
    clientState: stringField(body, "clientState", false),
    expiresAt,
    includeResourceData,
    encryptionCertificate: certificate,
    encryptionCertificateId: certificateId,
    target,
  };
  ctx.state.subscriptions.set(sub.id, sub);
  return jsonResponse(201, subscriptionJson(sub, ctx.state.config.applicationId), {
    location: `${req.serviceRoot}/subscriptions/${sub.id}`,
  });
};

/** PATCH /subscriptions/{id}: renews (a new expirationDateTime). */
export const renewSubscription: GraphHandler = (req, ctx) => {
  const sub = subscriptionFor(req, ctx);
  sub.expiresAt = expiry(
    req.body as Record<string, unknown>,
    ctx.state.clock.now(),
    sub.lifecycleNotificationUrl,
  );
  return jsonResponse(200, subscriptionJson(sub, ctx.state.config.applicationId));
};

/** DELETE /subscriptions/{id}. */
export const deleteSubscription: GraphHandler = (req, ctx) => {
  const sub = subscriptionFor(req, ctx);
  ctx.state.subscriptions.delete(sub.id);
  return new Response(null, { status: 204 });
};
