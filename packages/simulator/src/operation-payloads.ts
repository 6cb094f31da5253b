/**
 * The JSON of operations as Graph sends them: in action answers and GET operations/{id}, and
 * inside the commsNotifications callback (today's form, or the seed-era legacy form for
 * operations started under `/app` or `/applications`).
 */
import type { SimOperation } from "./state.js";

/** The JSON of an operation as Graph returns it. */
export function operationJson(
  op: SimOperation,
  options: { beta: boolean },
): Record<string, unknown> {
  if (op.kind === "updateRecordingStatus") {
    return {
      "@odata.type": "#microsoft.graph.updateRecordingStatusOperation",
      id: op.id,
      clientContext: op.clientContext,
      status: op.status,
      resultInfo: op.resultInfo,
    };
  }
  const json: Record<string, unknown> = {
    "@odata.type": "#microsoft.graph.recordOperation",
    id: op.id,
    clientContext: op.clientContext,
    status: op.status,
    resultInfo: op.resultInfo,
  };
  if (op.legacy) {
    json.recordResourceLocation = op.recording?.location ?? null;
    json.recordResourceAccessToken = op.recording?.accessToken ?? null;
    json.createdDateTime = new Date(op.createdAt).toISOString();
    json.lastActionDateTime = new Date(op.lastActionAt).toISOString();
  } else {
    json.recordingLocation = op.recording?.location ?? null;
    json.recordingAccessToken = op.recording?.accessToken ?? null;
  }
  if (options.beta) json.completionReason = op.completionReason;
  return json;
}

/** The commsNotifications body reporting a finished operation (`changeType: deleted`). */
export function commsNotificationsBody(op: SimOperation): Record<string, unknown> {
  const prefix = op.legacy ? "/app/calls" : "/communications/calls";
  const path = `${prefix}/${op.callId}/operations/${op.id}`;
  const { "@odata.type": type, id, ...state } = operationJson(op, { beta: true });
  // Legacy callbacks (seed 003) name the operation by @odata.id only, without an id.
  const resourceData = {
    "@odata.type": type,
    "@odata.id": path,
    "@odata.etag": `W/"${op.etag}"`,
    ...(op.legacy ? {} : { id }),
    ...state,
  };
  const notification: Record<string, unknown> = op.legacy
    ? { changeType: "deleted", resource: path, resourceData }
    : {
        "@odata.type": "#microsoft.graph.commsNotification",
        changeType: "deleted",
        resourceUrl: path,
        resourceData,
      };
  return op.legacy
    ? { value: [notification] }
    : { "@odata.type": "#microsoft.graph.commsNotifications", value: [notification] };
}
