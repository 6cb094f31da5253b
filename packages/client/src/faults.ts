/**
 * Deterministic fault injection through the client's own `fetch` option: scripted sequences (not
 * random percentages) that run under the same transport as production, for testing a bot's
 * handling of throttling, outages, lost answers and stalls without a server that misbehaves.
 */

/** One scripted answer. `afterSend` first lets the real request through, then fails: the service acted. */
export type FaultStep =
  | { kind: "pass" }
  /** 429 (or 503/504) with Graph's throttling body and an optional Retry-After (seconds or date). */
  | { kind: "throttle"; status?: 429 | 503 | 504; retryAfter?: number | Date; afterSend?: boolean }
  /** Any status with an OData error body. */
  | {
      kind: "status";
      status: number;
      code?: string;
      retryAfter?: number | Date;
      afterSend?: boolean;
    }
  /** A canned answer (an object body goes out as JSON). */
  | { kind: "respond"; status?: number; body?: unknown; headers?: Record<string, string> }
  /** The connection fails; `code` ECONNREFUSED means it never left, anything else that it may have. */
  | { kind: "network"; code?: string; afterSend?: boolean }
  /** No answer until the request is aborted. */
  | { kind: "stall" };

/** A script: steps consumed in order by the requests it matches. */
export interface FaultScript {
  match?: { method?: string; url?: string | RegExp } | undefined;
  steps: FaultStep[];
  /** Start over when the steps run out (default false: then requests pass). */
  repeat?: boolean | undefined;
}

/** What the scripted fetch did with one request. */
export interface FaultLogEntry {
  method: string;
  url: string;
  step: FaultStep["kind"];
}

function matches(script: FaultScript, method: string, url: string): boolean {
  const match = script.match;
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.url === undefined) return true;
  return typeof match.url === "string" ? url.includes(match.url) : match.url.test(url);
}

function retryAfterValue(value: number | Date | undefined): Record<string, string> {
  if (value === undefined) return {};
  return { "retry-after": value instanceof Date ? value.toUTCString() : String(value) };
}

function graphError(status: number, code: string, headers: Record<string, string>): Response {
  const body = JSON.stringify({
    error: { code, message: `scripted ${status}`, innerError: { "request-id": "scripted" } },
  });
  return new Response(body, {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function networkError(code: string): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
}

/**
 * A `fetch` that plays scripted faults before (or instead of) the real one. Pass it as the
 * client's `fetch`; `log` records which step answered each request.
 *
 * @example
 * const fetch = scriptedFetch([
 *   { match: { url: "/recordResponse" }, steps: [{ kind: "throttle", retryAfter: 2.128 }, { kind: "status", status: 503, afterSend: true }] },
 * ]);
 * const client = createRecordingClient({ getToken, fetch });
 */
export function scriptedFetch(
  scripts: FaultScript[],
  options: { fetch?: typeof globalThis.fetch } = {},
): typeof globalThis.fetch & { log: FaultLogEntry[] } {
  const real = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const positions = scripts.map(() => 0);
  const log: FaultLogEntry[] = [];

  const next = (method: string, url: string): FaultStep => {
    for (const [index, script] of scripts.entries()) {
      if (!matches(script, method, url)) continue;
      let position = positions[index] ?? 0;
      if (position >= script.steps.length) {
        if (!script.repeat || script.steps.length === 0) continue;
        position = 0;
      }
      positions[index] = position + 1;
      const step = script.steps[position];
      if (step) return step;
    }
    return { kind: "pass" };
  };

  const scripted = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = request ? request.url : String(input);
    const method = (init.method ?? request?.method ?? "GET").toUpperCase();
    const step = next(method, url);
    log.push({ method, url, step: step.kind });
    const send = () => real(input, init);
    switch (step.kind) {
      case "pass":
        return send();
      case "respond": {
        const isJson = step.body !== undefined && typeof step.body !== "string";
        const body =
          step.body === undefined
            ? null
            : isJson
              ? JSON.stringify(step.body)
              : (step.body as string);
        const headers = {
          ...(isJson ? { "content-type": "application/json" } : {}),
          ...step.headers,
        };
        return new Response(body, { status: step.status ?? 200, headers });
      }
      case "throttle":
      case "status": {
        if (step.afterSend) await (await send()).arrayBuffer();
        const status = step.status ?? 429;
        const code = step.kind === "status" ? (step.code ?? "scriptedFault") : "TooManyRequests";
        return graphError(status, code, retryAfterValue(step.retryAfter));
      }
      case "network":
        if (step.afterSend) await (await send()).arrayBuffer();
        throw networkError(step.code ?? "ECONNRESET");
      case "stall":
        return new Promise<Response>((_, reject) => {
          const signal = init.signal ?? request?.signal;
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
        });
    }
  };
  return Object.assign(scripted, { log });
}
