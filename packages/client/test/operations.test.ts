import { afterEach, describe, expect, it } from "vitest";
import {
  createRecordingClient,
  OperationFailedError,
  OperationHub,
  TimeoutError,
} from "../src/index.js";
import { type FakeGraph, fakeGraph } from "./support/fake-graph.js";

let graph: FakeGraph;
afterEach(async () => {
  await graph?.close();
});

const poll = { initialDelayMs: 5, maxDelayMs: 20, factor: 2 };
const polls = () =>
  graph.requests.filter((r) => r.method === "GET" && /\/operations\/[^/]+$/.test(r.path));

describe("waitForOperation", () => {
  it("resolves an already final answer without polling", async () => {
    graph = await fakeGraph();
    const client = createRecordingClient({ baseUrl: graph.url, poll });
    const final = { id: "op-9", status: "completed", resultInfo: { code: 200, subcode: 0 } };
    await expect(client.waitForOperation(final, { callId: "call-1" })).resolves.toBe(final);
    expect(graph.requests).toHaveLength(0);
  });

  it("polls the Location of a 200 + running answer until completed, with one client-request-id", async () => {
    graph = await fakeGraph();
    graph.completeAfterPolls = 3;
    const client = createRecordingClient({ baseUrl: graph.url, poll });
    const started = await client.recordResponse({
      callId: "call-1",
      body: { clientContext: "c1" },
    });
    expect(started.operation?.status).toBe("running");
    const done = await client.waitForOperation(started);
    expect(done).toMatchObject({
      id: "op-1",
      status: "completed",
      recordingAccessToken: "REC_TOKEN_op-1",
    });
    expect(polls()).toHaveLength(3);
    const ids = new Set(graph.requests.map((r) => r.headers["client-request-id"]));
    expect(ids.size).toBe(1);
  });

  it("polls after the legacy 202 + Location answer with no body", async () => {
    graph = await fakeGraph();
    graph.actionStyle = "202";
    const client = createRecordingClient({ baseUrl: graph.url, poll });
    const started = await client.record({ callId: "call-1", body: {} });
    expect(started).toMatchObject({ status: 202, operation: undefined });
    await expect(client.waitForOperation(started)).resolves.toMatchObject({ status: "completed" });
  });

  it("turns failed into OperationFailedError with resultInfo", async () => {
    graph = await fakeGraph();
    graph.finalStatus = "failed";
    const client = createRecordingClient({ baseUrl: graph.url, poll });
    const started = await client.recordResponse({ callId: "call-1", body: {} });
    const error = await client.waitForOperation(started).catch((e) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).toMatchObject({
      kind: "operation-failed",
      operationId: "op-1",
      resultInfo: { code: 400, subcode: 8510, message: "recording failed" },
    });
    expect(error.message).toBe(
      "waitForOperation: operation op-1 failed (code 400, subcode 8510: recording failed)",
    );
  });

  it("resolves from a notification that arrives before polling finishes", async () => {
    graph = await fakeGraph();
    graph.completeAfterPolls = Number.POSITIVE_INFINITY;
    const hub = new OperationHub();
    const client = createRecordingClient({
      baseUrl: graph.url,
      poll: { ...poll, initialDelayMs: 50 },
      operationHub: hub,
    });
    const started = await client.recordResponse({ callId: "call-1", body: {} });
    const waiting = client.waitForOperation(started);
    hub.publish({ id: "op-1", status: "completed", recordingLocation: "https://media.example/x" });
    await expect(waiting).resolves.toMatchObject({
      status: "completed",
      recordingLocation: "https://media.example/x",
    });
  });

  it("uses a final state published before the wait began", async () => {
    graph = await fakeGraph();
    graph.completeAfterPolls = Number.POSITIVE_INFINITY;
    const client = createRecordingClient({
      baseUrl: graph.url,
      poll: { ...poll, initialDelayMs: 10_000 },
    });
    const started = await client.recordResponse({ callId: "call-1", body: {} });
    client.operationHub.publish({ id: "op-1", status: "Completed" });
    await expect(client.waitForOperation(started)).resolves.toMatchObject({ status: "Completed" });
    expect(polls()).toHaveLength(0);
  });

  it("ends polling at the deadline with TimeoutError", async () => {
    graph = await fakeGraph();
    graph.completeAfterPolls = Number.POSITIVE_INFINITY;
    const client = createRecordingClient({ baseUrl: graph.url, poll });
    const started = await client.recordResponse({ callId: "call-1", body: {} });
    const error = await client.waitForOperation(started, { timeoutMs: 200 }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.operation).toBe("waitForOperation");
  });

  it("keeps polling through throttling", async () => {
    graph = await fakeGraph();
    graph.completeAfterPolls = 2;
    const client = createRecordingClient({
      baseUrl: graph.url,
      poll,
      retry: { baseDelayMs: 5, maxDelayMs: 10 },
    });
    const started = await client.recordResponse({ callId: "call-1", body: {} });
    graph.faults.read.push("429", "503");
    await expect(client.waitForOperation(started)).resolves.toMatchObject({ status: "completed" });
  });
});
