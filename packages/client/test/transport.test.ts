/**
 * The transport against @graph-recording/simulator: its scripted faults drive every retry,
 * deadline, token and redirect path, and its request log shows what went over the wire. A plain
 * server appears only as the foreign origin a redirect points to, to show what it received.
 */
import type { RetryAfter, Simulator } from "@graph-recording/simulator";
import { afterEach, describe, expect, it } from "vitest";
import {
  AbortedError,
  createRawClient,
  createRecordingClient,
  GraphError,
  ProtocolError,
  parseRetryAfter,
  type RecordingClientOptions,
  ThrottledError,
  TimeoutError,
} from "../src/index.js";
import { json, serve, type TestServer } from "./support/server.js";
import { runningOperation, useSimulators } from "./support/with-simulator.js";

const simulator = useSimulators();
const foreignOrigins: TestServer[] = [];
afterEach(async () => {
  await Promise.all(foreignOrigins.splice(0).map((s) => s.close()));
});
/** A server on another origin, for redirects that leave the simulator. */
async function foreignOrigin(handler: Parameters<typeof serve>[0]) {
  const started = await serve(handler);
  foreignOrigins.push(started);
  return started;
}

const fast = { baseDelayMs: 5, maxDelayMs: 20 };
const GET_OPERATION = { operationId: "call_getOperation" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A simulator with a running operation, and a client on it. */
async function scene(options: RecordingClientOptions = {}) {
  const sim = await simulator();
  const target = await runningOperation(sim);
  const client = createRecordingClient({
    baseUrl: sim.baseUrl,
    getToken: async () => sim.accessToken,
    retry: fast,
    ...options,
  });
  const getOperation = (settings: { signal?: AbortSignal; timeoutMs?: number } = {}) =>
    client.getOperation({ callId: target.callId, operationId: target.operationId, ...settings });
  return { sim, client, getOperation, ...target };
}

/** What the simulator received for getOperation, oldest first. */
const received = (sim: Simulator) => sim.control.requests(GET_OPERATION);

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
  it.each<[string, () => RetryAfter]>([
    ["integer seconds", () => 1],
    ["fractional seconds", () => 0.05],
    ["an HTTP-date", () => new Date(Date.now() + 1000)],
  ])(
    "retries a 429 whose Retry-After is in %s, keeping one client-request-id and counting attempts",
    async (_name, retryAfter) => {
      const { sim, getOperation, callId, operationId } = await scene();
      sim.control.faults.script(
        { kind: "throttle", retryAfter: retryAfter() },
        { match: GET_OPERATION },
      );
      await expect(getOperation()).resolves.toEqual(sim.control.getOperation(callId, operationId));
      const [first, second, ...more] = received(sim);
      expect(more).toEqual([]);
      expect(first).toMatchObject({ status: 429, fault: "throttle" });
      expect(second).toMatchObject({ status: 200 });
      expect(first?.headers["client-request-id"]).toMatch(UUID);
      expect(second?.headers["client-request-id"]).toBe(first?.headers["client-request-id"]);
      expect(first?.headers["retry-attempt"]).toBeUndefined();
      expect(second?.headers["retry-attempt"]).toBe("1");
      for (const request of [first, second]) {
        expect(request?.headers["user-agent"]).toMatch(/^graph-recording-client\/\S+$/);
        expect(request?.headers.authorization).toBe(`Bearer ${sim.accessToken}`);
      }
    },
  );

  it.each([503, 504])("retries a GET answered %i with full-jitter backoff", async (status) => {
    const { sim, getOperation, callId, operationId } = await scene();
    sim.control.faults.script(
      [
        { kind: "status", status },
        { kind: "status", status },
      ],
      { match: GET_OPERATION },
    );
    await expect(getOperation()).resolves.toEqual(sim.control.getOperation(callId, operationId));
    const requests = received(sim);
    expect(requests.map((r) => r.status)).toEqual([status, status, 200]);
    expect(requests.map((r) => r.headers["retry-attempt"])).toEqual([undefined, "1", "2"]);
    expect(new Set(requests.map((r) => r.headers["client-request-id"])).size).toBe(1);
  });

  it.each<[string, RetryAfter, (ms: number) => void]>([
    ["integer seconds", 120, (ms) => expect(ms).toBe(120_000)],
    ["fractional seconds", 90.5, (ms) => expect(ms).toBe(90_500)],
    [
      "an HTTP-date an hour ahead",
      new Date(Date.now() + 3_600_000),
      (ms) => expect(ms).toBeGreaterThan(3_500_000),
    ],
  ])(
    "fails at once with ThrottledError carrying retryAfterMs when a Retry-After in %s exceeds the budget",
    async (_name, retryAfter, checkRetryAfterMs) => {
      const { sim, getOperation } = await scene({ timeoutMs: 5_000 });
      sim.control.faults.script(
        {
          kind: "status",
          status: 429,
          code: "TooManyRequests",
          retryAfter,
          headers: { "x-ms-throttle-scope": "Tenant_Application/ReadWrite/app/tenant" },
        },
        { match: GET_OPERATION, repeat: true },
      );
      const error = await getOperation().catch((e) => e);
      expect(error).toBeInstanceOf(ThrottledError);
      expect(error).toMatchObject({
        kind: "throttled",
        status: 429,
        attempts: 1,
        throttleScope: "Tenant_Application/ReadWrite/app/tenant",
      });
      checkRetryAfterMs(error.retryAfterMs);
      expect(received(sim)).toHaveLength(1);
    },
  );

  it("gives up after maxAttempts with ThrottledError", async () => {
    const { sim, getOperation } = await scene({ retry: { ...fast, maxAttempts: 3 } });
    sim.control.faults.script(
      { kind: "status", status: 503 },
      { match: GET_OPERATION, repeat: true },
    );
    const error = await getOperation().catch((e) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ kind: "throttled", status: 503, attempts: 3 });
    expect(received(sim).map((r) => r.status)).toEqual([503, 503, 503]);
  });

  it("retries a GET whose connection was reset", async () => {
    const { sim, getOperation, callId, operationId } = await scene();
    sim.control.faults.script({ kind: "reset" }, { match: GET_OPERATION });
    await expect(getOperation()).resolves.toEqual(sim.control.getOperation(callId, operationId));
    expect(received(sim).map((r) => [r.fault, r.status])).toEqual([
      ["reset", 0],
      [undefined, 200],
    ]);
  });

  it("retries a GET whose body was truncated", async () => {
    const { sim, getOperation, callId, operationId } = await scene();
    sim.control.faults.script({ kind: "truncate", bytes: 9 }, { match: GET_OPERATION });
    await expect(getOperation()).resolves.toEqual(sim.control.getOperation(callId, operationId));
    expect(received(sim).map((r) => r.fault)).toEqual(["truncate", undefined]);
  });

  it("reports an unparsable success body as ProtocolError", async () => {
    const { sim, getOperation } = await scene();
    sim.control.faults.script({ kind: "invalidJson" }, { match: GET_OPERATION, repeat: true });
    const error = await getOperation().catch((e) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.message).toBe("getOperation: the 200 response body is not valid JSON");
    expect(error.clientRequestId).toBe(received(sim)[0]?.headers["client-request-id"]);
    expect(received(sim)).toHaveLength(1);
  });

  it("turns an OData error into GraphError with code and request ids", async () => {
    const { sim, client, callId } = await scene();
    const error = await client
      .getOperation({ callId, operationId: "no-such-operation" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ kind: "graph", status: 404, code: "itemNotFound" });
    const [request] = received(sim);
    expect(error.requestId).toBe(request?.requestId);
    expect(error.clientRequestId).toBe(request?.headers["client-request-id"]);
    expect(error.clientRequestId).toMatch(UUID);
  });
});

describe("deadline and cancellation", () => {
  it("cancels a Retry-After sleep when the caller aborts", async () => {
    const controller = new AbortController();
    const { sim, getOperation } = await scene({
      timeoutMs: 60_000,
      // Aborts once the 429 has reached the client, while it sleeps for the 20 s asked.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 429) setTimeout(() => controller.abort(), 10);
        return response;
      },
    });
    sim.control.faults.script(
      { kind: "throttle", retryAfter: 20 },
      { match: GET_OPERATION, repeat: true },
    );
    const error = await getOperation({ signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(received(sim).map((r) => r.status)).toEqual([429]);
  });

  it("ends a stalled call at its deadline with TimeoutError", async () => {
    const { sim, getOperation } = await scene();
    sim.control.faults.script({ kind: "stall" }, { match: GET_OPERATION, repeat: true });
    const error = await getOperation({ timeoutMs: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 100, operation: "getOperation" });
    expect(received(sim).map((r) => r.fault)).toEqual(["stall"]);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const { sim, getOperation } = await scene();
    const error = await getOperation({ signal: AbortSignal.abort() }).catch((e) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect(sim.control.requests()).toHaveLength(0);
  });
});

describe("tokens", () => {
  it("caches the token across calls", async () => {
    let calls = 0;
    const { sim, getOperation } = await scene({
      getToken: async () => ({ token: `T${++calls}`, expiresOnTimestamp: Date.now() + 3_600_000 }),
    });
    // Only the first token works: a second one fetched would be refused.
    sim.control.acceptTokens(["T1"]);
    await Promise.all([1, 2, 3].map(() => getOperation()));
    expect(calls).toBe(1);
    expect(received(sim).map((r) => [r.headers.authorization, r.status])).toEqual([
      ["Bearer T1", 200],
      ["Bearer T1", 200],
      ["Bearer T1", 200],
    ]);
  });

  it("refreshes the token once on 401 and resends", async () => {
    const seen: boolean[] = [];
    const { sim, getOperation, callId, operationId } = await scene({
      getToken: async ({ forceRefresh }) => {
        seen.push(forceRefresh);
        return forceRefresh ? "fresh" : "stale";
      },
    });
    sim.control.acceptTokens(["fresh"]);
    await expect(getOperation()).resolves.toEqual(sim.control.getOperation(callId, operationId));
    expect(seen).toEqual([false, true]);
    expect(received(sim).map((r) => [r.headers.authorization, r.status])).toEqual([
      ["Bearer stale", 401],
      ["Bearer fresh", 200],
    ]);
  });

  it("reports a failing token provider as TokenError and sends nothing", async () => {
    const { sim, getOperation } = await scene({
      getToken: async () => {
        throw new Error("AADSTS7000215: Invalid client secret provided");
      },
    });
    const error = await getOperation().catch((e) => e);
    expect(error).toMatchObject({ kind: "token", operation: "getOperation" });
    expect(error.message).toBe(
      "getOperation: the token provider failed, so nothing was sent (AADSTS7000215: Invalid client secret provided)",
    );
    expect(sim.control.requests()).toHaveLength(0);
  });

  it("ends a token provider that hangs at the deadline", async () => {
    const { sim, getOperation } = await scene({ getToken: () => new Promise(() => undefined) });
    const error = await getOperation({ timeoutMs: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 100 });
    expect(sim.control.requests()).toHaveLength(0);
  });

  it("does not loop on a second 401", async () => {
    let calls = 0;
    const { sim, getOperation } = await scene({ getToken: async () => `T${++calls}` });
    const error = await getOperation().catch((e) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ kind: "graph", status: 401, code: "InvalidAuthenticationToken" });
    expect(calls).toBe(2);
    expect(received(sim).map((r) => [r.headers.authorization, r.status])).toEqual([
      ["Bearer T1", 401],
      ["Bearer T2", 401],
    ]);
  });
});

describe("redirects and credentials per host", () => {
  it("drops the Graph token and custom headers when a redirect leaves the Graph origin", async () => {
    const { sim, client, callId, operationId, operation } = await scene();
    const foreign = await foreignOrigin((_req, res) => json(res, 200, operation));
    sim.control.faults.script(
      { kind: "redirect", status: 302, location: `${foreign.url}/elsewhere` },
      { match: GET_OPERATION },
    );
    const { data, response } = await createRawClient(client).GET(
      "/communications/calls/{callId}/operations/{operationId}",
      { params: { path: { callId, operationId } }, headers: { "x-api-key": "SECRET" } },
    );
    expect(response.status).toBe(200);
    expect(data).toEqual(operation);
    const [atGraph, ...more] = sim.control.requests();
    expect(more).toEqual([]);
    expect(atGraph).toMatchObject({ status: 302, fault: "redirect" });
    expect(atGraph?.headers.authorization).toBe(`Bearer ${sim.accessToken}`);
    expect(atGraph?.headers["x-api-key"]).toBe("SECRET");
    expect(foreign.requests.map((r) => r.path)).toEqual(["/elsewhere"]);
    expect(foreign.requests[0]?.headers.authorization).toBeUndefined();
    expect(foreign.requests[0]?.headers["x-api-key"]).toBeUndefined();
    expect(foreign.requests[0]?.headers["client-request-id"]).toBeUndefined();
    expect(JSON.stringify(foreign.requests)).not.toContain(sim.accessToken);
  });

  it("follows a relative 303 with a GET and no body", async () => {
    const { sim, client, callId, operationId, operation } = await scene();
    // The POST is answered "see operations/{id}" instead of being acted on.
    sim.control.faults.script(
      { kind: "redirect", status: 303, location: `operations/${operationId}` },
      { match: { operationId: "call_recordResponse" } },
    );
    const { data } = await createRawClient(client).POST(
      "/communications/calls/{callId}/recordResponse",
      { params: { path: { callId } }, body: { clientContext: "see-other" } },
    );
    expect(data).toEqual(operation);
    const [post, get, ...more] = sim.control.requests();
    expect(more).toEqual([]);
    expect(post).toMatchObject({
      method: "POST",
      path: `/communications/calls/${callId}/recordResponse`,
      status: 303,
    });
    expect(JSON.parse(post?.body ?? "")).toEqual({ clientContext: "see-other" });
    expect(get).toMatchObject({
      method: "GET",
      path: `/communications/calls/${callId}/operations/${operationId}`,
      body: "",
      status: 200,
    });
    expect(get?.headers["content-type"]).toBeUndefined();
    expect(get?.headers.authorization).toBe(`Bearer ${sim.accessToken}`);
    expect(sim.control.operations(callId)).toHaveLength(1);
  });

  it.each([307, 308] as const)("keeps method and body on %i", async (status) => {
    const { sim, client } = await scene();
    const from = sim.control.createCall();
    const to = sim.control.createCall();
    sim.control.faults.script(
      { kind: "redirect", status, location: `/beta/communications/calls/${to.id}/recordResponse` },
      { match: { operationId: "call_recordResponse" } },
    );
    const body = { clientContext: "moved-call", maxRecordDurationInSeconds: 7 };
    const { data } = await createRawClient(client).POST(
      "/communications/calls/{callId}/recordResponse",
      { params: { path: { callId: from.id } }, body },
    );
    expect(data).toMatchObject({ clientContext: "moved-call" });
    const requests = sim.control.requests({ operationId: "call_recordResponse" });
    expect(requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", `/communications/calls/${from.id}/recordResponse`, status],
      ["POST", `/communications/calls/${to.id}/recordResponse`, 200],
    ]);
    expect(JSON.parse(requests[1]?.body ?? "")).toEqual(body);
    expect(requests[1]?.headers["content-type"]).toBe("application/json");
    expect(sim.control.operations(from.id)).toHaveLength(0);
    expect(sim.control.operations(to.id)).toHaveLength(1);
  });

  it("stops a redirect loop with ProtocolError", async () => {
    const { sim, callId, operationId, getOperation } = await scene({ maxRedirects: 3 });
    sim.control.faults.script(
      {
        kind: "redirect",
        location: `/beta/communications/calls/${callId}/operations/${operationId}`,
      },
      { match: GET_OPERATION, repeat: true },
    );
    const error = await getOperation().catch((e) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.message).toBe("getOperation: more than 3 redirects");
    expect(received(sim).map((r) => r.status)).toEqual([302, 302, 302, 302]);
  });

  it("never sends the Graph token to an origin that is not Graph", async () => {
    let tokenCalls = 0;
    const { sim, client, callId, operationId } = await scene({
      getToken: async () => {
        tokenCalls++;
        return "simulator-token";
      },
    });
    const raw = createRawClient(client);
    const path = "/communications/calls/{callId}/operations/{operationId}" as const;
    const params = { path: { callId, operationId } };
    // The media host is another origin of the same simulator: it logs what it received.
    await raw.GET(path, { params, baseUrl: sim.mediaUrl });
    expect(tokenCalls).toBe(0);
    await raw.GET(path, { params });
    const [atMedia, ...moreAtMedia] = sim.control.requests({ host: "media" });
    expect(moreAtMedia).toEqual([]);
    expect(atMedia?.path).toBe(`/communications/calls/${callId}/operations/${operationId}`);
    expect(atMedia?.headers.authorization).toBeUndefined();
    expect(atMedia?.headers["client-request-id"]).toBeUndefined();
    expect(received(sim).map((r) => [r.headers.authorization, r.status])).toEqual([
      ["Bearer simulator-token", 200],
    ]);
  });
});
