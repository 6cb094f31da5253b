/**
 * The shapes this client sends and returns: the component types generated from
 * spec/openapi.yaml by `@graph-recording/types`, loosened only where Graph applies defaults.
 */
import type {
  CallRecording,
  CommsOperation,
  RecordOperation,
  RecordPostRequestBody,
  RecordResponsePostRequestBody,
  Subscription,
  SubscriptionPatchRequestBody,
  UpdateRecordingStatusOperation,
  UpdateRecordingStatusPostRequestBody,
} from "@graph-recording/types";

export type {
  CallRecording,
  CommsOperation,
  RecordOperation,
  Subscription,
  UpdateRecordingStatusOperation,
};

/** Body of recordResponse; every parameter has a service-side default, and `clientContext` is generated when absent. */
export type RecordResponseBody = Partial<RecordResponsePostRequestBody>;
/** Body of the legacy beta `record` action. */
export type RecordBody = Partial<RecordPostRequestBody>;
/** Body of updateRecordingStatus. */
export type UpdateRecordingStatusBody = UpdateRecordingStatusPostRequestBody;
/** The renewal body of a subscription. */
export type SubscriptionPatch = SubscriptionPatchRequestBody;
