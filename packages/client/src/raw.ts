import type { paths } from "@graph-recording/types";
import createClient, { type Client } from "openapi-fetch";
import type { RecordingClient } from "./client.js";

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
export function createRawClient(client: Pick<RecordingClient, "baseUrl" | "fetch">): Client<paths> {
  return createClient<paths>({ baseUrl: client.baseUrl, fetch: client.fetch });
}
