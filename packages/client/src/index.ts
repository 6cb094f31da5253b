/**
 * `@graph-recording/client`: a typed, safe client for Microsoft Graph call-recording bots.
 *
 * @example
 * import { createRecordingClient } from "@graph-recording/client";
 * const client = createRecordingClient({ getToken: async () => token });
 */
export {
  type ActionResponse,
  type CallSettings,
  createRecordingClient,
  type RecordingClient,
  type RecordingClientOptions,
} from "./client.js";
export type { DownloadOptions, RecordingDownload } from "./download.js";
export {
  AbortedError,
  GraphError,
  type GraphErrorBody,
  isRecordingClientError,
  MayHaveBeenSentError,
  NetworkError,
  NotificationError,
  type NotificationFailure,
  OperationFailedError,
  PaymentRequiredError,
  ProtocolError,
  type RecordingClientError,
  type RecordingErrorKind,
  type ResultInfo,
  ThrottledError,
  TimeoutError,
  TokenError,
  ValidationError,
  type ValidationIssue,
} from "./errors.js";
export {
  type FaultLogEntry,
  type FaultScript,
  type FaultStep,
  scriptedFetch,
} from "./faults.js";
export { GRAPH_BETA, GRAPH_ORIGINS, GRAPH_V1 } from "./hosts.js";
export { parseRetryAfter } from "./internal/timing.js";
export type { AllRecordingsRef, MeetingRef } from "./meeting-routes.js";
export type {
  CallRecording,
  CommsOperation,
  RecordBody,
  RecordOperation,
  RecordResponseBody,
  Subscription,
  SubscriptionPatch,
  UpdateRecordingStatusBody,
  UpdateRecordingStatusOperation,
} from "./models.js";
export { OperationHub, type OperationLike, type PollOptions } from "./operations.js";
export {
  type CollectionPage,
  type DeltaLinkStore,
  type DeltaOptions,
  memoryDeltaLinkStore,
  type PagedIterable,
} from "./paging.js";
export { createRawClient, recordingFetch } from "./raw.js";
export { downloadRecordedAudio } from "./recorded-audio.js";
export { type MeetingRecordings, meetingRecordings } from "./recordings.js";
export { type Subscriptions, subscriptions } from "./subscriptions.js";
export type { AccessToken, TokenProvider } from "./token.js";
export type { Credential, RetryPolicy } from "./transport.js";
export type { Validate, ValidationInput, ValidationMode, ValidationOptions } from "./validation.js";
export { type ZodSchemaModule, zodValidator } from "./zod-validator.js";
