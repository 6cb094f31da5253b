/**
 * Optional response (and request) validation. Off by default, so the default bundle carries no
 * schema; `warn` reports issues through a callback and carries on; `error` throws ValidationError.
 * Validators come from an injected function or, lazily, from `@graph-recording/zod`.
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
  /** Closed-world checks (undeclared properties are issues); default false = the spec's open semantics. */
  strict?: boolean | undefined;
  /** Your own validator; when absent, `@graph-recording/zod` is imported on first use. */
  validate?: Validate | undefined;
  /** Receives every failure in `warn` mode (the library never logs by itself). */
  onInvalid?: ((error: ValidationError) => void) | undefined;
}

interface ZodLike {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}
interface ZodModule {
  operations: Record<
    string,
    {
      request?: { open: ZodLike; strict: ZodLike };
      responses: Record<string, { open: ZodLike; strict: ZodLike }>;
    }
  >;
}

function pointer(path: PropertyKey[]): string {
  return path
    .map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

/** The validator backed by the generated Zod schemas (contract: `operations[id].responses[status]`). */
export function zodValidator(options: {
  strict: boolean;
  load?: () => Promise<unknown>;
}): Validate {
  let module: Promise<ZodModule> | undefined;
  const specifier = "@graph-recording/zod";
  const load = options.load ?? (() => import(/* @vite-ignore */ specifier));
  return async (input) => {
    module ??= load().then((loaded) => loaded as ZodModule);
    const schemas = (await module).operations[input.operationId];
    if (!schemas) return [{ path: "", message: `no validator for operation ${input.operationId}` }];
    const pair =
      input.direction === "request"
        ? schemas.request
        : (schemas.responses[String(input.status)] ??
          schemas.responses[`${String(input.status).charAt(0)}XX`] ??
          schemas.responses.default);
    if (!pair) return undefined;
    const result = (options.strict ? pair.strict : pair.open).safeParse(input.body);
    return result.success
      ? undefined
      : (result.error?.issues ?? []).map((issue) => ({
          path: pointer(issue.path),
          message: issue.message,
        }));
  };
}

/** Runs validation per the mode; returns normally unless the mode is `error` and issues exist. */
export async function checkBody(
  options: ValidationOptions | undefined,
  validate: Validate | undefined,
  input: ValidationInput & { operation: string; clientRequestId?: string | undefined },
): Promise<void> {
  if (!options || options.mode === "off" || !validate) return;
  const issues = await validate(input);
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
