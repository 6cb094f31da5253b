import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, type SimulatorOptions, startSimulator } from "../src/index.js";
import { graph } from "./support.js";

let sim: Simulator;

async function start(options: SimulatorOptions = {}) {
  sim = await startSimulator(options);
  return sim;
}
afterEach(async () => {
  await sim?.close();
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", undefined, "Access token is empty."],
    ["a wrong token", "Bearer wrong", "Access token validation failure."],
    ["a non-bearer scheme", "Basic dXNlcjpwYXNz", "Access token is empty."],
  ])("answers 401 InvalidAuthenticationToken for %s", async (_name, authorization, message) => {
    await start();
    const call = sim.control.createCall();
    const res = await fetch(`${sim.baseUrl}/communications/calls/${call.id}/recordResponse`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: "{}",
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "InvalidAuthenticationToken", message });
    expect(body.error.innerError["request-id"]).toBe(res.headers.get("request-id"));
    expect(sim.control.requests()[0]?.status).toBe(401);
    // Nothing was started.
    expect(sim.control.requests().length).toBe(1);
  });

  it("accepts the configured tokens and follows acceptTokens (a rotated token gets 401)", async () => {
    await start({ accessTokens: ["t1", "t2"] });
    const call = sim.control.createCall();
    const path = `/communications/calls/${call.id}/operations/x`;
    expect((await graph(sim, path, { headers: { authorization: "Bearer t2" } })).status).toBe(404);
    sim.control.acceptTokens(["t3"]);
    expect((await graph(sim, path, { headers: { authorization: "Bearer t2" } })).status).toBe(401);
    expect((await graph(sim, path, { headers: { authorization: "Bearer t3" } })).status).toBe(404);
  });
});

describe("bad request bodies", () => {
  it.each([
    [
      "an empty body",
      "",
      "application/json",
      400,
      "call_recordResponse: the request body is empty; a JSON object is required.",
    ],
    [
      "invalid JSON",
      "{nope",
      "application/json",
      400,
      "call_recordResponse: unable to read JSON request payload",
    ],
    [
      "a JSON array",
      "[]",
      "application/json",
      400,
      "call_recordResponse: the request body must be a JSON object.",
    ],
    [
      "a JSON string",
      '"x"',
      "application/json",
      400,
      "call_recordResponse: the request body must be a JSON object.",
    ],
    [
      "a text/plain body",
      "{}",
      "text/plain",
      415,
      "call_recordResponse: Content-Type 'text/plain' is not supported; send application/json.",
    ],
  ])("answers Graph's error for %s", async (_name, body, type, status, message) => {
    await start();
    const call = sim.control.createCall();
    const res = await graph(sim, `/communications/calls/${call.id}/recordResponse`, {
      method: "POST",
      body,
      headers: { "content-type": type },
    });
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.message).toContain(message);
    expect(Object.keys(json.error.innerError).sort()).toEqual([
      "client-request-id",
      "date",
      "request-id",
    ]);
    expect(call.id && sim.control.requests()[0]?.operationId).toBe("call_recordResponse");
  });

  it("answers 400 with details from the configured validator, naming pointers", async () => {
    await start({
      validateRequest: ({ operationId, body }) =>
        operationId === "call_updateRecordingStatus" &&
        (body as { status?: unknown }).status === undefined
          ? [{ pointer: "/status", message: "Required" }]
          : [],
    });
    const call = sim.control.createCall();
    const res = await graph(sim, `/communications/calls/${call.id}/updateRecordingStatus`, {
      method: "POST",
      body: JSON.stringify({ clientContext: "x" }),
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({
      code: "invalidRequest",
      message:
        "call_updateRecordingStatus: the request body does not match the API: /status Required",
      details: [{ code: "invalidValue", message: "Required", target: "/status" }],
    });
    const ok = await graph(sim, `/communications/calls/${call.id}/updateRecordingStatus`, {
      method: "POST",
      body: JSON.stringify({ status: "recording" }),
    });
    expect(ok.status).toBe(200);
  });

  it("answers 500 generalException (and keeps serving) when a validator throws", async () => {
    await start({
      validateRequest: () => {
        throw new Error("validator bug");
      },
    });
    const call = sim.control.createCall();
    const res = await graph(sim, `/communications/calls/${call.id}/recordResponse`, {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatchObject({ code: "generalException" });
    expect((await fetch(`${sim.controlUrl}/health`)).status).toBe(200);
  });
});

describe("unknown routes and request ids", () => {
  it("answers 400 BadRequest for an unknown segment and 404 outside the version roots", async () => {
    await start();
    const res = await graph(sim, "/communications/nothing");
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(
      "Resource not found for the segment 'nothing' (GET /beta/communications/nothing).",
    );
    const outside = await fetch(`${sim.url}/communications/calls`);
    expect(outside.status).toBe(404);
  });

  it("echoes client-request-id and sends a fresh request-id on every answer", async () => {
    await start();
    const call = sim.control.createCall();
    const a = await graph(sim, `/communications/calls/${call.id}/operations/x`, {
      headers: { "client-request-id": "my-correlation-id" },
    });
    const b = await graph(sim, `/communications/calls/${call.id}/operations/x`);
    expect(a.headers.get("client-request-id")).toBe("my-correlation-id");
    expect((await a.json()).error.innerError["client-request-id"]).toBe("my-correlation-id");
    expect(a.headers.get("request-id")).not.toBe(b.headers.get("request-id"));
  });
});

describe("options", () => {
  it.each([
    [{ port: 70000 }, "port must be an integer from 0 to 65535, got 70000"],
    [{ pageSize: 0 }, "pageSize must be a number >= 1, got 0"],
    [{ startTime: "not a date" }, "startTime is not a date: not a date"],
    [{ accessTokens: [] }, "accessTokens must hold at least one token"],
    [
      { operations: { runningMs: -1 } },
      "operations/runningMs: expected a number of ms >= 0, got -1",
    ],
  ])("rejects %j", async (options, message) => {
    await expect(startSimulator(options as SimulatorOptions)).rejects.toThrow(message);
  });
});
