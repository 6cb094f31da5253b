import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPH_ROUTES, type Simulator, startSimulator } from "../src/index.js";
import { graph } from "./support.js";

let sim: Simulator;
let paths: Map<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ maxBodyBytes: 64 * 1024 });
  const call = sim.control.createCall();
  const meeting = sim.control.createMeeting();
  const rec = await sim.control.addRecording(meeting.id);
  const values: Record<string, string> = {
    callId: call.id,
    applicationId: "app",
    operationId: "op",
    meetingId: meeting.id,
    recordingId: String(rec.id),
    userId: meeting.organizerUserId,
    meetingOrganizerUserId: meeting.organizerUserId,
    subscriptionId: "sub",
  };
  paths = new Map(
    GRAPH_ROUTES.map((r) => [
      r.operationId,
      r.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
        encodeURIComponent(values[name] ?? name),
      ),
    ]),
  );
});
afterAll(async () => {
  await sim.close();
});

const hostileBodies: Array<[string, string]> = [
  [
    "wrong types everywhere",
    JSON.stringify({
      clientContext: 5,
      maxRecordDurationInSeconds: "long",
      prompts: "beep",
      status: 7,
      stopTones: { a: 1 },
      expirationDateTime: 12,
      notificationUrl: {},
      resource: [],
      changeType: null,
    }),
  ],
  [
    "nulls",
    JSON.stringify({ clientContext: null, status: null, maxRecordDurationInSeconds: null }),
  ],
  ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ["binary garbage", "\u0000\u00ff\ufffd{"],
  ["an unpaired surrogate", '{"clientContext":"\\ud800"}'],
  ["a number", "42"],
  ["too large", JSON.stringify({ clientContext: "x".repeat(100 * 1024) })],
];

describe("hostile input", () => {
  it.each(hostileBodies)("never answers 5xx to %s, on any route", async (_name, body) => {
    const statuses = new Map<string, number>();
    for (const route of GRAPH_ROUTES) {
      const path = paths.get(route.operationId) ?? "";
      const res = await graph(sim, path, {
        method: route.method === "GET" ? "POST" : route.method,
        body,
      });
      await res.arrayBuffer();
      statuses.set(`${route.method} ${route.operationId}`, res.status);
    }
    expect([...statuses].filter(([, status]) => status >= 500)).toEqual([]);
  });

  it("answers 413 requestEntityTooLarge past maxBodyBytes, declared or chunked", async () => {
    const call = sim.control.createCall();
    const big = JSON.stringify({ clientContext: "x".repeat(100 * 1024) });
    const declared = await graph(sim, `/communications/calls/${call.id}/recordResponse`, {
      method: "POST",
      body: big,
    });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe("requestEntityTooLarge");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await graph(sim, `/communications/calls/${call.id}/recordResponse`, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("still serves normally afterwards", async () => {
    const call = sim.control.createCall();
    const res = await graph(sim, `/communications/calls/${call.id}/recordResponse`, {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(200);
  });
});
