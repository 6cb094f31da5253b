/** Every request the simulator received, for tests to inspect. */

/** One received request. */
export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  /** Simulated time of arrival (ISO 8601). */
  time: string;
  /** `graph` (the API) or `media` (recordingLocation downloads). */
  host: "graph" | "media";
  method: string;
  /** Path after the version prefix, e.g. `/communications/calls/c1/recordResponse`. */
  path: string;
  /** Full URL as received. */
  url: string;
  /** `beta` or `v1.0` (Graph host only). */
  version: string | undefined;
  /** The spec's operationId of the matched route, if any. */
  operationId: string | undefined;
  /** Request headers, lowercase names. */
  headers: Record<string, string>;
  /** Request body as text ("" when none). */
  body: string;
  /** `request-id` the simulator answered with. */
  requestId: string;
  /** Status sent, once answered (0 when the connection was reset or stalled). */
  status?: number;
  /** Kind of the scripted fault applied, if any. */
  fault?: string;
}

/** Filter for {@link RequestLog.list}. */
export interface RequestFilter {
  operationId?: string;
  method?: string;
  host?: "graph" | "media";
  path?: string | RegExp;
}

/** Append-only log of received requests. */
export class RequestLog {
  private entries: RecordedRequest[] = [];
  private seq = 0;

  /** Adds a request and returns its entry (to be completed with the status). */
  add(entry: Omit<RecordedRequest, "seq">): RecordedRequest {
    const recorded = { seq: ++this.seq, ...entry };
    this.entries.push(recorded);
    return recorded;
  }

  /** Received requests, oldest first, optionally filtered. */
  list(filter: RequestFilter = {}): RecordedRequest[] {
    return this.entries
      .filter((e) => {
        if (filter.operationId !== undefined && e.operationId !== filter.operationId) return false;
        if (filter.method !== undefined && e.method !== filter.method.toUpperCase()) return false;
        if (filter.host !== undefined && e.host !== filter.host) return false;
        if (filter.path !== undefined) {
          if (
            typeof filter.path === "string" ? e.path !== filter.path : !filter.path.test(e.path)
          ) {
            return false;
          }
        }
        return true;
      })
      .map((e) => ({ ...e, headers: { ...e.headers } }));
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries = [];
  }
}
