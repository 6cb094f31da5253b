/**
 * The shapes this client returns. They are the generated component types of
 * `@graph-recording/types`, narrowed where the client guarantees more.
 */
import type { OperationLike } from "./operations.js";

/** A recordOperation (recordResponse / record). */
export type RecordOperation = OperationLike & Record<string, unknown>;
/** An updateRecordingStatusOperation. */
export type UpdateRecordingStatusOperation = OperationLike & Record<string, unknown>;
/** Any commsOperation. */
export type CommsOperation = OperationLike & Record<string, unknown>;
/** A callRecording. */
export type CallRecording = { id?: string } & Record<string, unknown>;
/** Body of recordResponse / record. */
export type RecordResponseBody = { clientContext?: string | null } & Record<string, unknown>;
/** Body of updateRecordingStatus. */
export type UpdateRecordingStatusBody = { status: string; clientContext?: string | null } & Record<
  string,
  unknown
>;
/** A change-notification subscription. */
export type Subscription = {
  id?: string;
  changeType?: string;
  notificationUrl?: string;
  resource?: string;
  expirationDateTime?: string;
  clientState?: string | null;
} & Record<string, unknown>;
/** The renewal body of a subscription. */
export type SubscriptionPatch = { expirationDateTime: string; notificationUrl?: string } & Record<
  string,
  unknown
>;
