/**
 * Every Graph operation the simulator serves, keyed by the spec's operationId and path. A test
 * compares this table with spec/openapi.yaml in both directions.
 */
import { getOperation, listOperations, startAction, startLegacyRecord } from "./calls.js";
import type { GraphHandler } from "./context.js";
import {
  getAllRecordings,
  getRecording,
  getRecordingContent,
  listRecordings,
  recordingsDelta,
} from "./recordings.js";
import { createSubscription, deleteSubscription, renewSubscription } from "./subscriptions.js";

/** One served operation. */
export interface RouteDef {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path as written in the spec (OpenAPI template). */
  path: string;
  /** Hono pattern, when the template cannot be turned into one mechanically. */
  pattern?: string;
  /** Whether the request carries a JSON body. */
  body: boolean;
  /** Served under `/beta` only (the spec gives these operations the beta server alone). */
  betaOnly?: boolean;
  handler: GraphHandler;
}

const GET_ALL = ":fn{getAllRecordings(?:\\(.*\\))?}";
const GET_ALL_TEMPLATE =
  "getAllRecordings(meetingOrganizerUserId='{meetingOrganizerUserId}',startDateTime=@startDateTime,endDateTime=@endDateTime)";

/** The Graph routes. */
export const GRAPH_ROUTES: RouteDef[] = [
  {
    operationId: "call_record",
    betaOnly: true,
    method: "POST",
    path: "/communications/calls/{callId}/record",
    body: true,
    handler: startAction("record"),
  },
  {
    operationId: "appCall_record",
    betaOnly: true,
    method: "POST",
    path: "/app/calls/{callId}/record",
    body: true,
    handler: startLegacyRecord,
  },
  {
    operationId: "applicationCall_record",
    betaOnly: true,
    method: "POST",
    path: "/applications/{applicationId}/calls/{callId}/record",
    body: true,
    handler: startLegacyRecord,
  },
  {
    operationId: "appCall_recordResponse",
    betaOnly: true,
    method: "POST",
    path: "/app/calls/{callId}/recordResponse",
    body: true,
    handler: startAction("recordResponse"),
  },
  {
    operationId: "appCall_updateRecordingStatus",
    betaOnly: true,
    method: "POST",
    path: "/app/calls/{callId}/updateRecordingStatus",
    body: true,
    handler: startAction("updateRecordingStatus"),
  },
  {
    operationId: "call_recordResponse",
    method: "POST",
    path: "/communications/calls/{callId}/recordResponse",
    body: true,
    handler: startAction("recordResponse"),
  },
  {
    operationId: "call_updateRecordingStatus",
    method: "POST",
    path: "/communications/calls/{callId}/updateRecordingStatus",
    body: true,
    handler: startAction("updateRecordingStatus"),
  },
  {
    operationId: "call_listOperations",
    method: "GET",
    path: "/communications/calls/{callId}/operations",
    body: false,
    handler: listOperations,
  },
  {
    operationId: "call_getOperation",
    method: "GET",
    path: "/communications/calls/{callId}/operations/{operationId}",
    body: false,
    handler: getOperation,
  },
  {
    operationId: "me_onlineMeeting_listRecordings",
    method: "GET",
    path: "/me/onlineMeetings/{meetingId}/recordings",
    body: false,
    handler: listRecordings,
  },
  {
    operationId: "me_onlineMeeting_getRecording",
    method: "GET",
    path: "/me/onlineMeetings/{meetingId}/recordings/{recordingId}",
    body: false,
    handler: getRecording,
  },
  {
    operationId: "me_onlineMeeting_getRecordingContent",
    method: "GET",
    path: "/me/onlineMeetings/{meetingId}/recordings/{recordingId}/content",
    body: false,
    handler: getRecordingContent,
  },
  {
    operationId: "user_onlineMeeting_listRecordings",
    method: "GET",
    path: "/users/{userId}/onlineMeetings/{meetingId}/recordings",
    body: false,
    handler: listRecordings,
  },
  {
    operationId: "user_onlineMeeting_getRecording",
    method: "GET",
    path: "/users/{userId}/onlineMeetings/{meetingId}/recordings/{recordingId}",
    body: false,
    handler: getRecording,
  },
  {
    operationId: "user_onlineMeeting_getRecordingContent",
    method: "GET",
    path: "/users/{userId}/onlineMeetings/{meetingId}/recordings/{recordingId}/content",
    body: false,
    handler: getRecordingContent,
  },
  {
    operationId: "user_onlineMeeting_getAllRecordings",
    method: "GET",
    path: `/users/{userId}/onlineMeetings/${GET_ALL_TEMPLATE}`,
    pattern: `/users/:userId/onlineMeetings/${GET_ALL}`,
    body: false,
    handler: getAllRecordings,
  },
  {
    operationId: "user_onlineMeeting_getAllRecordings_delta",
    method: "GET",
    path: `/users/{userId}/onlineMeetings/${GET_ALL_TEMPLATE}/delta`,
    pattern: `/users/:userId/onlineMeetings/${GET_ALL}/delta`,
    body: false,
    handler: recordingsDelta,
  },
  {
    operationId: "subscription_create",
    method: "POST",
    path: "/subscriptions",
    body: true,
    handler: createSubscription,
  },
  {
    operationId: "subscription_update",
    method: "PATCH",
    path: "/subscriptions/{subscriptionId}",
    body: true,
    handler: renewSubscription,
  },
  {
    operationId: "subscription_delete",
    method: "DELETE",
    path: "/subscriptions/{subscriptionId}",
    body: false,
    handler: deleteSubscription,
  },
];

/** Turns an OpenAPI path template into a Hono pattern (`{x}` becomes `:x`). */
export function honoPattern(route: RouteDef): string {
  return route.pattern ?? route.path.replace(/\{([^}]+)\}/g, ":$1");
}
