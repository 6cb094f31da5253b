/**
 * The client's own `scriptedFetch`, with the simulator as the real service behind it: the steps
 * that let a request through reach the simulator, the others never do, and the simulator's log
 * and operations show which is which.
 */
import { describe, expect, it } from "vitest";
import { createRecordingClient, scriptedFetch } from "../src/index.js";
import { operationsWith, received, useSimulators } from "./support/with-simulator.js";

const startSimulator = useSimulators();
const fast = { baseDelayMs: 5, maxDelayMs: 20 };

async function setUp(fetch: typeof globalThis.fetch) {
  const simulator = await startSimulator();
  const call = simulator.control.createCall();
  const client = createRecordingClient({
    baseUrl: simulator.baseUrl,
    getToken: async () => simulator.accessToken,
    fetch,
    retry: fast,
  });
  return { simulator, callId: call.id, client };
}

describe("scriptedFetch", () => {
  it("plays a fractional Retry-After, then a 503 after the action ran, through the real transport", async () => {
    const fetch = scriptedFetch([
      {
        match: { method: "POST", url: "/recordResponse" },
        steps: [
          { kind: "throttle", retryAfter: 0.012 },
          { kind: "status", status: 503, afterSend: true },
        ],
      },
    ]);
    const { simulator, callId, client } = await setUp(fetch);
    const result = await client.recordResponse({ callId, body: { clientContext: "ctx-9" } });
    expect(result).toMatchObject({ reconciled: true, operation: { clientContext: "ctx-9" } });
    expect(fetch.log.map((entry) => `${entry.method} ${entry.step}`)).toEqual([
      "POST throttle",
      "POST status",
      "GET pass",
    ]);
    // The throttled attempt never left; the one answered 503 had run.
    expect(received(simulator, "call_recordResponse").map((r) => r.status)).toEqual([200]);
    expect(received(simulator, "call_listOperations")).toHaveLength(1);
    expect(operationsWith(simulator, callId, "ctx-9")).toHaveLength(1);
  });

  it("scripts a lost answer (network after send) and a refused connection (never sent)", async () => {
    const fetch = scriptedFetch([
      {
        match: { url: "/updateRecordingStatus" },
        steps: [
          { kind: "network", code: "ECONNREFUSED" },
          { kind: "network", afterSend: true },
        ],
      },
    ]);
    const { simulator, callId, client } = await setUp(fetch);
    const result = await client.updateRecordingStatus({
      callId,
      body: { status: "recording", clientContext: "u-1" },
    });
    expect(result.reconciled).toBe(true);
    expect(fetch.log.map((entry) => entry.step)).toEqual(["network", "network", "pass"]);
    expect(received(simulator, "call_updateRecordingStatus")).toHaveLength(1);
    expect(operationsWith(simulator, callId, "u-1")).toHaveLength(1);
    expect(simulator.control.getCall(callId).recordingStatus).toBe("recording");
  });

  it("stalls until the deadline and repeats a script", async () => {
    const fetch = scriptedFetch([
      { match: { method: "GET" }, steps: [{ kind: "stall" }], repeat: true },
    ]);
    const { simulator, callId, client } = await setUp(fetch);
    const started = await client.recordResponse({ callId, body: {} });
    const operationId = String(started.operation?.id);
    const error = await client.getOperation({ callId, operationId, timeoutMs: 80 }).catch((e) => e);
    expect(error).toMatchObject({ kind: "timeout" });
    const again = await client.getOperation({ callId, operationId, timeoutMs: 80 }).catch((e) => e);
    expect(again).toMatchObject({ kind: "timeout" });
    expect(fetch.log.map((entry) => `${entry.method} ${entry.step}`)).toEqual([
      "POST pass",
      "GET stall",
      "GET stall",
    ]);
    expect(simulator.control.requests({ method: "GET" })).toHaveLength(0);
  });

  it("answers with canned bodies (for example a nextLink to another origin)", async () => {
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
    const { simulator, callId, client } = await setUp(fetch);
    const error = await (async () => {
      for await (const _ of client.listOperations({ callId })) {
        // consume
      }
    })().catch((e) => e);
    expect(error).toMatchObject({ kind: "protocol" });
    expect(error.message).toBe(
      `listOperations: refusing to follow @odata.nextLink to https://evil.example, which is not the origin the listing started on (${simulator.url})`,
    );
    expect(simulator.control.requests()).toHaveLength(0);
    // The script is spent: the next listing reaches the simulator.
    await client.recordResponse({ callId, body: { clientContext: "after" } });
    const listed: unknown[] = [];
    for await (const operation of client.listOperations({ callId })) listed.push(operation);
    expect(listed).toMatchObject([{ clientContext: "after" }]);
    expect(received(simulator, "call_listOperations")).toHaveLength(1);
  });
});
