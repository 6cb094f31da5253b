/**
 * The call paths the client wraps, as spelled in spec/openapi.yaml, with the spec's operationId
 * of each (used for validation). Meeting-recording and subscription paths live with their modules.
 */
const enc = encodeURIComponent;

export const routes = {
  recordResponse: (callId: string) => `/communications/calls/${enc(callId)}/recordResponse`,
  record: (callId: string) => `/communications/calls/${enc(callId)}/record`,
  updateRecordingStatus: (callId: string) =>
    `/communications/calls/${enc(callId)}/updateRecordingStatus`,
  /** Graph's navigation property `call.operations`; used to reconcile actions by clientContext. */
  operations: (callId: string) => `/communications/calls/${enc(callId)}/operations`,
  operation: (callId: string, operationId: string) =>
    `/communications/calls/${enc(callId)}/operations/${enc(operationId)}`,
};

/** The spec's operationId of each wrapped call. */
export const operationIds = {
  recordResponse: "call_recordResponse",
  record: "call_record",
  updateRecordingStatus: "call_updateRecordingStatus",
  getOperation: "call_getOperation",
  listOperations: "call_listOperations",
} as const;
