import { afterEach, describe, expect, it } from "vitest";
import { createRecordingClient, scriptedFetch } from "../src/index.js";
import { type FakeGraph, fakeGraph } from "./support/fake-graph.js";

let graph: FakeGraph;
afterEach(async () => {
  await graph?.close();
});

const fast = { baseDelayMs: 5, maxDelayMs: 20 };

describe("scriptedFetch", () => {
  it("plays a fractional Retry-After, then a 503 after the action ran, through the real transport", async () => {
    graph = await fakeGraph();
    const fetch = scriptedFetch([
      {
        match: { method: "POST", url: "/recordResponse" },
        steps: [
          { kind: "throttle", retryAfter: 0.012 },
          { kind: "status", status: 503, afterSend: true },
        ],
      },
    ]);
    const client = createRecordingClient({ baseUrl: graph.url, fetch, retry: fast });
    const result = await client.recordResponse({
      callId: "call-1",
      body: { clientContext: "ctx-9" },
    });
    expect(result).toMatchObject({ reconciled: true, operation: { clientContext: "ctx-9" } });
    expect(fetch.log.map((entry) => `${entry.method} ${entry.step}`)).toEqual([
      "POST throttle",
      "POST status",
      "GET pass",
    ]);
    expect(graph.created.get("ctx-9")).toBe(1);
  });

  it("scripts a lost answer (network after send) and a refused connection (never sent)", async () => {
    graph = await fakeGraph();
    const fetch = scriptedFetch([
      {
        match: { url: "/updateRecordingStatus" },
        steps: [
          { kind: "network", code: "ECONNREFUSED" },
          { kind: "network", afterSend: true },
        ],
      },
    ]);
    const client = createRecordingClient({ baseUrl: graph.url, fetch, retry: fast });
    const result = await client.updateRecordingStatus({
      callId: "c",
      body: { status: "recording", clientContext: "u-1" },
    });
    expect(result.reconciled).toBe(true);
    expect(graph.created.get("u-1")).toBe(1);
    expect(fetch.log.map((entry) => entry.step)).toEqual(["network", "network", "pass"]);
  });

  it("stalls until the deadline and repeats a script", async () => {
    graph = await fakeGraph();
    const fetch = scriptedFetch([
      { match: { method: "GET" }, steps: [{ kind: "stall" }], repeat: true },
    ]);
    const client = createRecordingClient({ baseUrl: graph.url, fetch, retry: fast });
    const error = await client
      .getOperation({ callId: "c", operationId: "o", timeoutMs: 80 })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: "timeout" });
    const again = await client
      .getOperation({ callId: "c", operationId: "o", timeoutMs: 80 })
      .catch((e) => e);
    expect(again).toMatchObject({ kind: "timeout" });
    expect(graph.requests).toHaveLength(0);
  });

  it("answers with canned bodies (for example a nextLink to another origin)", async () => {
    graph = await fakeGraph();
    const fetch = scriptedFetch([
      {
        steps: [
          {
            kind: "respond",
            body: { value: [{ id: "x" }], "@odata.nextLink": "https://evil.example/next" },
          },
        ],
      },
    ]);
    const client = createRecordingClient({ baseUrl: graph.url, fetch });
    const error = await (async () => {
      for await (const _ of client.listOperations({ callId: "c" })) {
        // consume
      }
    })().catch((e) => e);
    expect(error).toMatchObject({ kind: "protocol" });
  });
});
