import { afterEach, describe, expect, it } from "vitest";
import {
  AbortedError,
  createRawClient,
  createRecordingClient,
  GraphError,
  ProtocolError,
  parseRetryAfter,
  ThrottledError,
  TimeoutError,
} from "../src/index.js";
import { json, odataError, serve, type TestServer } from "./support/server.js";

const servers: TestServer[] = [];
async function server(handler: Parameters<typeof serve>[0]) {
  const started = await serve(handler);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const fast = { baseDelayMs: 5, maxDelayMs: 20 };
const operation = {
  "@odata.type": "#microsoft.graph.commsOperation",
  id: "op-1",
  status: "running",
};

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T09:00:00Z");
  it.each([
    ["integer seconds", "3", 3000],
    ["fractional seconds (Graph sends 2.128)", "2.128", 2128],
    ["fractions round up, never shorter than asked", "0.0001", 1],
    ["an HTTP-date in the future", "Mon, 23 Nov 2026 09:00:05 GMT", 5000],
    ["an HTTP-date in the past", "Mon, 23 Nov 2026 08:59:00 GMT", 0],
    ["garbage", "soon", undefined],
    ["absent", null, undefined],
    ["negative numbers are not a delay", "-1", undefined],
  ])("reads %s", (_name, value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("retries", () => {
  it("retries a 429 after Retry-After, keeping one client-request-id and counting attempts", async () => {
    const s = await server((_req, res, _body, n) =>
      n === 1
        ? json(res, 429, odataError("TooManyRequests"), { "retry-after": "0.02" })
        : json(res, 200, operation),
    );
    const client = createRecordingClient({ baseUrl: s.url, retry: fast });
    const result = await client.getOperation({ callId: "c", operationId: "op-1" });
    expect(result.id).toBe("op-1");
    expect(s.requests).toHaveLength(2);
    const [first, second] = s.requests;
    expect(first?.headers["client-request-id"]).toBe(second?.headers["client-request-id"]);
    expect(first?.headers["retry-attempt"]).toBeUndefined();
    expect(second?.headers["retry-attempt"]).toBe("1");
    expect(second?.headers["user-agent"]).toMatch(/^graph-recording-client\/\S+$/);
  });

  it.each([503, 504])("retries a GET answered %i with full-jitter backoff", async (status) => {
    const s = await server((_req, res, _body, n) =>
      n < 3 ? json(res, status, odataError("serviceNotAvailable")) : json(res, 200, operation),
    );
    const client = createRecordingClient({ baseUrl: s.url, retry: fast });
    await expect(client.getOperation({ callId: "c", operationId: "op-1" })).resolves.toMatchObject({
      id: "op-1",
    });
    expect(s.requests).toHaveLength(3);
  });

  it("fails at once with ThrottledError carrying retryAfterMs when the wait exceeds the budget", async () => {
    const s = await server((_req, res) =>
      json(res, 429, odataError("TooManyRequests"), {
        "retry-after": "120",
        "x-ms-throttle-scope": "Tenant_Application/ReadWrite/app/tenant",
      }),
    );
    const client = createRecordingClient({ baseUrl: s.url, timeoutMs: 5_000 });
    const error = await client.getOperation({ callId: "c", operationId: "op-1" }).catch((e) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({
      kind: "throttled",
      status: 429,
      retryAfterMs: 120_000,
      attempts: 1,
      throttleScope: "Tenant_Application/ReadWrite/app/tenant",
    });
    expect(s.requests).toHaveLength(1);
  });

  it("gives up after maxAttempts with ThrottledError", async () => {
    const s = await server((_req, res) => json(res, 503, odataError("serviceNotAvailable")));
    const client = createRecordingClient({ baseUrl: s.url, retry: { ...fast, maxAttempts: 3 } });
    const error = await client.getOperation({ callId: "c", operationId: "op-1" }).catch((e) => e);
    expect(error).toMatchObject({ kind: "throttled", status: 503, attempts: 3 });
    expect(s.requests).toHaveLength(3);
  });

  it("retries a GET whose connection was reset", async () => {
    const s = await server((req, res, _body, n) => {
      if (n === 1) req.socket.destroy();
      else json(res, 200, operation);
    });
    const client = createRecordingClient({ baseUrl: s.url, retry: fast });
    await expect(client.getOperation({ callId: "c", operationId: "op-1" })).resolves.toMatchObject({
      id: "op-1",
    });
    expect(s.requests).toHaveLength(2);
  });

  it("retries a GET whose body was truncated", async () => {
    const s = await server((_req, res, _body, n) => {
      if (n === 1) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write('{"id":"op');
        res.socket?.destroy();
      } else json(res, 200, operation);
    });
    const client = createRecordingClient({ baseUrl: s.url, retry: fast });
    await expect(client.getOperation({ callId: "c", operationId: "op-1" })).resolves.toMatchObject({
      id: "op-1",
    });
  });

  it("reports an unparsable success body as ProtocolError", async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json");
    });
    const client = createRecordingClient({ baseUrl: s.url });
    const error = await client.getOperation({ callId: "c", operationId: "op-1" }).catch((e) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.message).toBe("getOperation: the 200 response body is not valid JSON");
  });

  it("turns an OData error into GraphError with code and request ids", async () => {
    const s = await server((_req, res) =>
      json(res, 404, odataError("itemNotFound", "no such call")),
    );
    const client = createRecordingClient({ baseUrl: s.url });
    const error = await client.getOperation({ callId: "c", operationId: "op-1" }).catch((e) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      kind: "graph",
      status: 404,
      code: "itemNotFound",
      requestId: "req-1",
    });
    expect(error.clientRequestId).toBe(s.requests[0]?.headers["client-request-id"]);
  });
});

describe("deadline and cancellation", () => {
  it("cancels a Retry-After sleep when the caller aborts", async () => {
    const controller = new AbortController();
    const s = await server((_req, res) => {
      json(res, 429, odataError("TooManyRequests"), { "retry-after": "20" });
      setTimeout(() => controller.abort(), 10);
    });
    const client = createRecordingClient({ baseUrl: s.url, timeoutMs: 60_000 });
    const error = await client
      .getOperation({ callId: "c", operationId: "op-1", signal: controller.signal })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(s.requests).toHaveLength(1);
  });

  it("ends a stalled call at its deadline with TimeoutError", async () => {
    const s = await server(() => undefined);
    const client = createRecordingClient({ baseUrl: s.url });
    const error = await client
      .getOperation({ callId: "c", operationId: "op-1", timeoutMs: 100 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 100, operation: "getOperation" });
  });

  it("rejects at once when the signal is already aborted", async () => {
    const s = await server((_req, res) => json(res, 200, operation));
    const client = createRecordingClient({ baseUrl: s.url });
    const error = await client
      .getOperation({ callId: "c", operationId: "op-1", signal: AbortSignal.abort() })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(s.requests).toHaveLength(0);
  });
});

describe("tokens", () => {
  it("caches the token across calls", async () => {
    const s = await server((_req, res) => json(res, 200, operation));
    let calls = 0;
    const client = createRecordingClient({
      baseUrl: s.url,
      getToken: async () => ({ token: `T${++calls}`, expiresOnTimestamp: Date.now() + 3_600_000 }),
    });
    await Promise.all(
      [1, 2, 3].map(() => client.getOperation({ callId: "c", operationId: "op-1" })),
    );
    expect(calls).toBe(1);
    expect(s.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer T1",
      "Bearer T1",
      "Bearer T1",
    ]);
  });

  it("refreshes the token once on 401 and resends", async () => {
    const s = await server((req, res) =>
      req.headers.authorization === "Bearer fresh"
        ? json(res, 200, operation)
        : json(res, 401, odataError("InvalidAuthenticationToken")),
    );
    const seen: boolean[] = [];
    const client = createRecordingClient({
      baseUrl: s.url,
      getToken: async ({ forceRefresh }) => {
        seen.push(forceRefresh);
        return forceRefresh ? "fresh" : "stale";
      },
    });
    await expect(client.getOperation({ callId: "c", operationId: "op-1" })).resolves.toMatchObject({
      id: "op-1",
    });
    expect(seen).toEqual([false, true]);
    expect(s.requests).toHaveLength(2);
  });

  it("reports a failing token provider as TokenError and sends nothing", async () => {
    const s = await server((_req, res) => json(res, 200, operation));
    const client = createRecordingClient({
      baseUrl: s.url,
      getToken: async () => {
        throw new Error("AADSTS7000215: Invalid client secret provided");
      },
    });
    const error = await client.getOperation({ callId: "c", operationId: "op-1" }).catch((e) => e);
    expect(error).toMatchObject({ kind: "token", operation: "getOperation" });
    expect(error.message).toBe(
      "getOperation: the token provider failed, so nothing was sent (AADSTS7000215: Invalid client secret provided)",
    );
    expect(s.requests).toHaveLength(0);
  });

  it("ends a token provider that hangs at the deadline", async () => {
    const s = await server((_req, res) => json(res, 200, operation));
    const client = createRecordingClient({
      baseUrl: s.url,
      getToken: () => new Promise(() => undefined),
    });
    const error = await client
      .getOperation({ callId: "c", operationId: "op-1", timeoutMs: 100 })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 100 });
  });

  it("does not loop on a second 401", async () => {
    const s = await server((_req, res) => json(res, 401, odataError("InvalidAuthenticationToken")));
    let calls = 0;
    const client = createRecordingClient({ baseUrl: s.url, getToken: async () => `T${++calls}` });
    const error = await client.getOperation({ callId: "c", operationId: "op-1" }).catch((e) => e);
    expect(error).toMatchObject({ kind: "graph", status: 401 });
    expect(calls).toBe(2);
    expect(s.requests).toHaveLength(2);
  });
});

describe("redirects and credentials per host", () => {
  it("drops the Graph token and custom headers when a redirect leaves the Graph origin", async () => {
    const media = await server((_req, res) => json(res, 200, operation));
    const graph = await server((_req, res) => {
      res.writeHead(302, { location: `${media.url}/elsewhere` }).end();
    });
    const client = createRecordingClient({
      baseUrl: graph.url,
      getToken: async () => "GRAPH_TOKEN",
    });
    const response = await createRawClient(client).GET(
      "/anything" as never,
      { headers: { "x-api-key": "SECRET" } } as never,
    );
    expect((response as { response: Response }).response.status).toBe(200);
    expect(graph.requests[0]?.headers.authorization).toBe("Bearer GRAPH_TOKEN");
    expect(graph.requests[0]?.headers["x-api-key"]).toBe("SECRET");
    expect(media.requests[0]?.headers.authorization).toBeUndefined();
    expect(media.requests[0]?.headers["x-api-key"]).toBeUndefined();
    expect(media.requests[0]?.headers["client-request-id"]).toBeUndefined();
  });

  it("follows a relative 303 with a GET and no body", async () => {
    const s = await server((req, res) => {
      if (req.url === "/first") res.writeHead(303, { location: "/second" }).end();
      else json(res, 200, { method: req.method });
    });
    const client = createRecordingClient({ baseUrl: s.url });
    const { data } = await createRawClient(client).POST(
      "/first" as never,
      { body: { a: 1 } } as never,
    );
    expect(data).toEqual({ method: "GET" });
    expect(s.requests[1]).toMatchObject({ method: "GET", path: "/second", body: "" });
  });

  it("keeps method and body on 307", async () => {
    const s = await server((req, res, body) => {
      if (req.url === "/first") res.writeHead(307, { location: "/second" }).end();
      else json(res, 200, { method: req.method, body });
    });
    const client = createRecordingClient({ baseUrl: s.url });
    const { data } = await createRawClient(client).PATCH(
      "/first" as never,
      { body: { a: 1 } } as never,
    );
    expect(data).toEqual({ method: "PATCH", body: '{"a":1}' });
  });

  it("stops a redirect loop with ProtocolError", async () => {
    const s = await server((_req, res) => res.writeHead(302, { location: "/loop" }).end());
    const client = createRecordingClient({ baseUrl: s.url, maxRedirects: 3 });
    const error = await client.getOperation({ callId: "c", operationId: "o" }).catch((e) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.message).toBe("getOperation: more than 3 redirects");
    expect(s.requests).toHaveLength(4);
  });

  it("never sends the Graph token to an origin that is not Graph", async () => {
    const other = await server((_req, res) => json(res, 200, operation));
    const graph = await server((_req, res) => json(res, 200, operation));
    const client = createRecordingClient({
      baseUrl: graph.url,
      getToken: async () => "GRAPH_TOKEN",
    });
    await createRawClient(client).GET("/direct" as never, { baseUrl: other.url } as never);
    expect(other.requests).toHaveLength(1);
    for (const request of other.requests) expect(request.headers.authorization).toBeUndefined();
  });
});
