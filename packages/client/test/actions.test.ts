import { afterEach, describe, expect, it } from "vitest";
import {
  createRawClient,
  createRecordingClient,
  MayHaveBeenSentError,
  ThrottledError,
} from "../src/index.js";
import { type FakeGraph, fakeGraph } from "./support/fake-graph.js";

let graph: FakeGraph;
afterEach(async () => {
  await graph?.close();
});

const fast = { baseDelayMs: 5, maxDelayMs: 20 };
const body = { maxRecordDurationInSeconds: 10, clientContext: "ctx-1" };
const posts = () => graph.requests.filter((r) => r.method === "POST");
const lists = () =>
  graph.requests.filter((r) => r.method === "GET" && r.path.endsWith("/operations"));

describe("safe POSTs: recordResponse, record and updateRecordingStatus", () => {
  it("resends after a 429, which proves nothing was processed", async () => {
    graph = await fakeGraph();
    graph.faults.action.push("429", "429");
    const client = createRecordingClient({ baseUrl: graph.url, retry: fast });
    const result = await client.recordResponse({ callId: "call-1", body });
    expect(result.operation).toMatchObject({ status: "running", clientContext: "ctx-1" });
    expect(result.reconciled).toBe(false);
    expect(posts()).toHaveLength(3);
    expect(lists()).toHaveLength(0);
    expect(graph.created.get("ctx-1")).toBe(1);
  });

  it.each(["503-after", "504-after", "reset-after", "truncate", "invalid"] as const)(
    "after %s, finds the operation by clientContext instead of sending again",
    async (fault) => {
      graph = await fakeGraph();
      graph.faults.action.push(fault);
      const client = createRecordingClient({ baseUrl: graph.url, retry: fast });
      const result = await client
        .recordResponse({ callId: "call-1", body })
        .catch((error) => error);
      expect(result).toMatchObject({
        reconciled: true,
        operation: { clientContext: "ctx-1", id: "op-1" },
      });
      expect(result.location).toBe(`${graph.url}/communications/calls/call-1/operations/op-1`);
      expect(lists().length).toBeGreaterThan(0);
      expect(posts()).toHaveLength(1);
      expect(graph.created.get("ctx-1")).toBe(1);
    },
  );

  it.each(["503", "reset"] as const)(
    "after %s with nothing processed, reconciles and then resends once",
    async (fault) => {
      graph = await fakeGraph();
      graph.faults.action.push(fault);
      const client = createRecordingClient({ baseUrl: graph.url, retry: fast });
      const result = await client.updateRecordingStatus({
        callId: "call-1",
        body: { status: "recording", clientContext: "ctx-1" },
      });
      expect(result).toMatchObject({ reconciled: false, operation: { clientContext: "ctx-1" } });
      expect(posts()).toHaveLength(2);
      expect(lists()).toHaveLength(1);
      expect(graph.created.get("ctx-1")).toBe(1);
    },
  );

  it("reconciles before failing when a 503 asks to wait past the deadline", async () => {
    graph = await fakeGraph();
    graph.faults.action.push("503-after-long");
    const client = createRecordingClient({ baseUrl: graph.url, retry: fast });
    const result = await client.recordResponse({ callId: "call-1", body, timeoutMs: 5_000 });
    expect(result).toMatchObject({ reconciled: true, operation: { clientContext: "ctx-1" } });
    expect(posts()).toHaveLength(1);
  });

  it("generates a clientContext when none is given, and reconciles by it", async () => {
    graph = await fakeGraph();
    graph.faults.action.push("503-after");
    const client = createRecordingClient({ baseUrl: graph.url, retry: fast });
    const result = await client.recordResponse({
      callId: "call-1",
      body: { maxRecordDurationInSeconds: 5 },
    });
    expect(result.clientContext).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.reconciled).toBe(true);
    expect(JSON.parse(posts()[0]?.body ?? "{}").clientContext).toBe(result.clientContext);
    expect(posts()).toHaveLength(1);
  });

  it("fails with MayHaveBeenSentError when there is no clientContext to reconcile by", async () => {
    graph = await fakeGraph();
    graph.faults.action.push("503-after");
    const client = createRecordingClient({
      baseUrl: graph.url,
      retry: fast,
      autoClientContext: false,
    });
    const error = await client
      .recordResponse({ callId: "call-1", body: { maxRecordDurationInSeconds: 5 } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(MayHaveBeenSentError);
    expect(error).toMatchObject({
      kind: "may-have-been-sent",
      reason: "status",
      status: 503,
      clientContext: undefined,
    });
    expect(error.message).toBe(
      "recordResponse may have been sent: the service answered 503 and the request has no clientContext to reconcile by",
    );
    expect(posts()).toHaveLength(1);
  });

  it("fails with MayHaveBeenSentError when listing operations fails", async () => {
    graph = await fakeGraph();
    graph.faults.action.push("503-after");
    graph.faults.read.push("reset", "reset", "reset", "reset", "reset");
    const client = createRecordingClient({ baseUrl: graph.url, retry: fast });
    const error = await client.recordResponse({ callId: "call-1", body }).catch((e) => e);
    expect(error).toMatchObject({
      kind: "may-have-been-sent",
      reason: "reconcile-failed",
      clientContext: "ctx-1",
    });
    expect(posts()).toHaveLength(1);
  });

  it("fails with MayHaveBeenSentError when the deadline ends while the POST is in flight", async () => {
    graph = await fakeGraph();
    graph.faults.action.push("stall");
    const client = createRecordingClient({ baseUrl: graph.url, retry: fast });
    const error = await client
      .recordResponse({ callId: "call-1", body, timeoutMs: 150 })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: "may-have-been-sent", reason: "timeout" });
    expect(error.cause).toMatchObject({ kind: "timeout" });
    expect(posts()).toHaveLength(1);
  });

  it("resends when the connection was refused (never sent)", async () => {
    graph = await fakeGraph();
    const port = new URL(graph.url).port;
    await graph.close();
    const client = createRecordingClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { ...fast, maxAttempts: 2 },
    });
    const error = await client.recordResponse({ callId: "call-1", body }).catch((e) => e);
    expect(error).toMatchObject({ kind: "network" });
    expect(error.message).toBe("recordResponse: the connection failed (ECONNREFUSED)");
  });

  it("raises ThrottledError when a 429 storm outlasts the attempts", async () => {
    graph = await fakeGraph();
    graph.faults.action.push("429", "429", "429");
    const client = createRecordingClient({
      baseUrl: graph.url,
      retry: { ...fast, maxAttempts: 3 },
    });
    const error = await client.recordResponse({ callId: "call-1", body }).catch((e) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 10, attempts: 3 });
    expect(graph.created.size).toBe(0);
  });

  it("never resends a raw POST that may have arrived", async () => {
    graph = await fakeGraph();
    graph.faults.action.push("503-after");
    const client = createRecordingClient({ baseUrl: graph.url, retry: fast });
    const error = await createRawClient(client)
      .POST("/communications/calls/call-1/recordResponse" as never, { body: body } as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "may-have-been-sent", status: 503 });
    expect(posts()).toHaveLength(1);
  });
});
