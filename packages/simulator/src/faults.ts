/**
 * Scripted fault injection. A script is a deterministic sequence of steps bound to the requests
 * it matches (a route, an operationId, a path, or simply "the next requests"): each matching
 * request consumes the next step. No randomness: the same script always yields the same answers.
 */

/**
 * `Retry-After` as sent: a number is written as given (`2.128` stays fractional), a Date as an
 * HTTP-date, a string verbatim (to send malformed values on purpose).
 */
export type RetryAfter = number | string | Date;

/** One scripted answer. */
export type Fault =
  /** Let the request through untouched (a gap in a sequence). */
  | { kind: "pass" }
  /** 429 with Graph's throttling body (`TooManyRequests`) and, if given, `Retry-After`. */
  | { kind: "throttle"; retryAfter?: RetryAfter; afterHandling?: boolean }
  /**
   * Any status with a Graph error body (503, 504, 500, 402, ...). With `afterHandling` the
   * request is processed first (an operation is created) and only the answer is replaced.
   */
  | {
      kind: "status";
      status: number;
      code?: string;
      message?: string;
      retryAfter?: RetryAfter;
      headers?: Record<string, string>;
      afterHandling?: boolean;
    }
  /** Destroy the connection without answering (before or after processing the request). */
  | { kind: "reset"; afterHandling?: boolean }
  /**
   * Hold the request. Without `afterBytes` nothing is sent; with it, the status line, headers
   * and that many body bytes are sent first. Without `ms` the stall lasts until the client gives
   * up or the simulator closes; with `ms` (real time) the answer then continues normally.
   */
  | { kind: "stall"; ms?: number; afterBytes?: number }
  /** Send the real status and headers (with the full `Content-Length`), then `bytes` of the body, then drop the connection. */
  | { kind: "truncate"; bytes?: number }
  /** Send the real status and headers with a body that is not valid JSON. */
  | { kind: "invalidJson" }
  /** Send the real body under another `Content-Type` (default `text/html; charset=utf-8`), or `body` instead. */
  | { kind: "contentType"; contentType?: string; body?: string }
  /** Answer with a redirect to `location` instead of processing the request. */
  | { kind: "redirect"; status?: 301 | 302 | 303 | 307 | 308; location: string }
  /**
   * Answer with this instead of processing the request: any status, a body (an object is sent
   * as JSON with Graph's content type, a string as given) and headers. For cases no other kind
   * covers, such as a nextLink that points to another origin.
   */
  | {
      kind: "respond";
      status?: number;
      body?: unknown;
      contentType?: string;
      headers?: Record<string, string>;
    };

/** Which requests a script applies to; every given field must match. */
export interface FaultMatch {
  /** The spec's operationId (or `recordingLocation` for the audio download on the media host). */
  operationId?: string | string[];
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Exact pathname (after the version prefix, e.g. `/communications/calls/c1/recordResponse`) or a RegExp tested on it. */
  path?: string | RegExp;
  /** `graph` (the API) or `media` (recordingLocation downloads). Default: both. */
  host?: "graph" | "media";
}

/** Options of {@link FaultInjector.script}. */
export interface FaultScriptOptions {
  match?: FaultMatch;
  /** Play the sequence this many times (default 1), or forever with `true`. */
  repeat?: number | true;
}

/** What a request looks like to the matcher. */
export interface FaultTarget {
  host: "graph" | "media";
  method: string;
  path: string;
  operationId: string | undefined;
}

/** A script as reported by {@link FaultInjector.list}. */
export interface FaultScriptState {
  id: number;
  match: FaultMatch;
  steps: Fault[];
  /** Steps consumed so far. */
  consumed: number;
  /** Steps left, or `Infinity` for a repeating script. */
  remaining: number;
}

/** Handle returned when a script is added. */
export interface FaultScriptHandle {
  id: number;
  /** Steps left (Infinity when repeating forever). */
  remaining(): number;
  /** Removes the script. */
  cancel(): void;
}

interface Script {
  id: number;
  match: FaultMatch;
  steps: Fault[];
  consumed: number;
  total: number;
}

/** Thrown when a fault script is malformed. */
export class FaultScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaultScriptError";
  }
}

const KINDS = new Set([
  "pass",
  "throttle",
  "status",
  "reset",
  "stall",
  "truncate",
  "invalidJson",
  "contentType",
  "redirect",
  "respond",
]);

function checkFault(fault: unknown, where: string): Fault {
  if (typeof fault !== "object" || fault === null) {
    throw new FaultScriptError(`${where}: a fault must be an object with a "kind"`);
  }
  const f = fault as Record<string, unknown>;
  if (typeof f.kind !== "string" || !KINDS.has(f.kind)) {
    throw new FaultScriptError(
      `${where}/kind: unknown fault kind ${JSON.stringify(f.kind)}; expected one of ${[...KINDS].join(", ")}`,
    );
  }
  if (f.kind === "status" || (f.kind === "respond" && f.status !== undefined)) {
    if (
      typeof f.status !== "number" ||
      !Number.isInteger(f.status) ||
      f.status < 200 ||
      f.status > 599
    ) {
      throw new FaultScriptError(
        `${where}/status: expected an HTTP status 200-599, got ${JSON.stringify(f.status)}`,
      );
    }
  }
  if (f.kind === "redirect" && typeof f.location !== "string") {
    throw new FaultScriptError(`${where}/location: a redirect needs a location URL`);
  }
  for (const key of ["ms", "afterBytes", "bytes"] as const) {
    if (f[key] !== undefined && (typeof f[key] !== "number" || (f[key] as number) < 0)) {
      throw new FaultScriptError(
        `${where}/${key}: expected a number >= 0, got ${JSON.stringify(f[key])}`,
      );
    }
  }
  if (f.retryAfter !== undefined) {
    const ra = f.retryAfter;
    const ok =
      (typeof ra === "number" && Number.isFinite(ra) && ra >= 0) ||
      typeof ra === "string" ||
      (ra instanceof Date && !Number.isNaN(ra.getTime()));
    if (!ok)
      throw new FaultScriptError(`${where}/retryAfter: expected seconds >= 0, a Date or a string`);
  }
  return f as Fault;
}

function matches(match: FaultMatch, target: FaultTarget): boolean {
  if (match.host && match.host !== target.host) return false;
  if (match.method && match.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (match.operationId !== undefined) {
    const ids = Array.isArray(match.operationId) ? match.operationId : [match.operationId];
    if (!target.operationId || !ids.includes(target.operationId)) return false;
  }
  if (match.path !== undefined) {
    if (
      typeof match.path === "string" ? match.path !== target.path : !match.path.test(target.path)
    ) {
      return false;
    }
  }
  return true;
}

/** Formats a `Retry-After` value as it goes on the wire. */
export function formatRetryAfter(value: RetryAfter): string {
  if (value instanceof Date) return value.toUTCString();
  return String(value);
}

/** Holds the fault scripts and hands out one step per matching request. */
export class FaultInjector {
  private scripts: Script[] = [];
  private nextId = 1;

  /**
   * Adds a script: each request matching `options.match` consumes the next step.
   * @example faults.script([{ kind: "throttle", retryAfter: 2.128 }, { kind: "status", status: 503 }], { match: { operationId: "call-recordResponse" } })
   */
  script(steps: Fault | Fault[], options: FaultScriptOptions = {}): FaultScriptHandle {
    const list = Array.isArray(steps) ? steps : [steps];
    if (list.length === 0)
      throw new FaultScriptError("/steps: a fault script needs at least one step");
    const checked = list.map((step, i) => checkFault(step, `/steps/${i}`));
    const repeat = options.repeat ?? 1;
    if (repeat !== true && (!Number.isInteger(repeat) || repeat < 1)) {
      throw new FaultScriptError(
        `/repeat: expected an integer >= 1 or true, got ${JSON.stringify(repeat)}`,
      );
    }
    const script: Script = {
      id: this.nextId++,
      match: { ...options.match },
      steps: checked,
      consumed: 0,
      total: repeat === true ? Number.POSITIVE_INFINITY : checked.length * repeat,
    };
    this.scripts.push(script);
    return {
      id: script.id,
      remaining: () => script.total - script.consumed,
      cancel: () => this.cancel(script.id),
    };
  }

  /** The next `count` matching requests (any route unless `match` says otherwise) get `fault`. */
  next(count: number, fault: Fault, match?: FaultMatch): FaultScriptHandle {
    if (!Number.isInteger(count) || count < 1) {
      throw new FaultScriptError(`/count: expected an integer >= 1, got ${JSON.stringify(count)}`);
    }
    return this.script(
      Array.from({ length: count }, () => fault),
      match ? { match } : {},
    );
  }

  /** Takes the step for this request from the first script that matches, if any. */
  take(target: FaultTarget): Fault | undefined {
    for (const script of this.scripts) {
      if (!matches(script.match, target)) continue;
      const step = script.steps[script.consumed % script.steps.length];
      script.consumed++;
      if (script.consumed >= script.total) this.cancel(script.id);
      return step;
    }
    return undefined;
  }

  /** Removes one script. */
  cancel(id: number): void {
    this.scripts = this.scripts.filter((s) => s.id !== id);
  }

  /** Removes every script. */
  clear(): void {
    this.scripts = [];
  }

  /** The scripts still active, with their progress. */
  list(): FaultScriptState[] {
    return this.scripts.map((s) => ({
      id: s.id,
      match: { ...s.match },
      steps: [...s.steps],
      consumed: s.consumed,
      remaining: s.total - s.consumed,
    }));
  }
}
