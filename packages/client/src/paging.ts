/**
 * `for await` over collection pages and items (list, getAllRecordings) and over delta rounds,
 * following `@odata.nextLink` only on the Graph origin the call started on, with a pluggable
 * store that saves the `@odata.deltaLink` only once the consumer has finished the round.
 */
import { GraphError, ProtocolError } from "./errors.js";
import { originOf } from "./hosts.js";

/** One page of a Graph collection. */
export interface CollectionPage<T> {
  value?: T[];
  "@odata.nextLink"?: string | null;
  "@odata.deltaLink"?: string | null;
  [annotation: `@${string}`]: unknown;
}

/** Fetches one page by absolute URL (the client supplies it, with its credentials and policy). */
export type PageFetcher<T> = (url: string) => Promise<CollectionPage<T>>;

/** An async iterable of items that can also be walked page by page. */
export interface PagedIterable<T> extends AsyncIterable<T> {
  /** The same walk, one page (with its annotations) at a time. */
  pages(): AsyncIterable<CollectionPage<T>>;
}

/** Throws unless `next` stays on the origin of `first` (a token is never sent elsewhere). */
function checkNextLink(first: string, next: string, operation: string): string {
  const resolved = new URL(next, first).href;
  if (originOf(resolved) !== originOf(first)) {
    throw new ProtocolError({
      message: `${operation}: refusing to follow @odata.nextLink to ${originOf(resolved) ?? "an unparsable URL"}, which is not the origin the listing started on (${originOf(first)})`,
      operation,
    });
  }
  return resolved;
}

/** Pages of a collection, following nextLink until it is absent or `maxPages` is reached. */
export function paginate<T>(options: {
  firstUrl: string;
  fetchPage: PageFetcher<T>;
  operation: string;
  maxPages?: number | undefined;
}): PagedIterable<T> {
  async function* pages(): AsyncGenerator<CollectionPage<T>> {
    let url: string | undefined = options.firstUrl;
    for (let count = 1; url; count++) {
      const page: CollectionPage<T> = await options.fetchPage(url);
      yield page;
      // The next link is checked only when it is about to be followed.
      const next: string | null | undefined = page["@odata.nextLink"];
      url =
        next && count < (options.maxPages ?? Number.POSITIVE_INFINITY)
          ? checkNextLink(options.firstUrl, next, options.operation)
          : undefined;
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.value ?? [];
    },
  };
}

/**
 * Keeps one deltaLink per key between rounds (a database row, a file, a KV entry...).
 *
 * @example
 * const store: DeltaLinkStore = {
 *   get: (key) => db.get(key),
 *   set: (key, link) => db.put(key, link),
 *   delete: (key) => db.del(key),
 * };
 */
export interface DeltaLinkStore {
  get(key: string): Promise<string | undefined> | string | undefined;
  set(key: string, deltaLink: string): Promise<void> | void;
  delete(key: string): Promise<void> | void;
}

/** A DeltaLinkStore in memory, for tests and short-lived processes. */
export function memoryDeltaLinkStore(): DeltaLinkStore & { readonly links: Map<string, string> } {
  const links = new Map<string, string>();
  return {
    links,
    get: (key) => links.get(key),
    set: (key, link) => {
      links.set(key, link);
    },
    delete: (key) => {
      links.delete(key);
    },
  };
}

/** Codes Graph uses for a delta token it can no longer serve; recovery is a fresh round. */
const RESYNC_CODES = new Set(["resyncrequired", "syncstatenotfound", "syncstateinvalid"]);

/** Whether an error asks for a fresh delta round. */
function isResync(error: unknown): boolean {
  return (
    error instanceof GraphError &&
    (RESYNC_CODES.has((error.code ?? "").toLowerCase()) || error.status === 410)
  );
}

/** One delta round's options. */
export interface DeltaOptions {
  store: DeltaLinkStore;
  /** Key of this delta stream in the store (e.g. the meeting id). */
  key: string;
  maxPages?: number | undefined;
  /** Told when the stored link was rejected and a fresh round started. */
  onResync?: ((error: GraphError) => void) | undefined;
}

/**
 * One delta round: starts from the stored deltaLink (or `initialUrl`), yields every page, and
 * saves the new deltaLink only after the consumer has asked for more past the last page, so a
 * consumer that stops early or throws replays the round next time instead of losing changes.
 */
export function deltaRound<T>(
  options: DeltaOptions & {
    initialUrl: string;
    fetchPage: PageFetcher<T>;
    operation: string;
  },
): PagedIterable<T> {
  async function* pages(): AsyncGenerator<CollectionPage<T>> {
    const stored = await options.store.get(options.key);
    let url: string | undefined = stored ?? options.initialUrl;
    let resynced = false;
    let pagesRead = 0;
    while (url) {
      let page: CollectionPage<T>;
      try {
        page = await options.fetchPage(url);
      } catch (error) {
        // Recover once per round, and only before any page of this round reached the consumer.
        if (!resynced && pagesRead === 0 && url !== options.initialUrl && isResync(error)) {
          resynced = true;
          await options.store.delete(options.key);
          options.onResync?.(error as GraphError);
          url = options.initialUrl;
          continue;
        }
        throw error;
      }
      pagesRead++;
      const next = page["@odata.nextLink"];
      const delta = page["@odata.deltaLink"];
      yield page;
      if (next) {
        // Stopping at maxPages ends the round unfinished: no deltaLink is saved.
        url =
          pagesRead < (options.maxPages ?? Number.POSITIVE_INFINITY)
            ? checkNextLink(options.initialUrl, next, options.operation)
            : undefined;
        continue;
      }
      // Reached only when the consumer asked for more after the final page: the round is done.
      if (delta) {
        await options.store.set(
          options.key,
          checkNextLink(options.initialUrl, delta, options.operation),
        );
      }
      url = undefined;
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.value ?? [];
    },
  };
}
