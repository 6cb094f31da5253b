/**
 * What the optional feature modules (meeting recordings, subscriptions) borrow from a client, so
 * that code a program does not import stays out of its bundle.
 */

import type { CallSettings } from "../client.js";
import type { CollectionPage } from "../paging.js";
import type { CallOptions, UnsafeCall } from "../transport.js";
import type { Deadline } from "./timing.js";

/** The key of a client's internals (not part of the public API). */
export const INTERNALS: unique symbol = Symbol("graph-recording.client");

export interface ClientInternals {
  getJson<T>(
    name: string,
    operationId: string,
    target: string,
    settings: CallSettings & { deadline?: Deadline | undefined },
  ): Promise<T>;
  sendJson<T>(
    name: string,
    operationId: string,
    method: string,
    target: string,
    body: unknown,
    settings: CallSettings,
    unsafe?: UnsafeCall,
  ): Promise<T>;
  url(path: string): string;
  /** Runs one call through the client's transport (the body streams unless `prepare` reads it). */
  send(call: CallOptions & { buffer?: false | undefined }): Promise<Response>;
  pageFetcher<T>(
    name: string,
    operationId: string,
    settings: CallSettings,
  ): (url: string) => Promise<CollectionPage<T>>;
}

/** The internals of a client made by createRecordingClient. */
export function internalsOf(client: { [INTERNALS]: ClientInternals }): ClientInternals {
  return client[INTERNALS];
}
