/**
 * What happens to every request before and after its handler: request ids, the request log, the
 * scripted faults (some answer instead of the handler, some mangle its answer on the wire), and
 * the conversion of handler errors into Graph error bodies. A handler never crashes the server:
 * anything it throws becomes a Graph error.
 */
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import type { SimulatorClock } from "./clock.js";
import { defaultErrorCode, GraphHttpError, graphErrorBody, type RequestIds } from "./errors.js";
import { type Fault, type FaultInjector, formatRetryAfter } from "./faults.js";
import { uuid } from "./ids.js";
import type { RecordedRequest, RequestLog } from "./request-log.js";

/** Hono environment of the simulator's apps (node-server bindings give the raw socket). */
export type SimEnv = { Bindings: HttpBindings };

/** Graph's JSON content type, OData parameters included. */
const GRAPH_JSON =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/** What the pipeline needs from the simulator. */
export interface PipelineDeps {
  faults: FaultInjector;
  log: RequestLog;
  clock: SimulatorClock;
  /** Largest request body read, in bytes; larger ones get 413. */
  maxBodyBytes: number;
}

/** Thrown by {@link readBody} when a body exceeds the limit. */
class BodyTooLarge extends Error {}

/** Reads a request body as text, stopping at `limit` bytes. */
async function readBody(c: Context<SimEnv>, limit: number): Promise<string> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > limit) throw new BodyTooLarge();
  const body = c.req.raw.body;
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** One request as handlers see it. */
export interface Exchange {
  c: Context<SimEnv>;
  host: "graph" | "media";
  /** `beta` or `v1.0` on the Graph host. */
  version: string | undefined;
  /** Path after the version prefix. */
  path: string;
  url: URL;
  ids: RequestIds;
  bodyText: string;
  entry: RecordedRequest;
}

/** Builds a JSON response with Graph's content type. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": GRAPH_JSON, ...headers },
  });
}

/** Builds a Graph error response for an exchange. */
function errorResponse(ex: Exchange, error: GraphHttpError, date: Date): Response {
  const body = graphErrorBody({
    code: error.code,
    message: error.message,
    ids: ex.ids,
    date,
    details: error.details,
  });
  return jsonResponse(error.status, body, error.headers);
}

function splitVersion(pathname: string): { version: string | undefined; path: string } {
  const match = /^\/(beta|v1\.0)(\/.*)?$/.exec(pathname);
  if (!match) return { version: undefined, path: pathname };
  return { version: match[1], path: match[2] ?? "/" };
}

function lowerHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** Options of {@link dispatch}. */
export interface DispatchOptions {
  host: "graph" | "media";
  operationId: string | undefined;
}

/**
 * Runs one request through the log, the fault scripts and `produce`, and returns what Hono
 * should send (or marks the response as already written to the socket).
 */
export async function dispatch(
  c: Context<SimEnv>,
  deps: PipelineDeps,
  options: DispatchOptions,
  produce: (ex: Exchange) => Promise<Response> | Response,
): Promise<Response> {
  const url = new URL(c.req.url);
  const { version, path } =
    options.host === "graph"
      ? splitVersion(url.pathname)
      : { version: undefined, path: url.pathname };
  const requestId = uuid();
  const clientRequestId = c.req.header("client-request-id") || requestId;
  const ids: RequestIds = { requestId, clientRequestId };
  let bodyText = "";
  let tooLarge = false;
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    try {
      bodyText = await readBody(c, deps.maxBodyBytes);
    } catch (err) {
      // Otherwise the client went away while sending; nothing to answer.
      if (!(err instanceof BodyTooLarge)) return RESPONSE_ALREADY_SENT;
      tooLarge = true;
    }
  }
  const entry = deps.log.add({
    time: deps.clock.date().toISOString(),
    host: options.host,
    method: c.req.method,
    path,
    url: c.req.url,
    version,
    operationId: options.operationId,
    headers: lowerHeaders(c.req.raw.headers),
    body: bodyText,
    requestId,
  });
  const ex: Exchange = { c, host: options.host, version, path, url, ids, bodyText, entry };
  const fault = deps.faults.take({
    host: options.host,
    method: c.req.method,
    path,
    operationId: options.operationId,
  });
  if (fault && fault.kind !== "pass") entry.fault = fault.kind;

  const answer = await answerBeforeHandling(ex, deps, fault);
  if (answer) return finish(ex, answer);

  let response: Response;
  try {
    if (tooLarge) {
      throw new GraphHttpError({
        status: 413,
        code: "requestEntityTooLarge",
        message: `The request body is larger than ${deps.maxBodyBytes} bytes.`,
      });
    }
    response = await produce(ex);
  } catch (err) {
    const error =
      err instanceof GraphHttpError
        ? err
        : new GraphHttpError({
            status: 500,
            code: "generalException",
            message: `The simulator failed to handle the request: ${err instanceof Error ? err.message : String(err)}`,
          });
    response = errorResponse(ex, error, deps.clock.date());
  }
  if (fault) response = await answerAfterHandling(ex, deps, fault, response);
  return finish(ex, response);
}

function withIds(ex: Exchange, response: Response): Response {
  if (response === RESPONSE_ALREADY_SENT) return response;
  response.headers.set("request-id", ex.ids.requestId);
  response.headers.set("client-request-id", ex.ids.clientRequestId);
  return response;
}

function finish(ex: Exchange, response: Response): Response {
  if (response !== RESPONSE_ALREADY_SENT) ex.entry.status = response.status;
  else ex.entry.status ??= 0;
  return withIds(ex, response);
}

function faultError(
  ex: Exchange,
  deps: PipelineDeps,
  fault: Extract<Fault, { kind: "throttle" | "status" }>,
): Response {
  const status = fault.kind === "throttle" ? 429 : fault.status;
  const headers: Record<string, string> = fault.kind === "status" ? { ...fault.headers } : {};
  if (fault.retryAfter !== undefined) headers["retry-after"] = formatRetryAfter(fault.retryAfter);
  const code = (fault.kind === "status" ? fault.code : undefined) ?? defaultErrorCode(status);
  const message =
    (fault.kind === "status" ? fault.message : undefined) ??
    (status === 429 ? "Please retry again later." : `Scripted ${status} answer.`);
  const body = graphErrorBody({
    code,
    message,
    ids: ex.ids,
    date: deps.clock.date(),
    innerError: status === 429 ? { code: "429", message: "Please retry after", status: "429" } : {},
  });
  return jsonResponse(status, body, headers);
}

/** Waits until the client or the simulator closes the connection, or `ms` real ms pass. */
function hold(ex: Exchange, ms: number | undefined): Promise<"closed" | "elapsed"> {
  const out = ex.c.env.outgoing;
  return new Promise((resolve) => {
    if (out.destroyed || out.socket?.destroyed) {
      resolve("closed");
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onClose = () => {
      if (timer) clearTimeout(timer);
      resolve("closed");
    };
    out.once("close", onClose);
    if (ms !== undefined) {
      timer = setTimeout(() => {
        out.off("close", onClose);
        resolve("elapsed");
      }, ms);
    }
  });
}

function resetConnection(ex: Exchange): Response {
  ex.c.env.incoming.socket.destroy();
  ex.entry.status = 0;
  return RESPONSE_ALREADY_SENT;
}

async function answerBeforeHandling(
  ex: Exchange,
  deps: PipelineDeps,
  fault: Fault | undefined,
): Promise<Response | undefined> {
  if (!fault) return undefined;
  switch (fault.kind) {
    case "throttle":
    case "status":
      return fault.afterHandling ? undefined : faultError(ex, deps, fault);
    case "reset":
      return fault.afterHandling ? undefined : resetConnection(ex);
    case "respond": {
      const status = fault.status ?? 200;
      const isText = typeof fault.body === "string";
      const noBody = fault.body === undefined || status === 204 || status === 205 || status === 304;
      const body = noBody ? null : isText ? (fault.body as string) : JSON.stringify(fault.body);
      const headers: Record<string, string> = { ...fault.headers };
      if (body !== null) {
        headers["content-type"] ??=
          fault.contentType ?? (isText ? "text/plain; charset=utf-8" : GRAPH_JSON);
      }
      return new Response(body, { status, headers });
    }
    case "redirect":
      return new Response(null, {
        status: fault.status ?? 302,
        headers: { location: fault.location },
      });
    case "stall":
      if (fault.afterBytes !== undefined) return undefined;
      if ((await hold(ex, fault.ms)) === "closed") {
        ex.entry.status = 0;
        return RESPONSE_ALREADY_SENT;
      }
      return undefined;
    default:
      return undefined;
  }
}

function headerRecord(response: Response, bodyLength: number): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (key !== "transfer-encoding" && key !== "content-length") headers[key] = value;
  });
  headers["content-length"] = String(bodyLength);
  return headers;
}

async function answerAfterHandling(
  ex: Exchange,
  deps: PipelineDeps,
  fault: Fault,
  response: Response,
): Promise<Response> {
  switch (fault.kind) {
    case "throttle":
    case "status":
      if (!fault.afterHandling) return response;
      await response.body?.cancel();
      return faultError(ex, deps, fault);
    case "reset":
      if (!fault.afterHandling) return response;
      await response.body?.cancel();
      return resetConnection(ex);
    case "invalidJson": {
      const text = await response.text();
      const broken = text.length >= 2 ? text.slice(0, Math.ceil(text.length / 2)) : '{"value": [';
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      return new Response(broken, { status: response.status, headers });
    }
    case "contentType": {
      const body = fault.body ?? (await response.arrayBuffer());
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      headers.set("content-type", fault.contentType ?? "text/html; charset=utf-8");
      return new Response(body, { status: response.status, headers });
    }
    case "truncate": {
      const body = Buffer.from(await response.arrayBuffer());
      const out = ex.c.env.outgoing;
      withIds(ex, response);
      out.writeHead(response.status, headerRecord(response, body.length));
      const keep = Math.min(body.length, fault.bytes ?? Math.floor(body.length / 2));
      ex.entry.status = response.status;
      await new Promise<void>((resolve) => out.write(body.subarray(0, keep), () => resolve()));
      ex.c.env.incoming.socket.destroy();
      return RESPONSE_ALREADY_SENT;
    }
    case "stall": {
      if (fault.afterBytes === undefined) return response;
      const body = Buffer.from(await response.arrayBuffer());
      const out = ex.c.env.outgoing;
      withIds(ex, response);
      out.writeHead(response.status, headerRecord(response, body.length));
      const keep = Math.min(body.length, fault.afterBytes);
      ex.entry.status = response.status;
      out.write(body.subarray(0, keep));
      if ((await hold(ex, fault.ms)) === "elapsed") out.end(body.subarray(keep));
      return RESPONSE_ALREADY_SENT;
    }
    default:
      return response;
  }
}
