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
