/**
 * waitForOperation against the simulator. Its virtual clock decides when an operation ends: the
 * tests move it at an exact point (after the n-th poll, or before the wait), so the number of
 * polls is known; its request log counts the polls.
 */
import type { Simulator } from "@graph-recording/simulator";
import { describe, expect, it } from "vitest";
import {
  createRecordingClient,
  OperationFailedError,
  OperationHub,
  type RecordingClientOptions,
  TimeoutError,
} from "../src/index.js";
import { fetchAdvancingClock, received, until, useSimulators } from "./support/with-simulator.js";

const startSimulator = useSimulators();
const poll = { initialDelayMs: 5, maxDelayMs: 20, factor: 2 };
const RUNNING_MS = 4_000;
const POLL = "call_getOperation";

async function setUp(options: Partial<RecordingClientOptions> = {}) {
  const simulator = await startSimulator();
  const call = simulator.control.createCall();
  const client = createRecordingClient({
    baseUrl: simulator.baseUrl,
    getToken: async () => simulator.accessToken,
    poll,
    ...options,
  });
  return { simulator, callId: call.id, client };
}

/** Every poll of the operation stalls: only the deadline or a notification can end the wait. */
const stallPolls = (simulator: Simulator) =>
  simulator.control.faults.script([{ kind: "stall" }], {
    match: { operationId: POLL },
    repeat: true,
  });

describe("waitForOperation", () => {
  it("resolves an already final operation without polling", async () => {
    const { simulator, callId, client } = await setUp();
    simulator.control.scriptOperations(callId, [{ immediate: true }]);
    const started = await client.recordResponse({ callId, body: {} });
    const final = started.operation;
    expect(final).toMatchObject({ status: "completed" });
    await expect(client.waitForOperation(started)).resolves.toBe(final);
    await expect(client.waitForOperation(final as { id: string }, { callId })).resolves.toBe(final);
    expect(received(simulator, POLL)).toHaveLength(0);
  });

  it("polls the Location of a 200 + running answer until completed, with one client-request-id", async () => {
    const simulator = await startSimulator();
    const { id: callId } = simulator.control.createCall();
    simulator.control.scriptOperations(callId, [{ runningMs: RUNNING_MS }]);
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => simulator.accessToken,
      poll,
      fetch: fetchAdvancingClock(simulator, { afterPolls: 2, ms: RUNNING_MS }),
    });
    const started = await client.recordResponse({ callId, body: { clientContext: "c1" } });
    expect(started.operation?.status).toBe("running");
    expect(started.location).toBe(
      `${simulator.baseUrl}/communications/calls/${callId}/operations/${started.operation?.id}`,
    );
    const done = await client.waitForOperation(started);
    const truth = simulator.control.getOperation(callId, String(started.operation?.id));
    expect(done).toMatchObject({
      id: started.operation?.id,
      status: "completed",
      clientContext: "c1",
      recordingLocation: truth.recordingLocation,
      recordingAccessToken: truth.recordingAccessToken,
    });
    expect(String(done.recordingLocation).startsWith(simulator.mediaUrl)).toBe(true);
    expect(received(simulator, POLL).map((r) => r.status)).toEqual([200, 200, 200]);
    const ids = new Set(simulator.control.requests().map((r) => r.headers["client-request-id"]));
    expect(ids).toEqual(new Set([started.clientRequestId]));
  });

  it("polls after the legacy 202 + Location answer with no body", async () => {
    // The client posts to /communications/calls/{id}/record; a scripted 307 sends that POST to
    // the legacy /app route, which answers as the seed-era service did: 202, Location, no body.
    const simulator = await startSimulator();
    const { id: callId } = simulator.control.createCall();
    simulator.control.scriptOperations(callId, [{ runningMs: RUNNING_MS }]);
    simulator.control.faults.script(
      [
        {
          kind: "redirect",
          status: 307,
          location: `${simulator.baseUrl}/app/calls/${callId}/record`,
        },
      ],
      { match: { operationId: "call_record" } },
    );
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => simulator.accessToken,
      poll,
      fetch: fetchAdvancingClock(simulator, { afterPolls: 1, ms: RUNNING_MS }),
    });
    const started = await client.record({ callId, body: { clientContext: "legacy" } });
    const [created] = simulator.control.operations(callId);
    expect(started).toMatchObject({
      status: 202,
      operation: undefined,
      location: `${simulator.baseUrl}/communications/calls/${callId}/operations/${created?.id}`,
    });
    expect(received(simulator, "appCall_record").map((r) => r.status)).toEqual([202]);
    await expect(client.waitForOperation(started)).resolves.toMatchObject({
      id: created?.id,
      status: "completed",
      clientContext: "legacy",
    });
    expect(received(simulator, POLL)).toHaveLength(2);
  });

  it("turns failed into OperationFailedError with resultInfo and completionReason", async () => {
    const { simulator, callId, client } = await setUp();
    simulator.control.scriptOperations(callId, [
      {
        runningMs: RUNNING_MS,
        outcome: "failed",
        resultInfo: { code: 400, subcode: 8510, message: "recording failed" },
        completionReason: "playBeepFailed",
      },
    ]);
    const started = await client.recordResponse({ callId, body: {} });
    await simulator.control.advanceClock(RUNNING_MS);
    const error = await client.waitForOperation(started).catch((e) => e);
    const id = started.operation?.id;
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).toMatchObject({
      kind: "operation-failed",
      operationId: id,
      resultInfo: { code: 400, subcode: 8510, message: "recording failed" },
      completionReason: "playBeepFailed",
      clientRequestId: started.clientRequestId,
    });
    expect(error.message).toBe(
      `waitForOperation: operation ${id} failed (code 400, subcode 8510: recording failed), completionReason playBeepFailed`,
    );
    expect(received(simulator, POLL)).toHaveLength(1);
  });

  it("resolves from a notification that arrives while a poll is still out", async () => {
    const hub = new OperationHub();
    const { simulator, callId, client } = await setUp({ operationHub: hub });
    simulator.control.scriptOperations(callId, [{ runningMs: RUNNING_MS }]);
    stallPolls(simulator);
    const started = await client.recordResponse({ callId, body: {} });
    const waiting = client.waitForOperation(started);
    await until(() => received(simulator, POLL).length > 0, "the first poll");
    await simulator.control.advanceClock(RUNNING_MS);
    const final = simulator.control.getOperation(callId, String(started.operation?.id));
    hub.publish(final);
    await expect(waiting).resolves.toBe(final);
    expect(received(simulator, POLL)).toHaveLength(1);
  });

  it("uses a final state published before the wait began", async () => {
    const { simulator, callId, client } = await setUp({
      poll: { ...poll, initialDelayMs: 10_000 },
    });
    const started = await client.recordResponse({ callId, body: {} });
    await simulator.control.advanceClock(60_000);
    const final = simulator.control.getOperation(callId, String(started.operation?.id));
    expect(final.status).toBe("completed");
    client.operationHub.publish(final);
    await expect(client.waitForOperation(started)).resolves.toBe(final);
    expect(received(simulator, POLL)).toHaveLength(0);
  });

  it("ends polling at the deadline with TimeoutError", async () => {
    const { simulator, callId, client } = await setUp();
    const started = await client.recordResponse({ callId, body: {} });
    const error = await client.waitForOperation(started, { timeoutMs: 200 }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.operation).toBe("waitForOperation");
    expect(received(simulator, POLL).length).toBeGreaterThan(0);
    expect(simulator.control.getOperation(callId, String(started.operation?.id)).status).toBe(
      "running",
    );
  });

  it("ends a stalled poll at the deadline with TimeoutError", async () => {
    const { simulator, callId, client } = await setUp();
    stallPolls(simulator);
    const started = await client.recordResponse({ callId, body: {} });
    // Long enough for the first poll (sent after 5 ms) to reach the simulator on a busy machine.
    const error = await client.waitForOperation(started, { timeoutMs: 500 }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ operation: "waitForOperation", timeoutMs: 500 });
    expect(received(simulator, POLL).map((r) => r.fault)).toEqual(["stall"]);
  });

  it("keeps polling through throttling", async () => {
    const { simulator, callId, client } = await setUp({
      retry: { baseDelayMs: 5, maxDelayMs: 10 },
    });
    const started = await client.recordResponse({ callId, body: {} });
    await simulator.control.advanceClock(60_000);
    simulator.control.faults.script(
      [
        { kind: "throttle", retryAfter: 0.01 },
        { kind: "status", status: 503 },
      ],
      { match: { operationId: POLL } },
    );
    await expect(client.waitForOperation(started)).resolves.toMatchObject({ status: "completed" });
    const polls = received(simulator, POLL);
    expect(polls.map((r) => r.status)).toEqual([429, 503, 200]);
    expect(polls.map((r) => r.headers["retry-attempt"])).toEqual([undefined, "1", "2"]);
  });
});
