import type * as z from "zod";
import { operations, webhooks } from "./generated/validators.gen.js";

/** Open (the spec's semantics) or strict (closed world: undeclared properties are errors, `@odata.*` excepted). */
export type ValidationMode = "open" | "strict";

/** Operation ids of the spec. */
export type OperationId = keyof typeof operations;
/** Webhook names of the spec. */
export type WebhookName = keyof typeof webhooks;

interface BodyValidators {
  readonly open: z.ZodType;
  readonly strict: z.ZodType;
}
interface OperationLike {
  readonly request?: BodyValidators;
  readonly responses: { readonly [status: string]: BodyValidators };
}

/**
 * The validator of an operation's JSON request body, or undefined when the operation takes none.
 *
 * @example
 * requestValidator("call_recordResponse", "strict")?.safeParse(body)
 */
export function requestValidator(
  operationId: OperationId,
  mode: ValidationMode = "open",
): z.ZodType | undefined {
  const operation: OperationLike = operations[operationId];
  return operation.request?.[mode];
}

/**
 * The validator of an operation's JSON response body for an HTTP status: the exact status, else its range
 * (`2XX`), else `default`, as OpenAPI matches responses. Undefined when that response has no JSON body.
 *
 * @example
 * responseValidator("call_recordResponse", 200, "strict")?.safeParse(body)
 */
export function responseValidator(
  operationId: OperationId,
  status: number | string,
  mode: ValidationMode = "open",
): z.ZodType | undefined {
  return pickResponse(operations[operationId], status)?.[mode];
}

/** The validator of a webhook's JSON payload (what the service POSTs to the subscriber). */
export function webhookPayloadValidator(
  name: WebhookName,
  mode: ValidationMode = "open",
): z.ZodType | undefined {
  const webhook: OperationLike = webhooks[name];
  return webhook.request?.[mode];
}

function pickResponse(
  operation: OperationLike,
  status: number | string,
): BodyValidators | undefined {
  const code = String(status);
  const responses = operation.responses;
  return (
    responses[code] ??
    responses[`${code[0] ?? ""}XX`] ??
    responses[`${code[0] ?? ""}xx`] ??
    responses.default
  );
}
