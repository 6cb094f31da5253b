/**
 * `createRecordingClient`: the typed client for call-recording bots. Every call runs through one
 * Transport (credentials per host, retries, deadline, redirects, correlation). `recordingFetch(client)`
 * is that transport as a fetch function, and `createRawClient(client)` puts the spec-typed
 * openapi-fetch client on it, without weighing on bundles that do not use them.
 */
import { ProtocolError } from "./errors.js";
import { GRAPH_BETA, GRAPH_ORIGINS, GRAPH_V1, originOf } from "./hosts.js";
import { type ClientInternals, INTERNALS } from "./internal/context.js";
import { unquotedJsonError } from "./internal/redact.js";
import { Deadline } from "./internal/timing.js";
import type {
  CommsOperation,
  RecordBody,
  RecordOperation,
  RecordResponseBody,
  UpdateRecordingStatusBody,
  UpdateRecordingStatusOperation,
} from "./models.js";
import {
  DEFAULT_POLL,
  OperationHub,
  type OperationLike,
  type PollOptions,
  waitForFinal,
} from "./operations.js";
import { type CollectionPage, type PagedIterable, paginate } from "./paging.js";
import { operationIds, routes } from "./routes.js";
import { TokenCache, type TokenProvider } from "./token.js";
import {
  type CallOptions,
  createTransport,
  DEFAULT_RETRY,
  newId,
  type RetryPolicy,
  type TextAnswer,
  type UnsafeCall,
} from "./transport.js";
import { checkBody, type ValidationOptions } from "./validation.js";

/** Options of {@link createRecordingClient}. */
export interface RecordingClientOptions {
  /** Supplies Graph tokens; cached until expiry and refreshed once on 401. Omit only for unauthenticated test servers. */
  getToken?: TokenProvider | undefined;
  /** Service root; default `https://graph.microsoft.com/beta`. Its origin is treated as a Graph origin. */
  baseUrl?: string | undefined;
  /** Shorthand for the Graph service root when `baseUrl` is not given (default `beta`). */
  version?: "beta" | "v1.0" | undefined;
  /** A custom fetch (proxies, tests). Default: the global fetch. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Retry policy; see {@link RetryPolicy}. */
  retry?: Partial<RetryPolicy> | undefined;
  /** Deadline of each logical call in ms, retries and redirects included (default 60 000). */
  timeoutMs?: number | undefined;
  /** Deadline of `waitForOperation` in ms, polling included (default 300 000). */
  operationTimeoutMs?: number | undefined;
  /** Polling cadence of `waitForOperation`. */
  poll?: Partial<PollOptions> | undefined;
  /** Appended to this client's User-Agent product token. */
  userAgent?: string | undefined;
  /** More origins that may receive the Graph token (e.g. a Graph proxy). */
  graphOrigins?: readonly string[] | undefined;
  /** Redirects followed per request (default 5). */
  maxRedirects?: number | undefined;
  /** Request and response validation (default off), e.g. `{ mode: "warn", validate: zodValidator(graphZod), onInvalid }`. */
  validation?: ValidationOptions | undefined;
  /** Give actions without a clientContext a random one, so they can be reconciled (default true). */
  autoClientContext?: boolean | undefined;
  /** Where notifications hand final operation states over (default: a new hub, see `operationHub`). */
  operationHub?: OperationHub | undefined;
}

/** Per-call options. */
export interface CallSettings {
  signal?: AbortSignal | undefined;
  /** This call's deadline in ms (default: the client's `timeoutMs`). */
  timeoutMs?: number | undefined;
  /** Use this `client-request-id` instead of a fresh one. */
  clientRequestId?: string | undefined;
  retry?: Partial<RetryPolicy> | undefined;
}

/** What an action (recordResponse, record, updateRecordingStatus) answered. */
export interface ActionResponse<T extends OperationLike> {
  callId: string;
  /** 200 with a body (current), 202 without one (legacy record). */
  status: number;
  /** The operation's monitor URL from `Location`. */
  location: string | undefined;
  /** The operation body, when the service sent one (often still `running`). */
  operation: T | undefined;
  /** The clientContext sent (yours, or the generated one). */
  clientContext: string | undefined;
  clientRequestId: string;
  /** True when the answer was recovered from the call's operations after a lost response. */
  reconciled: boolean;
}

const VERSION = "0.0.0";
const ACCEPT_JSON = { accept: "application/json" };
const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

function readValidation(
  option: RecordingClientOptions["validation"],
): ValidationOptions | undefined {
  if (option === undefined || option.mode === "off") return undefined;
  if (typeof option.validate !== "function") {
    throw new TypeError(
      `validation.mode "${option.mode}" needs validation.validate, e.g. zodValidator(graphZod) with graphZod = await import("@graph-recording/zod")`,
    );
  }
  return option;
}

/**
 * Creates the client.
 *
 * @example
 * const client = createRecordingClient({ getToken: async () => token });
 * const started = await client.recordResponse({ callId, body: { maxRecordDurationInSeconds: 10 } });
 * const done = await client.waitForOperation(started);
 */
export function createRecordingClient(options: RecordingClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? (options.version === "v1.0" ? GRAPH_V1 : GRAPH_BETA)).replace(
    /\/+$/,
    "",
  );
  const baseOrigin = originOf(baseUrl);
  if (!baseOrigin) throw new TypeError(`baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL`);
  const transport = createTransport({
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    platformFetch: options.fetch === undefined,
    tokens: options.getToken ? new TokenCache(options.getToken) : undefined,
    graphOrigins: new Set([...GRAPH_ORIGINS, baseOrigin, ...(options.graphOrigins ?? [])]),
    userAgent: `graph-recording-client/${VERSION}${options.userAgent ? ` ${options.userAgent}` : ""}`,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    timeoutMs: options.timeoutMs ?? 60_000,
    maxRedirects: options.maxRedirects ?? 5,
  });
  const poll: PollOptions = { ...DEFAULT_POLL, ...options.poll };
  const operationHub = options.operationHub ?? new OperationHub();
  const validation = readValidation(options.validation);
  const autoClientContext = options.autoClientContext ?? true;

  /** The transport as a fetch function: a Request in, this client's policy applied. */

  const url = (path: string) => `${baseUrl}${path}`;

  /** Resolves `location` against the service root (Graph sends absolute URLs; tests may not). */
  const absolute = (location: string) => new URL(location, `${baseUrl}/`).href;

  /** Parses a body read by the transport; undefined when it is blank. */
  function readJson<T>(
    { response, text }: TextAnswer,
    operation: string,
    clientRequestId: string,
  ): T | undefined {
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      // A blank body is no answer rather than a broken one; the caller decides if that is allowed.
      if (!/\S/.test(text)) return undefined;
      throw new ProtocolError({
        message: `${operation}: the ${response.status} response body is not valid JSON`,
        operation,
        clientRequestId,
        status: response.status,
        cause: unquotedJsonError(error),
      });
    }
  }

  function getJson<T>(
    name: string,
    operationId: string,
    target: string,
    settings: CallSettings & { deadline?: Deadline | undefined },
  ): Promise<T> {
    return sendJson<T>(name, operationId, "GET", target, undefined, settings);
  }

  /** Sends a JSON request (idempotent unless `unsafe`) and reads, checks and validates the JSON answer. */
  async function sendJson<T>(
    name: string,
    operationId: string,
    method: string,
    target: string,
    body: unknown,
    settings: CallSettings & { deadline?: Deadline | undefined },
    unsafe?: CallOptions["unsafe"],
  ): Promise<T> {
    const clientRequestId = settings.clientRequestId ?? newId();
    if (body !== undefined) {
      if (validation)
        await checkBody(validation, {
          operationId,
          direction: "request",
          body,
          operation: name,
          clientRequestId,
        });
    }
    const answer = await transport.sendText({
      operation: name,
      method,
      url: target,
      headers: body === undefined ? ACCEPT_JSON : JSON_HEADERS,
      body: body === undefined ? undefined : JSON.stringify(body),
      unsafe,
      signal: settings.signal,
      timeoutMs: settings.timeoutMs,
      deadline: settings.deadline,
      clientRequestId,
      retry: settings.retry,
      buffer: true,
      throwOnError: true,
    });
    const { status } = answer.response;
    const value = readJson<T>(answer, name, clientRequestId);
    if (value === undefined) {
      if (status === 204) return undefined as T;
      throw new ProtocolError({
        message: `${name}: the ${status} response had an empty body`,
        operation: name,
        clientRequestId,
        status,
      });
    }
    if (validation)
      await checkBody(validation, {
        operationId,
        direction: "response",
        status,
        body: value,
        operation: name,
        clientRequestId,
      });
    return value;
  }

  /** Finds the operation a lost action created, by its clientContext, among the call's operations. */
  async function findByClientContext(
    callId: string,
    clientContext: string,
    deadline: Deadline,
    clientRequestId: string,
  ): Promise<Response | undefined> {
    const pages = paginate<CommsOperation>({
      firstUrl: url(routes.operations(callId)),
      operation: "reconcile (list operations)",
      fetchPage: (pageUrl) =>
        getJson<CollectionPage<CommsOperation>>("reconcile", operationIds.listOperations, pageUrl, {
          deadline,
          clientRequestId,
        }),
    });
    for await (const operation of pages) {
      if (operation.clientContext === clientContext) {
        const headers = new Headers({ "content-type": "application/json", "x-reconciled": "true" });
        if (operation.id) headers.set("location", url(routes.operation(callId, operation.id)));
        return new Response(JSON.stringify(operation), { status: 200, headers });
      }
    }
    return undefined;
  }

  /** Runs an action under one deadline that also covers reconciling it. */
  async function action<T extends OperationLike>(
    name: "recordResponse" | "record" | "updateRecordingStatus",
    path: string,
    callId: string,
    body: { clientContext?: string | null } & Record<string, unknown>,
    settings: CallSettings,
  ): Promise<ActionResponse<T>> {
    const deadline = new Deadline({
      timeoutMs: settings.timeoutMs ?? options.timeoutMs ?? 60_000,
      signal: settings.signal,
      operation: name,
    });
    try {
      return await runAction<T>(name, path, callId, body, settings, deadline);
    } finally {
      deadline.dispose();
    }
  }

  async function runAction<T extends OperationLike>(
    name: "recordResponse" | "record" | "updateRecordingStatus",
    path: string,
    callId: string,
    body: { clientContext?: string | null } & Record<string, unknown>,
    settings: CallSettings,
    deadline: Deadline,
  ): Promise<ActionResponse<T>> {
    const clientContext = body.clientContext ?? (autoClientContext ? newId() : undefined);
    const sent = clientContext === undefined ? body : { ...body, clientContext };
    const clientRequestId = settings.clientRequestId ?? newId();
    const operationId = operationIds[name];
    if (validation)
      await checkBody(validation, {
        operationId,
        direction: "request",
        body: sent,
        operation: name,
        clientRequestId,
      });
    const unsafe: UnsafeCall = {
      clientContext,
      reconcile:
        clientContext === undefined
          ? undefined
          : (deadline) => findByClientContext(callId, clientContext, deadline, clientRequestId),
    };
    const sentAnswer = await transport.sendText({
      operation: name,
      method: "POST",
      url: url(path),
      headers: JSON_HEADERS,
      body: JSON.stringify(sent),
      deadline,
      clientRequestId,
      retry: settings.retry,
      buffer: true,
      throwOnError: true,
      unsafe,
    });
    const { response } = sentAnswer;
    let answer = response;
    let operation: T | undefined;
    try {
      operation = readJson<T>(sentAnswer, name, clientRequestId);
    } catch (error) {
      // A complete 2xx with an unreadable body: the action ran, so recover it rather than resend.
      // A failed look-up is a MayHaveBeenSentError, as after a 503: the listing's own error
      // (throttled, protocol, timeout) would read as if nothing had been processed.
      const recovered =
        unsafe.reconcile &&
        (await transport.reconcileOrThrow(
          { operation: name, unsafe },
          deadline,
          { operation: name, clientRequestId },
          "status",
          response.status,
        ));
      if (!recovered) throw error;
      answer = recovered.response;
      operation = (await answer.json()) as T;
    }
    if (operation !== undefined) {
      if (validation)
        await checkBody(validation, {
          operationId,
          direction: "response",
          status: response.status,
          body: operation,
          operation: name,
          clientRequestId,
        });
    }
    const location = answer.headers.get("location");
    return {
      callId,
      status: answer.status,
      location: location ? absolute(location) : undefined,
      operation,
      clientContext,
      clientRequestId,
      reconciled: answer.headers.get("x-reconciled") === "true",
    };
  }

  function pageFetcher<T>(name: string, operationId: string, settings: CallSettings) {
    return (pageUrl: string) => getJson<CollectionPage<T>>(name, operationId, pageUrl, settings);
  }

  const internals: ClientInternals = {
    getJson,
    sendJson,
    url,
    pageFetcher,
    send: (call) => transport.send(call),
  };

  return {
    [INTERNALS]: internals,
    /** Receives final operation states from notifications; give it to the notification receiver. */
    operationHub,
    /** The service root in use. */
    baseUrl,

    /**
     * Records a short reply from the caller (POST .../recordResponse). Not idempotent: it is
     * resent only after a 429, or after reconciling by clientContext proved it did not arrive.
     */
    recordResponse(input: { callId: string; body: RecordResponseBody } & CallSettings) {
      return action<RecordOperation>(
        "recordResponse",
        routes.recordResponse(input.callId),
        input.callId,
        input.body,
        input,
      );
    },

    /** The legacy beta `record` action (answers 202 + Location, or 200 with a body). */
    record(input: { callId: string; body: RecordBody } & CallSettings) {
      return action<RecordOperation>(
        "record",
        routes.record(input.callId),
        input.callId,
        input.body,
        input,
      );
    },

    /** Reports the recording status (must succeed before any media is persisted). */
    updateRecordingStatus(
      input: { callId: string; body: UpdateRecordingStatusBody } & CallSettings,
    ) {
      return action<UpdateRecordingStatusOperation>(
        "updateRecordingStatus",
        routes.updateRecordingStatus(input.callId),
        input.callId,
        input.body,
        input,
      );
    },

    /** Reads one operation of a call. */
    getOperation(input: { callId: string; operationId: string } & CallSettings) {
      return getJson<CommsOperation>(
        "getOperation",
        operationIds.getOperation,
        url(routes.operation(input.callId, input.operationId)),
        input,
      );
    },

    /** The operations of a call, item by item (or `.pages()`). */
    listOperations(
      input: { callId: string; maxPages?: number } & CallSettings,
    ): PagedIterable<CommsOperation> {
      return paginate({
        firstUrl: url(routes.operations(input.callId)),
        operation: "listOperations",
        maxPages: input.maxPages,
        fetchPage: pageFetcher<CommsOperation>(
          "listOperations",
          operationIds.listOperations,
          input,
        ),
      });
    },

    /**
     * Resolves to the final operation of an action: at once when the answer is already final,
     * otherwise by polling with backoff (and Retry-After) until the deadline, or earlier when the
     * notification receiver publishes the final state. Throws OperationFailedError on `failed`.
     */
    async waitForOperation<T extends OperationLike>(
      result: ActionResponse<T> | (T & { id: string }),
      settings: CallSettings & { callId?: string } = {},
    ): Promise<T> {
      const action: ActionResponse<T> =
        "clientRequestId" in result && "callId" in result
          ? (result as ActionResponse<T>)
          : {
              callId: settings.callId ?? "",
              status: 200,
              location: undefined,
              operation: result as T,
              clientContext: undefined,
              clientRequestId: settings.clientRequestId ?? newId(),
              reconciled: false,
            };
      const callId = action.callId || settings.callId;
      const deadline = new Deadline({
        timeoutMs: settings.timeoutMs ?? options.operationTimeoutMs ?? 300_000,
        signal: settings.signal,
        operation: "waitForOperation",
      });
      try {
        return await waitForFinal<T>({
          name: "waitForOperation",
          result: action,
          operationUrl: (id) => (callId ? url(routes.operation(callId, id)) : undefined),
          get: (target, shared, signal) =>
            getJson<T>("getOperation", operationIds.getOperation, target, {
              signal: AbortSignal.any([shared.signal, signal]),
              // The wait's deadline ends a poll through `signal`, naming waitForOperation; the
              // poll's own timer is only a backstop and must not fire first.
              timeoutMs: shared.remaining() + 1000,
              clientRequestId: action.clientRequestId,
            }),
          deadline,
          poll,
          hub: operationHub,
          clientRequestId: action.clientRequestId,
        });
      } finally {
        deadline.dispose();
      }
    },
  };
}

/** The client returned by {@link createRecordingClient}. */
export type RecordingClient = ReturnType<typeof createRecordingClient>;
