/**
 * Request validation hook. Every request body the simulator accepts goes through one function
 * keyed by the spec's operationId; the simulator answers 400 with Graph's error body when it
 * reports issues. Pass the generated validators of `@graph-recording/zod` (or your own) through
 * the `validateRequest` option.
 */

/** One problem found in a request. */
export interface ValidationIssue {
  /** JSON pointer into the request body (`""` for the body itself). */
  pointer: string;
  message: string;
}

/** What is validated: the parsed JSON body (undefined when the request has none). */
export interface RequestToValidate {
  operationId: string;
  body: unknown;
}

/** Returns the issues of a request, or an empty list when it is valid. Must not throw. */
export type RequestValidator = (request: RequestToValidate) => ValidationIssue[];

/**
 * The validator used when none is configured: accepts every body. The simulator still rejects
 * bodies it cannot read (not JSON, not an object) and unknown calls or meetings.
 */
export const acceptAllRequests: RequestValidator = () => [];

/** Converts a path of property names and indexes to a JSON pointer. */
export function toJsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

/** What request validation needs of a Zod schema: `safeParse`, which never throws. */
export interface SafeParser {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
  };
}

/** The `operations` export of `@graph-recording/zod`, as far as request bodies go. */
export type OperationValidators = Readonly<
  Record<string, { method: string; request?: { open: SafeParser; strict: SafeParser } } | undefined>
>;

/**
 * Turns the generated `operations` of `@graph-recording/zod` into the simulator's request
 * validator: the body of each operation that declares one is checked with its strict (default)
 * or open schema, and every issue becomes a JSON pointer and a message.
 * @example
 * import { operations } from "@graph-recording/zod";
 * const sim = await startSimulator({ validateRequest: requestValidatorFrom(operations) });
 */
export function requestValidatorFrom(
  operations: OperationValidators,
  options: { mode?: "strict" | "open" } = {},
): RequestValidator {
  const mode = options.mode ?? "strict";
  return ({ operationId, body }) => {
    const request = operations[operationId]?.request;
    if (!request || body === undefined) return [];
    const result = request[mode].safeParse(body);
    if (result.success) return [];
    return (result.error?.issues ?? []).map((issue) => ({
      pointer: toJsonPointer(issue.path),
      message: issue.message,
    }));
  };
}
