// Generated from spec/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:
// change the spec and run `pnpm generate`.

import type { components } from "./schema.gen.js";

/** A further error. */
export type ErrorDetails = components["schemas"]["ErrorDetails"];
/** Service-specific details. The members below are those Graph is seen to send. */
export type InnerError = components["schemas"]["InnerError"];
/** The error. */
export type MainError = components["schemas"]["MainError"];
/** The body of every Graph error response. */
export type ODataError = components["schemas"]["ODataError"];
/** A recording of a Teams online meeting. Every property is read-only. */
export type CallRecording = components["schemas"]["callRecording"];
/** A page of recordings. */
export type CallRecordingCollectionResponse = components["schemas"]["callRecordingCollectionResponse"];
/** A page of a delta round over recordings. Exactly one of `@odata.nextLink` (more pages) and `@odata.deltaLink` (round complete) is present. */
export type CallRecordingDeltaCollectionResponse = components["schemas"]["callRecordingDeltaCollectionResponse"];
/** One change of a subscribed resource. */
export type ChangeNotification = components["schemas"]["changeNotification"];
/** A batch of subscription notifications, as POSTed to the notification URL. */
export type ChangeNotificationCollection = components["schemas"]["changeNotificationCollection"];
/** The encrypted resource of a notification with resource data. */
export type ChangeNotificationEncryptedContent = components["schemas"]["changeNotificationEncryptedContent"];
/** Kind of change a notification reports. */
export type ChangeType = components["schemas"]["changeType"];
/** One change on a call resource. Today's payloads name the resource with `resourceUrl`; the legacy (old beta `/app`) callbacks use `resource`, kept here as deprecated. One of the two is present; the schema does not enforce it (see DECISIONS.md), so read `resourceUrl ?? resource`. */
export type CommsNotification = components["schemas"]["commsNotification"];
/** A batch of call notifications, as POSTed to the call's callback URI. */
export type CommsNotifications = components["schemas"]["commsNotifications"];
/** An operation that a call action created (Graph's `commsOperation`). On the wire it is always one of its derived types, told apart by `@odata.type`, which is required here. The types in this description are `recordOperation` and `updateRecordingStatusOperation`. */
export type CommsOperation = components["schemas"]["commsOperation"];
/** Properties that every `commsOperation` has (Graph's entity type `commsOperation`, base type `entity`). Not used on its own: a payload is always one of the derived types, see `commsOperation`. */
export type CommsOperationBase = components["schemas"]["commsOperationBase"];
/** A page of a call's operations. */
export type CommsOperationCollectionResponse = components["schemas"]["commsOperationCollectionResponse"];
/** An Edm.DateTimeOffset as Graph writes it (RFC 3339, up to 12 fractional digits), for example `2023-12-02T06:59:34.7411768Z`. */
export type DateTimeOffset = components["schemas"]["dateTimeOffset"];
/** An Edm.Guid. */
export type Guid = components["schemas"]["guid"];
/** An identity (user, application or device). Open type. */
export type Identity = components["schemas"]["identity"];
/** The identities of an actor. Open type. */
export type IdentitySet = components["schemas"]["identitySet"];
/** Kind of subscription lifecycle event. */
export type LifecycleEventType = components["schemas"]["lifecycleEventType"];
/** Audio to play. */
export type MediaInfo = components["schemas"]["mediaInfo"];
/** A prompt that plays audio. */
export type MediaPrompt = components["schemas"]["mediaPrompt"];
/** Progress of a `commsOperation`. Graph sends these lowercase values; the metadata spells the members in PascalCase (`NotStarted`, `Running`, `Completed`, `Failed`), which never appear on the wire. */
export type OperationStatus = components["schemas"]["operationStatus"];
/** A prompt to play (Graph's abstract `prompt`). The only concrete type is `mediaPrompt`; `@odata.type` says so and is required. */
export type Prompt = components["schemas"]["prompt"];
/** Why a recording stopped (beta only). `none` is documented by the beta pages but absent from the beta metadata. */
export type RecordCompletionReason = components["schemas"]["recordCompletionReason"];
/** The operation created by `recordResponse` (and the superseded `record`). Today's payloads carry `recordingLocation` and `recordingAccessToken`; the old beta pages (and legacy callbacks) carry `recordResourceLocation`, `recordResourceAccessToken`, `createdDateTime` and `lastActionDateTime` instead, which are kept here as deprecated. To download the audio, GET `recordingLocation` (not a Graph URL) with `Authorization: Bearer <recordingAccessToken>`; it answers 200 with `application/octet-stream`, chunked. The audio is kept only briefly. */
export type RecordOperation = components["schemas"]["recordOperation"];
/** Parameters of the superseded beta action `record` (the seeds' pages). No limits were documented for the timeouts of this action beyond the int32 range. */
export type RecordPostRequestBody = components["schemas"]["recordPostRequestBody"];
/** Parameters of `recordResponse`. Every parameter is optional. */
export type RecordResponsePostRequestBody = components["schemas"]["recordResponsePostRequestBody"];
/** Recording state reported with `updateRecordingStatus`. The documentation names `notRecording`, `recording` and `failed`; the metadata also has `unknown` and the evolvable-enum sentinel `unknownFutureValue`. */
export type RecordingStatus = components["schemas"]["recordingStatus"];
/** Identifies the changed resource of a subscription notification (open type; the full resource travels only encrypted, in `encryptedContent`). The examples carry `id` and the annotations `@odata.type` (sometimes capitalised, `#Microsoft.Graph.callRecording`), `@odata.id` and `@odata.etag`. */
export type ResourceData = components["schemas"]["resourceData"];
/** Outcome of an operation. `code` is HTTP-like (2xx success, 4xx client error, 5xx server error); `subcode` refines it (for example 8515 with 200, "max record duration reached"). */
export type ResultInfo = components["schemas"]["resultInfo"];
/** A change-notification subscription. */
export type Subscription = components["schemas"]["subscription"];
/** Changes to a subscription (renewal). */
export type SubscriptionPatchRequestBody = components["schemas"]["subscriptionPatchRequestBody"];
/** A Teams user identity (derived from `identity`). */
export type TeamworkUserIdentity = components["schemas"]["teamworkUserIdentity"];
/** Kind of Teams user. */
export type TeamworkUserIdentityType = components["schemas"]["teamworkUserIdentityType"];
/** The operation created by `updateRecordingStatus`. It adds no properties to `commsOperation`. */
export type UpdateRecordingStatusOperation = components["schemas"]["updateRecordingStatusOperation"];
/** Parameters of `updateRecordingStatus`. */
export type UpdateRecordingStatusPostRequestBody = components["schemas"]["updateRecordingStatusPostRequestBody"];
