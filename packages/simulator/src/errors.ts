/**
 * Graph's error body (`ODataError`): one top-level `error` with `code`, `message`, optional
 * `details`, and an `innerError` carrying the request ids and the date, as Graph sends them.
 */

/** One entry of `error.details`. */
export interface GraphErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/** What a handler throws to answer with a Graph error. */
export class GraphHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: GraphErrorDetail[] | undefined;
  readonly headers: Record<string, string>;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    details?: GraphErrorDetail[];
    headers?: Record<string, string>;
  }) {
    super(options.message);
    this.name = "GraphHttpError";
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

/** Request ids echoed in every answer. */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** Builds the JSON body of a Graph error. */
export function graphErrorBody(options: {
  code: string;
  message: string;
  ids: RequestIds;
  date: Date;
  details?: GraphErrorDetail[] | undefined;
  innerError?: Record<string, string>;
}): { error: Record<string, unknown> } {
  const error: Record<string, unknown> = { code: options.code, message: options.message };
  if (options.details && options.details.length > 0) error.details = options.details;
  error.innerError = {
    ...options.innerError,
    date: options.date.toISOString().replace(/\.\d{3}Z$/, ""),
    "request-id": options.ids.requestId,
    "client-request-id": options.ids.clientRequestId,
  };
  return { error };
}

/** The Graph error code Graph uses for a status when a handler names none. */
export function defaultErrorCode(status: number): string {
  switch (status) {
    case 400:
      return "BadRequest";
    case 401:
      return "InvalidAuthenticationToken";
    case 402:
      return "paymentRequired";
    case 403:
      return "accessDenied";
    case 404:
      return "itemNotFound";
    case 405:
      return "notSupported";
    case 409:
      return "conflict";
    case 410:
      return "resyncRequired";
    case 415:
      return "UnsupportedMediaType";
    case 416:
      return "invalidRange";
    case 429:
      return "TooManyRequests";
    case 500:
      return "generalException";
    case 503:
      return "serviceNotAvailable";
    case 504:
      return "gatewayTimeout";
    default:
      return status >= 500 ? "generalException" : "invalidRequest";
  }
}
