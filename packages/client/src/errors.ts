import { redactText, redactValue } from "./internal/redact.js";

/** Every failure kind this client reports; `error.kind` narrows {@link RecordingClientError}. */
export type RecordingErrorKind =
  | "graph"
  | "payment-required"
  | "throttled"
  | "timeout"
  | "aborted"
  | "network"
  | "may-have-been-sent"
  | "protocol"
  | "validation"
  | "operation-failed"
  | "notification"
  | "token";

/** Correlation identifiers Graph returns with a response, for support tickets and logs. */
interface RequestIds {
  /** The `client-request-id` this client sent (kept across retries and polling). */
  clientRequestId?: string | undefined;
  /** Graph's `request-id` response header or `innerError["request-id"]`. */
  requestId?: string | undefined;
  /** Graph's `date` from `innerError`, or the `Date` response header. */
  date?: string | undefined;
}

interface BaseInit extends RequestIds {
  message: string;
  operation?: string | undefined;
  cause?: unknown;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/** Copies only what is safe to keep from an underlying error: name, code and a redacted message. */
function safeCause(cause: unknown): Error | undefined {
  if (cause === undefined || cause instanceof RecordingErrorBase) return cause;
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(redactText(source.message));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code ?? (source.cause as { code?: unknown })?.code;
  if (typeof code === "string") (copy as Error & { code: string }).code = code;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

/**
 * Base class of every error this client throws. It holds no secret by construction: the message
 * and every field are redacted when the error is made, and the cause is reduced to name, code and
 * a redacted message.
 */
export abstract class RecordingErrorBase extends Error {
  abstract readonly kind: RecordingErrorKind;
  /** The logical call that failed, e.g. `recordResponse` or `GET /communications/calls/{id}`. */
  declare readonly operation: string | undefined;
  declare readonly clientRequestId: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly date: string | undefined;

  constructor({ message, cause, ...fields }: BaseInit) {
    super(redactText(message));
    const safe = safeCause(cause);
    if (safe) Object.defineProperty(this, "cause", { value: safe, enumerable: false });
    for (const [key, value] of Object.entries(fields)) {
      (this as Record<string, unknown>)[key] = redactValue(value);
    }
  }

  override get name(): string {
    return this.constructor.name;
  }

  /** A plain, redacted object for structured logs. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      kind: this.kind,
      message: this.message,
    };
    for (const [key, value] of Object.entries(this)) if (value !== undefined) out[key] = value;
    const cause = (this as { cause?: unknown }).cause;
    if (cause instanceof RecordingErrorBase) out.cause = cause.toJSON();
    else if (cause instanceof Error) out.cause = { name: cause.name, message: cause.message };
    return out;
  }

  [inspectSymbol](): string {
    return `${this.name} ${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/** The `error` object of an OData error body. */
export interface GraphErrorBody {
  code: string;
  message: string;
  target?: string | null;
  details?: { code: string; message: string; target?: string | null }[];
  innerError?: Record<string, unknown>;
}

/** Graph answered with a non-success status and (usually) an OData error body. */
export class GraphError extends RecordingErrorBase {
  readonly kind: "graph" | "payment-required" = "graph";
  declare readonly status: number;
  /** `error.code`, the value to branch on (`itemNotFound`, `resyncRequired`, ...). */
  declare readonly code: string | undefined;
  /** The redacted OData error object, when the body was one. */
  declare readonly body: GraphErrorBody | undefined;
  constructor(init: BaseInit & { status: number; body?: GraphErrorBody | undefined }) {
    const withCode = { ...init, code: init.body?.code };
    super(withCode);
  }
}

/** 402: the metered API's payment model or requirements are not met for this tenant or app. */
export class PaymentRequiredError extends GraphError {
  override readonly kind = "payment-required" as const;
}

/** The service kept throttling (429/503/504) past the attempt cap or the time budget. */
export class ThrottledError extends RecordingErrorBase {
  readonly kind = "throttled" as const;
  declare readonly status: number;
  /** How long the server asked to wait, or undefined when it gave no timing. */
  declare readonly retryAfterMs: number | undefined;
  declare readonly attempts: number;
  /** Graph's `x-ms-throttle-scope` header (which limit was hit), when sent. */
  declare readonly throttleScope: string | undefined;
  constructor(
    init: BaseInit & {
      status: number;
      retryAfterMs: number | undefined;
      attempts: number;
      throttleScope?: string | undefined;
    },
  ) {
    super(init);
  }
}

/** The call's deadline passed (retries, polling, redirects and body reads included). */
export class TimeoutError extends RecordingErrorBase {
  readonly kind = "timeout" as const;
  declare readonly timeoutMs: number;
  constructor(init: BaseInit & { timeoutMs: number }) {
    super(init);
  }
}

/** The caller's `AbortSignal` fired. */
export class AbortedError extends RecordingErrorBase {
  readonly kind = "aborted" as const;
}

/** The connection failed or broke; for reads this is raised only after retries ran out. */
export class NetworkError extends RecordingErrorBase {
  readonly kind = "network" as const;
}

/**
 * A non-idempotent action (recordResponse, record, updateRecordingStatus) may have reached the
 * service, and reconciling through the call's operations could not prove either way. Check the
 * call's state before sending it again.
 */
export class MayHaveBeenSentError extends RecordingErrorBase {
  readonly kind = "may-have-been-sent" as const;
  declare readonly clientContext: string | undefined;
  /** What interrupted the exchange after the request was sent. */
  declare readonly reason: "status" | "network" | "timeout" | "aborted" | "reconcile-failed";
  declare readonly status: number | undefined;
  constructor(
    init: BaseInit & {
      clientContext: string | undefined;
      reason: MayHaveBeenSentError["reason"];
      status?: number | undefined;
    },
  ) {
    super(init);
  }
}

/** The server broke the protocol: unparsable JSON, a missing Location, a foreign nextLink, a redirect loop. */
export class ProtocolError extends RecordingErrorBase {
  readonly kind = "protocol" as const;
  declare readonly status: number | undefined;
  constructor(init: BaseInit & { status?: number | undefined }) {
    super(init);
  }
}

/** One validation issue: where (JSON pointer into the body) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** A request or response body did not match the spec (validation mode `error`). */
export class ValidationError extends RecordingErrorBase {
  readonly kind = "validation" as const;
  declare readonly operationId: string;
  declare readonly direction: "request" | "response";
  declare readonly status: number | undefined;
  declare readonly issues: ValidationIssue[];
  constructor(
    init: BaseInit & {
      operationId: string;
      direction: "request" | "response";
      status?: number | undefined;
      issues: ValidationIssue[];
    },
  ) {
    super(init);
  }
}

/** The resultInfo of an operation. */
export interface ResultInfo {
  code?: number;
  subcode?: number;
  message?: string | null;
}

/** A recordOperation or updateRecordingStatusOperation ended in `failed`. */
export class OperationFailedError extends RecordingErrorBase {
  readonly kind = "operation-failed" as const;
  declare readonly operationId: string | undefined;
  declare readonly resultInfo: ResultInfo | undefined;
  declare readonly completionReason: string | undefined;
  constructor(
    init: BaseInit & {
      operationId: string | undefined;
      resultInfo: ResultInfo | null | undefined;
      completionReason: string | null | undefined;
    },
  ) {
    super(init);
  }
}

/** The token provider failed (or returned no token); nothing was sent. */
export class TokenError extends RecordingErrorBase {
  readonly kind = "token" as const;
}

/** Why the notification receiver dropped a notification (reported through its `onError`). */
export type NotificationFailure =
  | "client-state"
  | "bearer"
  | "validation-tokens"
  | "payload"
  | "signature"
  | "decryption"
  | "unknown-key"
  | "handler";

/** A notification was rejected or its handler failed; reported through the receiver's `onError`. */
export class NotificationError extends RecordingErrorBase {
  readonly kind = "notification" as const;
  declare readonly reason: NotificationFailure;
  declare readonly subscriptionId: string | undefined;
  constructor(
    init: BaseInit & { reason: NotificationFailure; subscriptionId?: string | undefined },
  ) {
    super(init);
  }
}

/** The discriminated union of everything this client throws; switch on `error.kind`. */
export type RecordingClientError =
  | GraphError
  | PaymentRequiredError
  | ThrottledError
  | TimeoutError
  | AbortedError
  | NetworkError
  | MayHaveBeenSentError
  | ProtocolError
  | ValidationError
  | OperationFailedError
  | NotificationError
  | TokenError;

/** Whether a value is one of this client's errors. */
export function isRecordingClientError(value: unknown): value is RecordingClientError {
  return value instanceof RecordingErrorBase;
}
