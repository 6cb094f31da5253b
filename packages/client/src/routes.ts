/**
 * The call paths the client wraps, as spelled in spec/openapi.yaml, with the spec's operationId
 * of each (used for validation). Meeting-recording and subscription paths live with their modules.
 */
import type { operations, paths } from "@graph-recording/types";

const enc = encodeURIComponent;

/**
 * Path templates from the spec; `satisfies` fails the build when the spec renames one. They exist
 * for the compiler only: each route below must produce a path of its template's shape.
 */
const templates = {
  recordResponse: "/communications/calls/{callId}/recordResponse",
  record: "/communications/calls/{callId}/record",
  updateRecordingStatus: "/communications/calls/{callId}/updateRecordingStatus",
  operations: "/communications/calls/{callId}/operations",
  operation: "/communications/calls/{callId}/operations/{operationId}",
} as const satisfies Record<string, keyof paths>;

/** A template with every `{name}` replaced by any string: the type of the paths it describes. */
type Filled<T extends string> = T extends `${infer Head}{${string}}${infer Tail}`
  ? `${Head}${string}${Filled<Tail>}`
  : T;
type Route<K extends keyof typeof templates> = Filled<(typeof templates)[K]>;

/** Each template split once: literal text at even indexes, placeholder names at odd ones. */
const compiled = new Map<string, readonly string[]>();

/**
 * Fills `{name}` placeholders with percent-encoded values. Runs once per request, so the template
 * is split once and reused (a replace with a callback costs about a microsecond per call).
 */
export function fill(template: string, values: Record<string, string>): string {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let path = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    path += enc(values[parts[i] as string] ?? "") + parts[i + 1];
  }
  return path;
}

/** The call paths, as template literals (the cheapest way to build a path on every request). */
export const routes = {
  recordResponse: (callId: string): Route<"recordResponse"> =>
    `/communications/calls/${enc(callId)}/recordResponse`,
  record: (callId: string): Route<"record"> => `/communications/calls/${enc(callId)}/record`,
  updateRecordingStatus: (callId: string): Route<"updateRecordingStatus"> =>
    `/communications/calls/${enc(callId)}/updateRecordingStatus`,
  /** The list of a call's operations, where actions are reconciled by clientContext. */
  operations: (callId: string): Route<"operations"> =>
    `/communications/calls/${enc(callId)}/operations`,
  operation: (callId: string, operationId: string): Route<"operation"> =>
    `/communications/calls/${enc(callId)}/operations/${enc(operationId)}`,
};

/** The spec's operationId of each wrapped call; `satisfies` fails the build when the spec renames one. */
export const operationIds = {
  recordResponse: "call_recordResponse",
  record: "call_record",
  updateRecordingStatus: "call_updateRecordingStatus",
  getOperation: "call_getOperation",
  listOperations: "call_listOperations",
} as const satisfies Record<string, keyof operations>;
