import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { graph, post, startReceiver } from "./support.js";

let sim: Simulator;
let bot: Awaited<ReturnType<typeof startReceiver>>;

beforeEach(async () => {
  sim = await startSimulator({ startTime: "2026-03-01T00:00:00Z" });
  bot = await startReceiver();
});
afterEach(async () => {
  await sim.close();
  await bot.close();
});

function control(path: string, body?: unknown, method = body === undefined ? "GET" : "POST") {
  return fetch(`${sim.controlUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("control API over HTTP", () => {
  it("creates a call, scripts its operation, advances the clock and shows the callback", async () => {
    const created = await control("/calls", { callbackUri: `${bot.url}/cb`, callbackToken: "tok" });
    expect(created.status).toBe(201);
    const call = await created.json();
    expect(call).toMatchObject({ callbackUri: `${bot.url}/cb`, callbackToken: "tok" });
    expect(
      (
        await control(`/calls/${call.id}/scenarios`, {
          scenarios: [{ runningMs: 1000, outcome: "failed" }],
        })
      ).status,
    ).toBe(204);
    const op = await (
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {})
    ).json();
    const advanced = await control("/clock/advance", { ms: 1000 });
    expect(await advanced.json()).toEqual({ now: "2026-03-01T00:00:01.000Z" });
    const deliveries = await (await control("/deliveries?kind=commsNotification")).json();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].headers.authorization).toBe("Bearer tok");
    expect(JSON.parse(deliveries[0].body).value[0].resourceData).toMatchObject({
      id: op.id,
      status: "failed",
    });
    const requests = await (await control("/requests?operationId=call_recordResponse")).json();
    expect(requests).toHaveLength(1);
    expect((await control(`/calls/${call.id}/end`, {})).status).toBe(204);
    expect((await post(sim, `/communications/calls/${call.id}/recordResponse`, {})).status).toBe(
      404,
    );
  });

  it("adds meetings and recordings, and expires delta tokens", async () => {
    const meeting = await (await control("/meetings", {})).json();
    const rec = await control(`/meetings/${meeting.id}/recordings`, { durationMs: 100 });
    expect(rec.status).toBe(201);
    expect((await rec.json())["@odata.type"]).toBe("#microsoft.graph.callRecording");
    const delta = `/users/${meeting.organizerUserId}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='${meeting.organizerUserId}',startDateTime=@startDateTime,endDateTime=@endDateTime)/delta`;
    const first = await (await graph(sim, delta)).json();
    expect((await control("/delta-tokens/expire", {})).status).toBe(204);
    expect((await graph(sim, first["@odata.deltaLink"])).status).toBe(410);
  });

  it("scripts faults, including an HTTP-date Retry-After and a path pattern, lists and clears them", async () => {
    const added = await control("/faults", {
      steps: [
        { kind: "throttle", retryAfterDate: "2026-03-01T00:00:09Z" },
        { kind: "status", status: 504 },
      ],
      match: { pathPattern: "^/communications/calls/[^/]+/operations$" },
    });
    expect(added.status).toBe(201);
    const listed = await (await control("/faults")).json();
    expect(listed).toMatchObject([
      {
        consumed: 0,
        remaining: 2,
        match: { pathPattern: "^\\/communications\\/calls\\/[^/]+\\/operations$" },
      },
    ]);
    const call = sim.control.createCall();
    const first = await graph(sim, `/communications/calls/${call.id}/operations`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("Sun, 01 Mar 2026 00:00:09 GMT");
    expect((await control("/faults", undefined, "DELETE")).status).toBe(204);
    expect((await graph(sim, `/communications/calls/${call.id}/operations`)).status).toBe(200);
  });

  it.each([
    ["/faults", { steps: [{ kind: "bogus" }] }, 400, '/steps/0/kind: unknown fault kind "bogus"'],
    ["/clock/advance", { ms: "soon" }, 400, "/ms: expected a number of milliseconds"],
    ["/calls", { callbackUri: "not a url" }, 400, "callbackUri is not an absolute URL: not a url"],
    ["/calls/nope/scenarios", { scenarios: [] }, 404, "no call with id nope"],
    ["/meetings/nope/recordings", {}, 404, "no meeting with id nope"],
    ["/nothing", {}, 404, "No control route POST /_simulator/nothing"],
    [
      "/calls",
      { scenario: { runningMs: "soon" } },
      400,
      '/scenario/runningMs: expected a number of ms >= 0, got "soon"',
    ],
    [
      "/calls",
      { scenario: { outcome: "done" } },
      400,
      '/scenario/outcome: expected "completed" or "failed", got "done"',
    ],
    [
      "/calls",
      { scenario: { completionReason: "bored" } },
      400,
      "/scenario/completionReason: expected one of operationCanceled",
    ],
    [
      "/calls",
      { scenario: { resultInfo: { code: 1 } } },
      400,
      "/scenario/resultInfo: expected { code: integer, subcode: integer, message: string }",
    ],
    [
      "/calls",
      { scenario: { immediate: "yes" } },
      400,
      '/scenario/immediate: expected a boolean, got "yes"',
    ],
  ])("answers POST %s %j with %i and a message", async (path, body, status, message) => {
    const res = await control(path, body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toContain(message);
  });

  it("rejects a body that is not JSON", async () => {
    const res = await fetch(`${sim.controlUrl}/calls`, { method: "POST", body: "{" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^body is not JSON/);
  });
});
