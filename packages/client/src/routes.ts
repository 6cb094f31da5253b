/**
 * The call paths the client wraps, as spelled in spec/openapi.yaml, with the spec's operationId
 * of each (used for validation). Meeting-recording and subscription paths live with their modules.
 */
import type { operations, paths } from "@graph-recording/types";

const enc = encodeURIComponent;

/** Path templates from the spec; `satisfies` fails the build when the spec renames one. */
const templates = {
  recordResponse: "/communications/calls/{callId}/recordResponse",
  record: "/communications/calls/{callId}/record",
  updateRecordingStatus: "/communications/calls/{callId}/updateRecordingStatus",
  operations: "/communications/calls/{callId}/operations",
  operation: "/communications/calls/{callId}/operations/{operationId}",
} as const satisfies Record<string, keyof paths>;

/** Fills `{name}` placeholders with percent-encoded values. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => enc(values[name] ?? ""));
}

export const routes = {
  recordResponse: (callId: string) => fill(templates.recordResponse, { callId }),
  record: (callId: string) => fill(templates.record, { callId }),
  updateRecordingStatus: (callId: string) => fill(templates.updateRecordingStatus, { callId }),
  /** The list of a call's operations, where actions are reconciled by clientContext. */
  operations: (callId: string) => fill(templates.operations, { callId }),
  operation: (callId: string, operationId: string) =>
    fill(templates.operation, { callId, operationId }),
};

/** The spec's operationId of each wrapped call; `satisfies` fails the build when the spec renames one. */
export const operationIds = {
  recordResponse: "call_recordResponse",
  record: "call_record",
  updateRecordingStatus: "call_updateRecordingStatus",
  getOperation: "call_getOperation",
  listOperations: "call_listOperations",
} as const satisfies Record<string, keyof operations>;
