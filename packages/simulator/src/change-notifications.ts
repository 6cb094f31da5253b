/**
 * Subscription notifications: a `changeNotificationCollection` to every live subscription whose
 * resource covers a new recording (with encrypted resource data and validation tokens when the
 * subscription asked for them), and lifecycle notifications on demand.
 */
import { uuid } from "./ids.js";
import type { Delivery } from "./outbound.js";
import { encryptResource, readCertificate, type TokenSigner } from "./rich-notifications.js";
import { recordingJson } from "./routes/recordings.js";
import type { SimRecording, SimSubscription, SimulatorState } from "./state.js";
import { SimulatorUsageError } from "./state.js";

/** Lifecycle events Graph sends to `lifecycleNotificationUrl`. */
export type LifecycleEvent = "subscriptionRemoved" | "reauthorizationRequired" | "missed";

/** First retry of a failed change notification, then doubling. */
const RETRY_FIRST_MS = 60_000;
/** Graph gives up on a notification after 4 hours. */
const RETRY_WINDOW_MS = 4 * 60 * 60_000;

const LIFECYCLE_EVENTS = new Set<string>([
  "subscriptionRemoved",
  "reauthorizationRequired",
  "missed",
]);

function covers(sub: SimSubscription, recording: SimRecording, organizer: string): boolean {
  const t = sub.target;
  return (
    t.kind === "tenant" ||
    (t.kind === "meeting" && t.meetingId === recording.meetingId) ||
    (t.kind === "organizer" && t.userId === organizer)
  );
}

/** Sends subscription notifications. */
export class ChangeNotifier {
  constructor(
    private readonly state: SimulatorState,
    private readonly signer: TokenSigner,
  ) {}

  /** Notifies every live subscription that covers a new recording; resolves once all answered. */
  async recordingAdded(recording: SimRecording): Promise<void> {
    const now = this.state.clock.now();
    const organizer = this.state.organizerOf(recording);
    const sends: Promise<unknown>[] = [];
    for (const sub of this.state.subscriptions.values()) {
      if (sub.expiresAt <= now) continue;
      if (!sub.changeType.split(",").some((t) => t.trim() === "created")) continue;
      if (!covers(sub, recording, organizer)) continue;
      sends.push(this.send(sub, recording));
    }
    await Promise.allSettled(sends);
  }

  private send(sub: SimSubscription, recording: SimRecording): Promise<Delivery> {
    const meeting = this.state.meetings.get(recording.meetingId);
    const tenantId = meeting?.tenantId ?? this.state.config.tenantId;
    const resource = `communications/onlineMeetings('${recording.meetingId}')/recordings('${recording.id}')`;
    const notification: Record<string, unknown> = {
      id: uuid(),
      subscriptionId: sub.id,
      changeType: "created",
      clientState: sub.clientState,
      subscriptionExpirationDateTime: new Date(sub.expiresAt).toISOString(),
      resource,
      resourceData: {
        "@odata.type": "#Microsoft.Graph.callRecording",
        "@odata.id": resource,
        id: recording.id,
      },
      tenantId,
    };
    const body: Record<string, unknown> = { value: [notification] };
    const certificate = sub.encryptionCertificate
      ? readCertificate(sub.encryptionCertificate)
      : undefined;
    if (sub.includeResourceData && certificate && sub.encryptionCertificateId) {
      // The decrypted resource is the callRecording without its type annotation, content null.
      const { "@odata.type": _type, ...resourceJson } = recordingJson(
        recording,
        this.state,
        `${this.state.config.graphUrl()}/beta`,
      );
      notification.encryptedContent = encryptResource(
        { ...resourceJson, content: null },
        certificate,
        sub.encryptionCertificateId,
      );
      body.validationTokens = [
        this.signer.validationToken({
          applicationId: this.state.config.applicationId,
          tenantId,
          now: this.state.clock.now(),
        }),
      ];
    }
    return this.deliver(sub.notificationUrl, JSON.stringify(body), this.state.clock.now(), 0);
  }

  /**
   * Sends one change notification. When the receiver fails (no answer, or a 5xx), Graph tries
   * again for up to 4 hours: here after 1 minute, then twice as long each time, on the clock.
   * A 4xx is final, as the spec's webhook says.
   */
  private async deliver(
    url: string,
    body: string,
    firstAt: number,
    attempt: number,
  ): Promise<Delivery> {
    const delivery = await this.state.outbound.send({
      kind: "changeNotification",
      url,
      headers: { "content-type": "application/json; charset=utf-8" },
      body,
      timeoutMs: this.state.config.deliveryTimeoutMs,
    });
    const failed = delivery.status === undefined || delivery.status >= 500;
    const delay = RETRY_FIRST_MS * 2 ** attempt;
    if (failed && this.state.config.retryNotifications) {
      if (this.state.clock.now() + delay - firstAt <= RETRY_WINDOW_MS) {
        this.state.clock.after(delay, () => this.deliver(url, body, firstAt, attempt + 1));
      }
    }
    return delivery;
  }

  /**
   * Sends a lifecycle notification to a subscription's lifecycleNotificationUrl;
   * `subscriptionRemoved` also deletes the subscription, as Graph does.
   */
  async lifecycle(subscriptionId: string, event: LifecycleEvent): Promise<Delivery> {
    if (!LIFECYCLE_EVENTS.has(event)) {
      throw new SimulatorUsageError(
        `unknown lifecycle event ${JSON.stringify(event)}; expected subscriptionRemoved, reauthorizationRequired or missed`,
      );
    }
    const sub = this.state.subscriptions.get(subscriptionId);
    if (!sub) throw new SimulatorUsageError(`no subscription with id ${subscriptionId}`, 404);
    if (!sub.lifecycleNotificationUrl) {
      throw new SimulatorUsageError(
        `subscription ${subscriptionId} has no lifecycleNotificationUrl`,
      );
    }
    if (event === "subscriptionRemoved") this.state.subscriptions.delete(sub.id);
    const notification = {
      id: uuid(),
      subscriptionId: sub.id,
      changeType: sub.changeType.split(",")[0]?.trim() || "created",
      lifecycleEvent: event,
      clientState: sub.clientState,
      subscriptionExpirationDateTime: new Date(sub.expiresAt).toISOString(),
      resource: sub.resource,
      tenantId: this.state.config.tenantId,
    };
    return this.state.outbound.send({
      kind: "lifecycleNotification",
      url: sub.lifecycleNotificationUrl,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ value: [notification] }),
      timeoutMs: this.state.config.deliveryTimeoutMs,
    });
  }
}
