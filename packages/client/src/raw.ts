import type { paths } from "@graph-recording/types";
import createClient, { type Client } from "openapi-fetch";
import type { RecordingClient } from "./client.js";
import { internalsOf } from "./internal/context.js";

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
      buffer: "auto",
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
