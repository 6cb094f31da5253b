import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FaultScriptError, type Simulator, startSimulator } from "../src/index.js";
import { graph, post } from "./support.js";

let sim: Simulator;
let callId: string;

beforeEach(async () => {
  sim = await startSimulator();
  callId = sim.control.createCall().id;
});
afterEach(async () => {
  await sim.close();
});

const opsPath = () => `/communications/calls/${callId}/operations`;

/** A raw GET that reports what arrived on the socket, including how it ended. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{
    status?: number;
    headers?: Record<string, unknown>;
    body: Buffer;
    error?: string;
  }>((resolve) => {
    const chunks: Buffer[] = [];
    const req = request(url, { headers, agent: false }, (res) => {
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", (err) =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks),
          error: err.message,
        }),
      );
      res.on("aborted", () => undefined);
    });
    req.on("error", (err) =>
      resolve({
        body: Buffer.concat(chunks),
        error: (err as NodeJS.ErrnoException).code ?? err.message,
      }),
    );
    req.end();
  });
}

describe("throttling and transient errors", () => {
  it.each([
    ["seconds", 3, "3"],
    ["fractional seconds", 2.128, "2.128"],
    ["an HTTP date", new Date("2026-03-01T10:00:05Z"), "Sun, 01 Mar 2026 10:00:05 GMT"],
  ])(
    "answers 429 with Retry-After in %s and Graph's throttling body",
    async (_n, retryAfter, header) => {
      sim.control.faults.next(1, { kind: "throttle", retryAfter });
      const res = await graph(sim, opsPath());
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe(header);
      const body = await res.json();
      expect(body.error).toMatchObject({
        code: "TooManyRequests",
        message: "Please retry again later.",
        innerError: { code: "429", status: "429", "request-id": res.headers.get("request-id") },
      });
      expect((await graph(sim, opsPath())).status).toBe(200);
    },
  );

  it.each([503, 504, 500, 402])("answers a scripted %i with a Graph error body", async (status) => {
    sim.control.faults.next(1, {
      kind: "status",
      status,
      retryAfter: status === 503 ? 7 : undefined,
    });
    const res = await graph(sim, opsPath());
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toMatch(/^[a-zA-Z]+$/);
    if (status === 503) expect(res.headers.get("retry-after")).toBe("7");
  });

  it("plays a sequence in order on the matching operation only, then lets requests through", async () => {
    sim.control.faults.script(
      [{ kind: "throttle", retryAfter: 1 }, { kind: "pass" }, { kind: "status", status: 503 }],
      { match: { operationId: "call_listOperations" } },
    );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await graph(sim, opsPath())).status);
    expect(statuses).toEqual([429, 200, 503, 200]);
    // Another route was never affected.
    expect((await post(sim, `/communications/calls/${callId}/recordResponse`, {})).status).toBe(
      200,
    );
    expect(sim.control.faults.list()).toEqual([]);
    expect(
      sim.control.requests({ operationId: "call_listOperations" }).map((r) => r.fault),
    ).toEqual(["throttle", undefined, "status", undefined]);
  });

  it("repeats a script forever on a route until cancelled", async () => {
    const handle = sim.control.faults.script(
      { kind: "status", status: 504 },
      { match: { method: "GET", path: opsPath() }, repeat: true },
    );
    for (let i = 0; i < 3; i++) expect((await graph(sim, opsPath())).status).toBe(504);
    expect(handle.remaining()).toBe(Number.POSITIVE_INFINITY);
    handle.cancel();
    expect((await graph(sim, opsPath())).status).toBe(200);
  });

  it("processes the request and then answers 503 when afterHandling is set", async () => {
    sim.control.faults.next(
      1,
      { kind: "status", status: 503, afterHandling: true },
      { operationId: "call_recordResponse" },
    );
    const res = await post(sim, `/communications/calls/${callId}/recordResponse`, {
      clientContext: "lost",
    });
    expect(res.status).toBe(503);
    const list = await (await graph(sim, opsPath())).json();
    expect(list.value.map((o: { clientContext: string }) => o.clientContext)).toEqual(["lost"]);
  });
});

describe("transport faults", () => {
  it("resets the connection without an answer", async () => {
    sim.control.faults.next(1, { kind: "reset" });
    await expect(graph(sim, opsPath())).rejects.toThrow();
    expect(sim.control.requests()[0]?.status).toBe(0);
  });

  it("resets after processing when afterHandling is set (the operation exists)", async () => {
    sim.control.faults.next(1, { kind: "reset", afterHandling: true });
    await expect(
      post(sim, `/communications/calls/${callId}/recordResponse`, { clientContext: "x" }),
    ).rejects.toThrow();
    const list = await (await graph(sim, opsPath())).json();
    expect(list.value).toHaveLength(1);
  });

  it("stalls until the client gives up", async () => {
    sim.control.faults.next(1, { kind: "stall" });
    const controller = new AbortController();
    const pending = graph(sim, opsPath(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/abort/i);
    expect((await graph(sim, opsPath())).status).toBe(200);
  });

  it("stalls for a given time, then answers normally", async () => {
    sim.control.faults.next(1, { kind: "stall", ms: 30 });
    expect((await graph(sim, opsPath())).status).toBe(200);
  });

  it("sends headers and some bytes, then stalls (an idle download)", async () => {
    const meeting = sim.control.createMeeting();
    const rec = await sim.control.addRecording(meeting.id, { durationMs: 1000 });
    sim.control.faults.next(
      1,
      { kind: "stall", afterBytes: 100 },
      { operationId: "me_onlineMeeting_getRecordingContent" },
    );
    const controller = new AbortController();
    const res = await graph(sim, `/me/onlineMeetings/${meeting.id}/recordings/${rec.id}/content`, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(44 + 32_000));
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(first?.value?.length).toBe(100);
    const next = reader?.read();
    setTimeout(() => controller.abort(), 50);
    await expect(next).rejects.toThrow();
  });

  it("truncates the body after the full Content-Length was announced", async () => {
    sim.control.faults.next(1, { kind: "truncate", bytes: 10 });
    const res = await rawGet(`${sim.baseUrl}${opsPath()}`, {
      authorization: `Bearer ${sim.accessToken}`,
    });
    expect(res.status).toBe(200);
    expect(Number(res.headers?.["content-length"])).toBeGreaterThan(10);
    expect(res.body.length).toBe(10);
    expect(res.error).toBeDefined();
  });
});

describe("body faults", () => {
  it("sends a body that is not valid JSON under the JSON content type", async () => {
    sim.control.faults.next(1, { kind: "invalidJson" });
    const res = await graph(sim, opsPath());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("sends the body under a wrong content type, or a replacement body", async () => {
    sim.control.faults.next(1, { kind: "contentType" });
    const res = await graph(sim, opsPath());
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(JSON.parse(await res.text())).toMatchObject({ value: [] });
    sim.control.faults.next(1, {
      kind: "contentType",
      contentType: "text/html",
      body: "<html>proxy error</html>",
    });
    const html = await graph(sim, opsPath());
    expect(await html.text()).toBe("<html>proxy error</html>");
  });

  it("redirects to another origin", async () => {
    sim.control.faults.next(1, {
      kind: "redirect",
      status: 307,
      location: "http://127.0.0.1:9/elsewhere",
    });
    const res = await graph(sim, opsPath(), { redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:9/elsewhere");
  });

  it("applies to the media host when matched by host", async () => {
    const started = await (
      await post(sim, `/communications/calls/${callId}/recordResponse`, {
        maxRecordDurationInSeconds: 1,
      })
    ).json();
    await sim.control.advanceClock(1000);
    const op = sim.control.getOperation(callId, started.id) as {
      recordingLocation: string;
      recordingAccessToken: string;
    };
    sim.control.faults.next(1, { kind: "status", status: 503 }, { host: "media" });
    const auth = { authorization: `Bearer ${op.recordingAccessToken}` };
    expect((await fetch(op.recordingLocation, { headers: auth })).status).toBe(503);
    expect((await fetch(op.recordingLocation, { headers: auth })).status).toBe(200);
  });
});

describe("canned answers", () => {
  it("answers a scripted JSON body, e.g. a nextLink to another origin", async () => {
    const page = { value: [], "@odata.nextLink": "http://127.0.0.1:9/steal-the-token" };
    sim.control.faults.next(1, { kind: "respond", body: page });
    const res = await graph(sim, opsPath());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(page);
    expect(res.headers.get("request-id")).toBeTruthy();
  });

  it("answers a scripted status, text body and headers, and an empty 204", async () => {
    sim.control.faults.script([
      { kind: "respond", status: 418, body: "teapot", headers: { "x-why": "test" } },
      { kind: "respond", status: 204, body: { ignored: true } },
    ]);
    const teapot = await graph(sim, opsPath());
    expect([teapot.status, await teapot.text(), teapot.headers.get("x-why")]).toEqual([
      418,
      "teapot",
      "test",
    ]);
    expect(teapot.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const empty = await graph(sim, opsPath());
    expect([empty.status, await empty.text()]).toEqual([204, ""]);
  });
});

describe("counting operations", () => {
  it("lists every operation of a call, so duplicates can be counted", async () => {
    sim.control.faults.next(1, { kind: "reset", afterHandling: true });
    await post(sim, `/communications/calls/${callId}/recordResponse`, {
      clientContext: "once",
    }).catch(() => undefined);
    await post(sim, `/communications/calls/${callId}/recordResponse`, { clientContext: "once" });
    expect(sim.control.operations(callId).map((o) => o.clientContext)).toEqual(["once", "once"]);
  });
});

describe("fault script validation", () => {
  it.each([
    [[], "/steps: a fault script needs at least one step"],
    [[{ kind: "explode" }], '/steps/0/kind: unknown fault kind "explode"'],
    [[{ kind: "status", status: 99 }], "/steps/0/status: expected an HTTP status 200-599, got 99"],
    [[{ kind: "redirect" }], "/steps/0/location: a redirect needs a location URL"],
    [
      [{ kind: "throttle", retryAfter: -1 }],
      "/steps/0/retryAfter: expected seconds >= 0, a Date or a string",
    ],
  ])("rejects %j", (steps, message) => {
    expect(() => sim.control.faults.script(steps as never)).toThrow(FaultScriptError);
    expect(() => sim.control.faults.script(steps as never)).toThrow(message);
  });
});
