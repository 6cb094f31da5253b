/**
 * Zod 4 validators for the Microsoft Graph call-recording APIs, generated from spec/openapi.yaml by
 * `@graph-recording/openapi-zod`: one open and one strict validator per component (response and request
 * direction), per-operation and per-webhook body validators, and validators by JSON pointer.
 *
 * @example
 * import { recordOperationStrictSchema } from "@graph-recording/zod";
 * const result = recordOperationStrictSchema.safeParse(payload);
 */
export * from "./generated/validators.gen.js";
export {
  type OperationId,
  requestValidator,
  responseValidator,
  type ValidationMode,
  type WebhookName,
  webhookPayloadValidator,
} from "./lookup.js";
