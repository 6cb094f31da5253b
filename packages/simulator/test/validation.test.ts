import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  requestValidatorFrom,
  type Simulator,
  startSimulator,
  toJsonPointer,
} from "../src/index.js";
import { post } from "./support.js";

// A two-operation stand-in for the generated module, built with real Zod schemas.
const updateBody = z.object({
  status: z.enum(["unknown", "notRecording", "recording", "failed", "unknownFutureValue"]),
  clientContext: z.string().max(256).optional(),
});
const operations = {
  call_updateRecordingStatus: {
    method: "post",
    request: { open: updateBody, strict: updateBody.strict() },
  },
  call_getOperation: { method: "get" },
};

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
});

describe("requestValidatorFrom", () => {
  const strict = requestValidatorFrom(operations);
  const open = requestValidatorFrom(operations, { mode: "open" });

  it.each([
    [{ status: "recording" }, []],
    [{}, [{ pointer: "/status", message: expect.stringContaining("expected one of") }]],
    [
      { status: "recording", clientContext: "x".repeat(257) },
      [{ pointer: "/clientContext", message: expect.any(String) }],
    ],
    [
      { status: "recording", extra: 1 },
      [{ pointer: "", message: expect.stringContaining("extra") }],
    ],
  ])("strict: %j", (body, issues) => {
    expect(strict({ operationId: "call_updateRecordingStatus", body })).toEqual(issues);
  });

  it("open mode accepts undeclared properties", () => {
    expect(
      open({ operationId: "call_updateRecordingStatus", body: { status: "recording", extra: 1 } }),
    ).toEqual([]);
  });

  it("accepts operations without a request schema and unknown operations", () => {
    expect(strict({ operationId: "call_getOperation", body: undefined })).toEqual([]);
    expect(strict({ operationId: "nope", body: { anything: true } })).toEqual([]);
  });

  it("escapes JSON pointer tokens", () => {
    expect(toJsonPointer(["a/b", "c~d", 0])).toBe("/a~1b/c~0d/0");
  });

  it("makes the simulator answer 400 with the issues, and 200 once the body is valid", async () => {
    sim = await startSimulator({ validateRequest: strict });
    const call = sim.control.createCall();
    const bad = await post(sim, `/communications/calls/${call.id}/updateRecordingStatus`, {
      status: "paused",
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe("invalidRequest");
    expect(error.details).toEqual([
      { code: "invalidValue", message: expect.any(String), target: "/status" },
    ]);
    expect(sim.control.operations(call.id)).toEqual([]);
    const good = await post(sim, `/communications/calls/${call.id}/updateRecordingStatus`, {
      status: "failed",
    });
    expect(good.status).toBe(200);
  });
});
