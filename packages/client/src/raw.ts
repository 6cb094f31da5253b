import type { paths } from "@graph-recording/types";
import createClient, { type Client } from "openapi-fetch";
import type { RecordingClient } from "./client.js";
import { internalsOf } from "./internal/context.js";

/** Whether the transport reads this response now: JSON, text and errors are small and complete. */
function readsNow(response: Response): boolean {
  if (!response.ok) return true;
  const type = response.headers.get("content-type") ?? "";
  return type.includes("json") || type.startsWith("text/");
}

/**
 * Reads a small body inside the call's deadline (and retries when the read breaks) into a
 * response that can still be read by the caller; anything else streams.
 */
async function replayable(response: Response): Promise<Response> {
  if (!readsNow(response)) return response;
  const bytes = await response.arrayBuffer();
  const copy = new Response(response.status === 204 || response.status === 304 ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/**
 * A client's transport as a `fetch` function (a Request in, a Response out): credentials per
 * host, retries, deadline, redirects and correlation for any library that takes a fetch. A POST
 * through it has no clientContext to reconcile by, so it is never resent after it may have arrived.
 */
export function recordingFetch(client: RecordingClient): (request: Request) => Promise<Response> {
  const { send } = internalsOf(client);
  return async (request) => {
    const method = request.method.toUpperCase();
    return send({
      operation: `${method} ${new URL(request.url).pathname}`,
      method,
      url: request.url,
      headers: new Headers(request.headers),
      body: request.body ? new Uint8Array(await request.arrayBuffer()) : undefined,
      signal: request.signal,
      unsafe: method === "POST" ? {} : undefined,
      prepare: replayable,
    });
  };
}

/**
 * The openapi-fetch client for every path of the spec, typed by `@graph-recording/types`, running
 * on the recording client's transport (same token, retries, deadline, redirects and safe POSTs).
 *
 * @example
 * const graph = createRawClient(client);
 * const { data } = await graph.GET("/communications/calls/{callId}/operations/{operationId}", {
 *   params: { path: { callId, operationId } },
 * });
 */
export function createRawClient(client: RecordingClient): Client<paths> {
  return createClient<paths>({ baseUrl: client.baseUrl, fetch: recordingFetch(client) });
}
