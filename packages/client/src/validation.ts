/**
 * Optional response (and request) validation. Off by default, so the default bundle carries no
 * schema; `warn` reports issues through a callback and carries on; `error` throws ValidationError.
 * The validator is passed in: `zodValidator(graphZod)` (the schemas of `@graph-recording/zod`) or
 * your own function.
 */
import { ValidationError, type ValidationIssue } from "./errors.js";

/** off: no checks; warn: report through `onInvalid` and continue; error: throw ValidationError. */
export type ValidationMode = "off" | "warn" | "error";

/** What to check. */
export interface ValidationInput {
  operationId: string;
  direction: "request" | "response";
  /** The response status (responses only). */
  status?: number | undefined;
  body: unknown;
}

/** Returns the issues found (empty or undefined when valid). */
export type Validate = (
  input: ValidationInput,
) => ValidationIssue[] | undefined | Promise<ValidationIssue[] | undefined>;

/** Validation settings. */
export interface ValidationOptions {
  mode: ValidationMode;
  /** The validator: `zodValidator(graphZod, { strict })`, or your own function. */
  validate: Validate;
  /** Receives every failure in `warn` mode (the library never logs by itself). */
  onInvalid?: ((error: ValidationError) => void) | undefined;
}

/** Runs validation per the mode; returns normally unless the mode is `error` and issues exist. */
export async function checkBody(
  options: ValidationOptions | undefined,
  input: ValidationInput & { operation: string; clientRequestId?: string | undefined },
): Promise<void> {
  if (!options || options.mode === "off") return;
  const issues = await options.validate(input);
  if (!issues || issues.length === 0) return;
  const first = issues[0];
  const error = new ValidationError({
    message: `${input.operationId}: the ${input.direction} body${input.status ? ` (status ${input.status})` : ""} does not match the spec: ${first?.path || "/"} ${first?.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`,
    operation: input.operation,
    clientRequestId: input.clientRequestId,
    operationId: input.operationId,
    direction: input.direction,
    status: input.status,
    issues,
  });
  if (options.mode === "error") throw error;
  options.onInvalid?.(error);
}
