/**
 * Types for the Microsoft Graph call-recording APIs, generated from spec/openapi.yaml.
 *
 * `paths`, `operations`, `webhooks` and `components` are the openapi-typescript output (use them
 * with openapi-fetch); every component schema is also exported under a readable name.
 *
 * @example
 * import type { RecordOperation } from "@graph-recording/types";
 * const done = (operation: RecordOperation) => operation.status === "completed";
 */
export type * from "./generated/components.gen.js";
export type { components, operations, paths, webhooks } from "./generated/schema.gen.js";
