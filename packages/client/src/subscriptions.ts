/**
 * Change-notification subscriptions (create, renew, delete), on a client's transport. A separate
 * entry so that a calling bot's bundle does not carry it.
 */
import type { paths } from "@graph-recording/types";
import type { CallSettings, RecordingClient } from "./client.js";
import { internalsOf } from "./internal/context.js";
import type { Subscription, SubscriptionPatch } from "./models.js";
import { fill } from "./routes.js";

const templates = {
  subscriptions: "/subscriptions",
  subscription: "/subscriptions/{subscriptionId}",
} as const satisfies Record<string, keyof paths>;

const routes = {
  subscriptions: () => templates.subscriptions,
  subscription: (subscriptionId: string) => fill(templates.subscription, { subscriptionId }),
};
const operationIds = {
  createSubscription: "subscription_create",
  renewSubscription: "subscription_update",
  deleteSubscription: "subscription_delete",
} as const;

/**
 * The subscription calls, on a client's transport.
 *
 * @example
 * const subs = subscriptions(client);
 * await subs.createSubscription({ body: { changeType: "created", resource, notificationUrl, expirationDateTime, clientState } });
 */
export function subscriptions(client: RecordingClient) {
  const internals = internalsOf(client);
  return {
    /**
     * Creates a change-notification subscription (Graph validates the notification URL first).
     * Not idempotent: resent only after a 429.
     */
    createSubscription(input: { body: Subscription } & CallSettings) {
      return internals.sendJson<Subscription>(
        "createSubscription",
        operationIds.createSubscription,
        "POST",
        internals.url(routes.subscriptions()),
        input.body,
        input,
        {},
      );
    },

    /** Renews a subscription with a new expirationDateTime (and optionally a new notificationUrl). */
    renewSubscription(input: { subscriptionId: string; body: SubscriptionPatch } & CallSettings) {
      return internals.sendJson<Subscription>(
        "renewSubscription",
        operationIds.renewSubscription,
        "PATCH",
        internals.url(routes.subscription(input.subscriptionId)),
        input.body,
        input,
      );
    },

    /** Deletes a subscription. */
    async deleteSubscription(input: { subscriptionId: string } & CallSettings): Promise<void> {
      await internals.sendJson<undefined>(
        "deleteSubscription",
        operationIds.deleteSubscription,
        "DELETE",
        internals.url(routes.subscription(input.subscriptionId)),
        undefined,
        input,
      );
    },
  };
}

/** The object returned by {@link subscriptions}. */
export type Subscriptions = ReturnType<typeof subscriptions>;
