/**
 * End to end against @graph-recording/simulator (a stateful local Graph with scripted faults).
 */
import { createServer } from "node:http";
import type { Simulator } from "@graph-recording/simulator";
import * as sim from "@graph-recording/simulator";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createRecordingClient,
  downloadRecordedAudio,
  meetingRecordings,
  memoryDeltaLinkStore,
} from "../src/index.js";
import { createNotificationReceiver, toNodeHandler } from "../src/notifications.js";
import { collect } from "./support/server.js";

describe("against @graph-recording/simulator", () => {
  let simulator: Simulator;
  beforeAll(() => {
    expect(typeof sim.startSimulator).toBe("function");
  });
  afterEach(async () => {
    await simulator?.close();
  });

  const start = async (options: Record<string, unknown> = {}) => {
    simulator = await sim.startSimulator({ clock: "real", speed: 50, ...options });
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => simulator.accessToken,
      retry: { baseDelayMs: 5, maxDelayMs: 40 },
      poll: { initialDelayMs: 20, maxDelayMs: 100 },
    });
    return client;
  };

  it("records, polls to completion and streams the audio with the recording token only", async () => {
    const client = await start();
    const call = simulator.control.createCall();
    simulator.control.scriptOperations(call.id, [{ runningMs: 1000, outcome: "completed" }]);
    const started = await client.recordResponse({
      callId: call.id,
      body: { maxRecordDurationInSeconds: 5 },
    });
    expect(started.operation?.status).toMatch(/notStarted|running/);
    const done = await client.waitForOperation(started);
    expect(done.status).toBe("completed");
    const audio = await downloadRecordedAudio(client, done);
    const bytes = await collect(audio.body);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("RIFF");
    const media = simulator.control.requests({ host: "media" });
    expect(media.length).toBeGreaterThan(0);
    expect(JSON.stringify(media)).not.toContain(simulator.accessToken);
  });

  it("reconciles an action the simulator acted on before answering 503", async () => {
    const client = await start();
    const call = simulator.control.createCall();
    simulator.control.faults.script(
      [
        { kind: "throttle", retryAfter: 0.05 },
        { kind: "status", status: 503, afterHandling: true },
      ],
      { match: { operationId: "call_recordResponse" } },
    );
    const result = await client.recordResponse({
      callId: call.id,
      body: { clientContext: "sim-ctx" },
    });
    expect(result.reconciled).toBe(true);
    expect(simulator.control.operations(call.id)).toHaveLength(1);
  });

  it("ends the wait when the simulator's callback arrives first", async () => {
    await start();
    // Polling would first look after a minute: only the callback can end this wait in time.
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => simulator.accessToken,
      poll: { initialDelayMs: 60_000 },
    });
    const tokens: string[] = [];
    const receiver = createNotificationReceiver({
      verifyBearer: (token) => tokens.includes(token),
      operationHub: client.operationHub,
    });
    const server = createServer(toNodeHandler(receiver));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      // A fixed callback token: without one the simulator signs a fresh JWT per callback.
      const callbackToken = "callback-token-for-this-test";
      const call = simulator.control.createCall({
        callbackUri: `http://127.0.0.1:${port}/callback`,
        callbackToken,
      });
      tokens.push(callbackToken);
      simulator.control.scriptOperations(call.id, [{ runningMs: 500, outcome: "completed" }]);
      const started = await client.recordResponse({ callId: call.id, body: {} });
      const done = await client.waitForOperation(started, { timeoutMs: 20_000 });
      expect(done.status).toBe("completed");
      await simulator.control.settle();
      const callbacks = simulator.control.deliveries({ kind: "commsNotification" });
      expect(callbacks.map((delivery: { status?: number }) => delivery.status)).toContain(202);
      expect(
        simulator.control.requests({ path: new RegExp(`/operations/${done.id}$`) }),
      ).toHaveLength(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("restarts a delta round after the simulator expires its tokens", async () => {
    const client = await start();
    const meeting = simulator.control.createMeeting();
    await simulator.control.addRecording(meeting.id);
    const store = memoryDeltaLinkStore();
    const recordings = meetingRecordings(client);
    const round = () =>
      recordings.recordingsDelta({ userId: meeting.organizerUserId, store, key: "k" });
    const first: string[] = [];
    for await (const recording of round()) first.push(String(recording.id));
    expect(first).toHaveLength(1);
    expect(store.links.get("k")).toBeDefined();
    simulator.control.expireDeltaTokens();
    const resynced: string[] = [];
    for await (const recording of round()) resynced.push(String(recording.id));
    expect(resynced).toEqual(first);
  });

  it("refreshes the token once when the simulator stops accepting it", async () => {
    simulator = await sim.startSimulator({ accessTokens: ["old"] });
    let current = "old";
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async ({ forceRefresh }) => {
        if (forceRefresh) current = "new";
        return current;
      },
    });
    const call = simulator.control.createCall();
    simulator.control.acceptTokens(["new"]);
    const result = await client.updateRecordingStatus({
      callId: call.id,
      body: { status: "recording" },
    });
    expect(result.operation?.status).toBeDefined();
    expect(current).toBe("new");
  });
});
