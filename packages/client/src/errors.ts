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
  | "notification";

/** Correlation identifiers Graph returns with a response, for support tickets and logs. */
export interface RequestIds {
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
  if (cause === undefined) return undefined;
  if (cause instanceof RecordingErrorBase) return cause;
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(redactText(source.message));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code ?? (source.cause as { code?: unknown })?.code;
  if (typeof code === "string") (copy as Error & { code: string }).code = code;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

/** Base class of every error this client throws; holds no secret by construction. */
export abstract class RecordingErrorBase extends Error {
  abstract readonly kind: RecordingErrorKind;
  /** The logical call that failed, e.g. `recordResponse` or `GET /communications/calls/{id}`. */
  readonly operation: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly requestId: string | undefined;
  readonly date: string | undefined;

  constructor(init: BaseInit) {
    super(redactText(init.message));
    const cause = safeCause(init.cause);
    if (cause) Object.defineProperty(this, "cause", { value: cause, enumerable: false });
    this.operation = init.operation;
    this.clientRequestId = init.clientRequestId;
    this.requestId = init.requestId;
    this.date = init.date;
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
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined) out[key] = redactValue(value);
    }
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
  readonly status: number;
  /** `error.code`, the value to branch on (`itemNotFound`, `resyncRequired`, ...). */
  readonly code: string | undefined;
  /** The redacted OData error object, when the body was one. */
  readonly body: GraphErrorBody | undefined;

  constructor(init: BaseInit & { status: number; body?: GraphErrorBody | undefined }) {
    super(init);
    this.status = init.status;
    this.code = init.body?.code;
    this.body = init.body ? (redactValue(init.body) as GraphErrorBody) : undefined;
  }
}

/** 402: the metered API's payment model or requirements are not met for this tenant or app. */
export class PaymentRequiredError extends GraphError {
  override readonly kind = "payment-required" as const;
}

/** The service kept throttling (429/503/504) past the attempt cap or the time budget. */
export class ThrottledError extends RecordingErrorBase {
  readonly kind = "throttled" as const;
  readonly status: number;
  /** How long the server asked to wait, or undefined when it gave no timing. */
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;
  constructor(
    init: BaseInit & { status: number; retryAfterMs: number | undefined; attempts: number },
  ) {
    super(init);
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts;
  }
}

/** The call's deadline passed (retries, polling, redirects and body reads included). */
export class TimeoutError extends RecordingErrorBase {
  readonly kind = "timeout" as const;
  readonly timeoutMs: number;
  constructor(init: BaseInit & { timeoutMs: number }) {
    super(init);
    this.timeoutMs = init.timeoutMs;
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
  readonly clientContext: string | undefined;
  /** What interrupted the exchange after the request was sent. */
  readonly reason: "status" | "network" | "timeout" | "aborted" | "reconcile-failed";
  readonly status: number | undefined;
  constructor(
    init: BaseInit & {
      clientContext: string | undefined;
      reason: MayHaveBeenSentError["reason"];
      status?: number | undefined;
    },
  ) {
    super(init);
    this.clientContext = init.clientContext;
    this.reason = init.reason;
    this.status = init.status;
  }
}

/** The server broke the protocol: unparsable JSON, a missing Location, a foreign nextLink, a redirect loop. */
export class ProtocolError extends RecordingErrorBase {
  readonly kind = "protocol" as const;
  readonly status: number | undefined;
  constructor(init: BaseInit & { status?: number | undefined }) {
    super(init);
    this.status = init.status;
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
  readonly operationId: string;
  readonly direction: "request" | "response";
  readonly status: number | undefined;
  readonly issues: ValidationIssue[];
  constructor(
    init: BaseInit & {
      operationId: string;
      direction: "request" | "response";
      status?: number | undefined;
      issues: ValidationIssue[];
    },
  ) {
    super(init);
    this.operationId = init.operationId;
    this.direction = init.direction;
    this.status = init.status;
    this.issues = init.issues.map((issue) => ({ ...issue, message: redactText(issue.message) }));
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
  readonly operationId: string | undefined;
  readonly resultInfo: ResultInfo | undefined;
  readonly completionReason: string | undefined;
  constructor(
    init: BaseInit & {
      operationId: string | undefined;
      resultInfo: ResultInfo | null | undefined;
      completionReason: string | null | undefined;
    },
  ) {
    super(init);
    this.operationId = init.operationId;
    this.resultInfo = init.resultInfo ? (redactValue(init.resultInfo) as ResultInfo) : undefined;
    this.completionReason = init.completionReason ?? undefined;
  }
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
  readonly reason: NotificationFailure;
  readonly subscriptionId: string | undefined;
  constructor(
    init: BaseInit & { reason: NotificationFailure; subscriptionId?: string | undefined },
  ) {
    super(init);
    this.reason = init.reason;
    this.subscriptionId = init.subscriptionId;
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
  | NotificationError;

/** Whether a value is one of this client's errors. */
export function isRecordingClientError(value: unknown): value is RecordingClientError {
  return value instanceof RecordingErrorBase;
}
