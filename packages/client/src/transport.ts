/**
 * The transport under every call: credentials per host, correlation headers, retries that honour
 * Retry-After, one deadline, redirects followed by hand with credential scrubbing, refresh-once on
 * 401, and safe handling of non-idempotent POSTs (reconcile before any resend).
 */
import {
  GraphError,
  type GraphErrorBody,
  MayHaveBeenSentError,
  NetworkError,
  PaymentRequiredError,
  ProtocolError,
  RecordingErrorBase,
  ThrottledError,
  TokenError,
} from "./errors.js";
import { originOf } from "./hosts.js";
import {
  Deadline,
  fullJitterDelay,
  parseRetryAfter,
  sleep,
  untilAborted,
} from "./internal/timing.js";
import type { TokenCache } from "./token.js";

/** When and how often to retry. Every field is optional in the client options. */
export interface RetryPolicy {
  /** Total attempts per call, the first included (default 5). */
  maxAttempts: number;
  /** Full-jitter backoff base in ms when the server gives no timing (default 500). */
  baseDelayMs: number;
  /** Largest computed backoff in ms (default 30 000); a server's Retry-After is never shortened. */
  maxDelayMs: number;
  /** Statuses that mean "try again later" (default 429, 503, 504). */
  statuses: readonly number[];
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  statuses: [429, 503, 504],
};

/** Which credential a request carries; decided again for every hop of a redirect chain. */
export type Credential =
  /** The Graph token, only to Graph origins (the default). */
  | { kind: "graph" }
  /** A per-resource bearer token (a recordingAccessToken), only to exactly `url`. */
  | { kind: "bearer"; url: string; token: string }
  /** Nothing. */
  | { kind: "none" };

/** A non-idempotent action that may be reconciled by its clientContext. */
export interface UnsafeCall {
  /**
   * Looks for the operation this request created; resolves to a response standing in for the
   * action's answer, or undefined when the service has no trace of it (safe to resend).
   */
  reconcile?: ((deadline: Deadline) => Promise<Response | undefined>) | undefined;
  clientContext?: string | undefined;
}

/** Everything the transport needs to run one logical call. */
export interface CallOptions {
  /** Name used in errors, e.g. `recordResponse`. */
  operation: string;
  method: string;
  url: string;
  /** Request headers (a plain record is cheaper than Headers on the hot path). */
  headers?: Headers | Record<string, string> | undefined;
  body?: Uint8Array<ArrayBuffer> | string | undefined;
  /** Caller's cancellation. */
  signal?: AbortSignal | undefined;
  /** Per-call time budget; ignored when `deadline` is given. */
  timeoutMs?: number | undefined;
  /** An outer deadline to share (polling, paging, reconcile). */
  deadline?: Deadline | undefined;
  clientRequestId?: string | undefined;
  credential?: Credential | undefined;
  /** Present for non-idempotent actions: never resent blindly after a 503/504 or a broken connection. */
  unsafe?: UnsafeCall | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  /** Read the body as text inside the deadline (for `sendText`); otherwise it is left to stream. */
  buffer?: boolean | undefined;
  /**
   * Runs on each final response inside the deadline and the retry loop (a read that breaks is
   * retried), e.g. to read the body into a replayable copy.
   */
  prepare?: ((response: Response) => Promise<Response>) | undefined;
  /** Treat 2xx-less answers as errors (throw GraphError) instead of returning them. */
  throwOnError?: boolean | undefined;
  /** Redirects followed for this call (default: the client's `maxRedirects`). */
  maxRedirects?: number | undefined;
}

/** A final answer, with its body when the transport read it as text (`buffer: true`). */
interface Answer {
  response: Response;
  text: string | undefined;
}

/** A final answer whose body the transport read as text inside the call's deadline. */
export interface TextAnswer {
  response: Response;
  text: string;
}

/** The transport's configuration, built once by the client. */
export interface TransportConfig {
  fetch: typeof globalThis.fetch;
  /** `fetch` is the platform's own, so the signals of finished exchanges may be reused. */
  platformFetch: boolean;
  tokens: TokenCache | undefined;
  graphOrigins: ReadonlySet<string>;
  userAgent: string;
  retry: RetryPolicy;
  timeoutMs: number;
  maxRedirects: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Error codes that prove the request never left this machine. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);
/** Never taken from the caller: the transport sets the credential and the attempt number itself. */
const OWN_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "retry-attempt"]);
const GRAPH: Credential = { kind: "graph" };
const CROSS_ORIGIN_SAFE = new Set([
  "accept",
  "accept-language",
  "content-type",
  "range",
  "if-range",
]);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The "may have been sent" error of a non-idempotent call, with why. */
function maybeSent(
  call: Pick<CallOptions, "operation" | "unsafe">,
  ids: { operation: string; clientRequestId: string },
  reason: MayHaveBeenSentError["reason"],
  why: string,
  status?: number,
  cause?: unknown,
): MayHaveBeenSentError {
  return new MayHaveBeenSentError({
    message: `${call.operation} may have been sent: ${why}`,
    ...ids,
    clientContext: call.unsafe?.clientContext,
    reason,
    status,
    cause,
  });
}

const interruption = (error: RecordingErrorBase) =>
  error.kind === "timeout" ? "timeout" : "aborted";

/** A random UUID for `client-request-id` and generated clientContext values. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

type HeaderEntries = readonly (readonly [name: string, value: string])[];

interface Hop {
  method: string;
  url: string;
  body: Uint8Array<ArrayBuffer> | string | undefined;
  /** Headers the caller gave; kept only while the chain stays on the first origin. */
  callerHeaders: HeaderEntries;
  firstOrigin: string | undefined;
}

/** The caller's headers as lower-case entries, read once per call. */
function headerEntries(headers: CallOptions["headers"]): HeaderEntries {
  if (headers === undefined) return [];
  if (headers instanceof Headers) return [...headers];
  const entries: [string, string][] = [];
  for (const name of Object.keys(headers))
    entries.push([name.toLowerCase(), headers[name] as string]);
  return entries;
}

/** What one attempt of a call carries from hop to hop. */
interface AttemptContext {
  deadline: Deadline;
  clientRequestId: string;
  attempt: number;
  callerHeaders: HeaderEntries;
}

/** The transport: every call of a client runs through its `send`. */
export function createTransport(config: TransportConfig) {
  /**
   * Abort controllers of finished exchanges, lent to the next ones. Node's fetch does real work
   * for every signal it is handed (a WeakRef, a FinalizationRegistry entry and a listener, kept
   * until a full garbage collection), so a new AbortController per call is a measurable share of
   * a loopback request. A controller that served only exchanges whose response was read to the
   * end can serve the next one: aborting it later reaches only finished fetches, and aborting a
   * finished fetch does nothing (Fetch standard, "abort the fetch() call"). Only the platform's
   * fetch ever sees these signals: a call that handed its deadline's signal to anything else (a
   * token provider, a sleep) gives its controller up, as does an aborted one. Each serves a
   * bounded number of exchanges, so the listeners a fetch leaves on it stay few.
   */
  const idle: { controller: AbortController; uses: number }[] = [];

  /**
   * Runs one logical call and resolves to the final response (2xx, or a non-retryable error
   * status unless `throwOnError`). Throws the typed errors when no final answer can be had.
   */
  async function send(call: CallOptions & { buffer?: false | undefined }): Promise<Response> {
    return (await exchange(call)).response;
  }

  /** Like `send`, with the body read as text inside the deadline (retried when the read breaks). */
  async function sendText(call: CallOptions & { buffer: true }): Promise<TextAnswer> {
    const { response, text } = await exchange(call);
    // A response standing in for a reconciled action was built here, not read from the network.
    return { response, text: text ?? (await response.text()) };
  }

  async function exchange(call: CallOptions): Promise<Answer> {
    // A call of its own that reads its answer to the end may use a controller of an earlier one.
    const lease =
      !call.deadline && call.buffer === true && config.platformFetch
        ? (idle.pop() ?? { controller: new AbortController(), uses: 0 })
        : undefined;
    const own = call.deadline
      ? undefined
      : new Deadline({
          timeoutMs: call.timeoutMs ?? config.timeoutMs,
          signal: call.signal,
          operation: call.operation,
          controller: lease?.controller,
        });
    const deadline = call.deadline ?? (own as Deadline);
    try {
      return await run(call, deadline);
    } catch (error) {
      throw normalise(error, call, deadline);
    } finally {
      own?.dispose();
      // Only if its signal went to this call's fetches alone, and they are over (see `idle`).
      if (lease && !own?.handedOut && !own?.aborted && ++lease.uses < 16 && idle.length < 8) {
        idle.push(lease);
      }
    }
  }

  /** Asks the token provider within the deadline; its failures become TokenError. */
  async function token(
    ask: () => Promise<string> | undefined,
    call: CallOptions,
    deadline: Deadline,
  ): Promise<string> {
    try {
      const token = await untilAborted(Promise.resolve(ask()), deadline.signal);
      if (typeof token !== "string") throw new TypeError("no token provider");
      return token;
    } catch (error) {
      if (deadline.aborted) throw deadline.reason;
      throw new TokenError({
        message: `${call.operation}: the token provider failed, so nothing was sent (${(error as Error)?.message ?? String(error)})`,
        operation: call.operation,
        clientRequestId: call.clientRequestId,
        cause: error,
      });
    }
  }

  function normalise(error: unknown, call: CallOptions, deadline: Deadline): unknown {
    if (error instanceof RecordingErrorBase) return error;
    if (deadline.aborted) return deadline.reason;
    return new NetworkError({
      message: `${call.operation}: the connection failed (${errorCode(error) ?? (error as Error)?.message ?? "unknown"})`,
      operation: call.operation,
      clientRequestId: call.clientRequestId,
      cause: error,
    });
  }

  async function run(call: CallOptions, deadline: Deadline): Promise<Answer> {
    const policy = call.retry === undefined ? config.retry : { ...config.retry, ...call.retry };
    const given =
      call.headers instanceof Headers ? call.headers.get("client-request-id") : undefined;
    const clientRequestId = call.clientRequestId ?? given ?? newId();
    const callerHeaders = headerEntries(call.headers);
    const ids = { operation: call.operation, clientRequestId };
    let refreshedAfter401 = false;
    let staleToken: string | undefined;

    for (let attempt = 1; ; attempt++) {
      deadline.check();
      let response: Response;
      let text: string | undefined;
      let sent = false;
      try {
        const result = await followRedirects(
          call,
          { deadline, clientRequestId, attempt, callerHeaders },
          () => {
            sent = true;
          },
        );
        response = result.response;
        staleToken = result.graphToken;
        if (call.buffer === true) text = await response.text();
        else if (call.prepare) response = await call.prepare(response);
      } catch (error) {
        if (deadline.aborted) {
          if (call.unsafe && sent) {
            const reason = deadline.reason as RecordingErrorBase;
            throw maybeSent(
              call,
              ids,
              interruption(reason),
              `the call was interrupted (${reason.kind}) before the answer arrived`,
              undefined,
              reason,
            );
          }
          throw deadline.reason;
        }
        if (error instanceof RecordingErrorBase) throw error;
        const mayHaveRun = call.unsafe !== undefined && !NOT_SENT_CODES.has(errorCode(error) ?? "");
        if (attempt < policy.maxAttempts) {
          // A wait cut short ends below, in reconcileOrThrow or the next deadline check.
          await sleep(fullJitterDelay(attempt, policy), deadline.signal).catch(() => undefined);
        }
        if (mayHaveRun) {
          // Give the service the backoff to settle, then look for the operation before resending.
          const reconciled = await reconcileOrThrow(
            call,
            deadline,
            ids,
            "network",
            undefined,
            error,
          );
          if (reconciled) return reconciled;
          if (attempt >= policy.maxAttempts) {
            throw maybeSent(
              call,
              ids,
              "network",
              "the connection kept failing after the request went out and no operation with its clientContext was found",
              undefined,
              error,
            );
          }
        }
        if (attempt >= policy.maxAttempts) throw error;
        continue;
      }

      const { status } = response;
      if (
        status === 401 &&
        !refreshedAfter401 &&
        config.tokens &&
        (call.credential ?? GRAPH).kind === "graph" &&
        config.graphOrigins.has(originOf(response.url || call.url) ?? "")
      ) {
        // A 401 proves nothing was processed: refresh the token once and resend.
        refreshedAfter401 = true;
        await response.body?.cancel().catch(() => undefined);
        await token(() => config.tokens?.refresh(staleToken, deadline.signal), call, deadline);
        attempt--;
        continue;
      }

      if (!policy.statuses.includes(status)) {
        if (call.throwOnError && !response.ok) throw await toGraphError(response, ids, text);
        return { response, text };
      }

      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      await response.body?.cancel().catch(() => undefined);
      const wait = retryAfterMs ?? fullJitterDelay(attempt, policy);
      const throttled = (reason: string) =>
        new ThrottledError({
          message: `${call.operation}: the service answered ${status} ${reason}`,
          ...ids,
          requestId: response.headers.get("request-id") ?? undefined,
          throttleScope: response.headers.get("x-ms-throttle-scope") ?? undefined,
          status,
          retryAfterMs,
          attempts: attempt,
        });
      // A 429 proves the request was rejected before processing; 503/504 prove nothing.
      const mayHaveRun = call.unsafe !== undefined && status !== 429;
      if (mayHaveRun && !call.unsafe?.reconcile) {
        throw maybeSent(
          call,
          ids,
          "status",
          `the service answered ${status} and the request has no clientContext to reconcile by`,
          status,
        );
      }
      if (attempt >= policy.maxAttempts) {
        if (mayHaveRun) {
          const reconciled = await reconcileOrThrow(call, deadline, ids, "status", status);
          if (reconciled) return reconciled;
        }
        throw throttled(`after ${attempt} attempts; giving up`);
      }
      if (wait > deadline.remaining()) {
        // Before giving up on a 503/504, make sure the action did not run after all.
        if (mayHaveRun) {
          const reconciled = await reconcileOrThrow(call, deadline, ids, "status", status);
          if (reconciled) return reconciled;
        }
        throw throttled(
          `and asked to wait ${wait} ms, more than the ${deadline.remaining()} ms left before the deadline`,
        );
      }
      // A wait cut short by the deadline or the caller must not end in a bare TimeoutError or
      // AbortedError when the action may have run: reconcileOrThrow, whose look-up then fails at
      // once, turns it into MayHaveBeenSentError; otherwise the next deadline check throws it.
      await sleep(wait, deadline.signal).catch(() => undefined);
      if (mayHaveRun) {
        const reconciled = await reconcileOrThrow(call, deadline, ids, "status", status);
        if (reconciled) return reconciled;
      }
    }
  }

  /**
   * Asks the call's reconcile function whether the service already holds the operation. Returns
   * the stand-in answer when it does, undefined when it does not (resending is safe), and throws
   * MayHaveBeenSentError when reconciliation is impossible or itself fails.
   */
  async function reconcileOrThrow(
    call: Pick<CallOptions, "operation" | "unsafe">,
    deadline: Deadline,
    ids: { operation: string; clientRequestId: string },
    reason: "status" | "network",
    status: number | undefined,
    cause?: unknown,
  ): Promise<Answer | undefined> {
    const reconcile = call.unsafe?.reconcile;
    if (!reconcile) {
      throw maybeSent(
        call,
        ids,
        reason,
        "the connection broke after the request went out and it has no clientContext to reconcile by",
        status,
        cause,
      );
    }
    try {
      const response = await reconcile(deadline);
      return response && { response, text: undefined };
    } catch (error) {
      if (deadline.aborted) {
        const interrupted = deadline.reason as RecordingErrorBase;
        throw maybeSent(
          call,
          ids,
          interruption(interrupted),
          "the call ended while checking the call's operations for its clientContext",
          status,
          interrupted,
        );
      }
      throw maybeSent(
        call,
        ids,
        "reconcile-failed",
        "listing the call's operations to find its clientContext failed",
        status,
        error,
      );
    }
  }

  /** Sends one attempt, following redirects by hand so that credentials are chosen per hop. */
  async function followRedirects(
    call: CallOptions,
    at: AttemptContext,
    markSent: () => void,
  ): Promise<{ response: Response; graphToken: string | undefined }> {
    const { deadline, clientRequestId, attempt } = at;
    const maxRedirects = call.maxRedirects ?? config.maxRedirects;
    const hop: Hop = {
      method: call.method,
      url: call.url,
      body: call.body,
      callerHeaders: at.callerHeaders,
      firstOrigin: originOf(call.url),
    };
    for (let redirects = 0; ; redirects++) {
      const origin = redirects === 0 ? hop.firstOrigin : originOf(hop.url);
      const graph = origin !== undefined && config.graphOrigins.has(origin);
      const tokens = config.tokens;
      // The cached token is read without a promise; the provider is asked only when needed.
      const graphToken =
        tokens && (call.credential ?? GRAPH).kind === "graph" && graph
          ? (tokens.peek() ?? (await token(() => tokens.get(deadline.signal), call, deadline)))
          : undefined;
      const headers = headersFor(hop, call, {
        origin,
        graph,
        clientRequestId,
        attempt,
        graphToken,
      });
      markSent();
      const response = await config.fetch(hop.url, {
        method: hop.method,
        headers,
        body: hop.body,
        redirect: "manual",
        signal: deadline.fetchSignal,
      });
      if (!REDIRECTS.has(response.status)) {
        if (!response.url) Object.defineProperty(response, "url", { value: hop.url });
        return { response, graphToken };
      }
      const location = response.headers.get("location");
      await response.body?.cancel().catch(() => undefined);
      const protocol = (what: string) =>
        new ProtocolError({
          message: `${call.operation}: ${what}`,
          operation: call.operation,
          clientRequestId,
          status: response.status,
        });
      if (!location) {
        throw protocol(`the service answered ${response.status} without a Location header`);
      }
      if (redirects >= maxRedirects) {
        throw protocol(`more than ${maxRedirects} redirects`);
      }
      const next = new URL(location, hop.url);
      if (next.protocol !== "https:" && next.protocol !== "http:") {
        throw protocol(`refusing to follow a redirect to a ${next.protocol} URL`);
      }
      const toGet =
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && hop.method === "POST");
      if (toGet) {
        hop.method = hop.method === "HEAD" ? "HEAD" : "GET";
        hop.body = undefined;
        hop.callerHeaders = withoutBodyHeaders(hop.callerHeaders);
      }
      hop.url = next.href;
    }
  }

  /** Headers for one hop: caller headers (same origin only), credential for this URL, correlation. */
  function headersFor(
    hop: Hop,
    call: CallOptions,
    at: {
      origin: string | undefined;
      graph: boolean;
      clientRequestId: string;
      attempt: number;
      graphToken: string | undefined;
    },
  ): Record<string, string> {
    const sameOrigin = at.origin === hop.firstOrigin;
    // A plain record (names are lower case): fetch builds its own Headers from it once.
    // Custom headers may hold secrets: only content negotiation follows a chain to a new origin.
    const headers: Record<string, string> = {};
    for (const [name, value] of hop.callerHeaders) {
      if (!OWN_HEADERS.has(name) && (sameOrigin || CROSS_ORIGIN_SAFE.has(name))) {
        headers[name] = value;
      }
    }
    const credential = call.credential ?? GRAPH;
    if (at.graphToken !== undefined) {
      headers.authorization = `Bearer ${at.graphToken}`;
    } else if (credential.kind === "bearer" && sameResource(hop.url, credential.url)) {
      headers.authorization = `Bearer ${credential.token}`;
    }
    if (at.graph) {
      headers["client-request-id"] = at.clientRequestId;
      if (at.attempt > 1) headers["retry-attempt"] = String(at.attempt - 1);
    }
    headers["user-agent"] = config.userAgent;
    return headers;
  }
  return { send, sendText, reconcileOrThrow };
}

/** `url` is the very resource the token was issued for (scheme, host, port, path and query). */
function sameResource(url: string, tokenUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(tokenUrl);
    return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
  } catch {
    return false;
  }
}

function withoutBodyHeaders(headers: HeaderEntries): HeaderEntries {
  return headers.filter(
    ([name]) => !["content-type", "content-length", "content-encoding"].includes(name),
  );
}

/**
 * Turns a non-success response into GraphError (or PaymentRequiredError for 402); `text` is its
 * body when already read.
 */
export async function toGraphError(
  response: Response,
  ids: { operation: string; clientRequestId?: string | undefined },
  text?: string,
): Promise<GraphError> {
  let body: GraphErrorBody | undefined;
  try {
    const parsed = JSON.parse(text ?? (await response.text())) as { error?: GraphErrorBody };
    if (parsed && typeof parsed.error === "object" && parsed.error) body = parsed.error;
  } catch {
    body = undefined;
  }
  const inner = body?.innerError ?? {};
  const requestId =
    response.headers.get("request-id") ??
    (typeof inner["request-id"] === "string" ? inner["request-id"] : undefined);
  const date =
    typeof inner.date === "string" ? inner.date : (response.headers.get("date") ?? undefined);
  const init = {
    message: `${ids.operation}: the service answered ${response.status}${body ? ` ${body.code}: ${body.message}` : ""}`,
    operation: ids.operation,
    clientRequestId: ids.clientRequestId ?? response.headers.get("client-request-id") ?? undefined,
    requestId,
    date,
    status: response.status,
    body,
  };
  return response.status === 402 ? new PaymentRequiredError(init) : new GraphError(init);
}
