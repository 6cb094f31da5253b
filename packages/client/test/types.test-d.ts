import type {
  CommsOperation,
  RecordOperation,
  UpdateRecordingStatusOperation,
} from "@graph-recording/types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ActionResponse,
  type CallRecording,
  createRawClient,
  createRecordingClient,
  meetingRecordings,
  type RecordingClientError,
  subscriptions,
} from "../src/index.js";

const client = createRecordingClient({ getToken: async () => "token" });
const raw = createRawClient(client);

describe("the raw openapi-fetch client is typed by the spec", () => {
  it("accepts a spec path with its parameters and types the answer", async () => {
    const { data } = await raw.GET("/communications/calls/{callId}/operations/{operationId}", {
      params: { path: { callId: "c", operationId: "o" } },
    });
    expectTypeOf(data).not.toBeAny();
    expectTypeOf(data?.status).toEqualTypeOf<
      "notStarted" | "running" | "completed" | "failed" | undefined
    >();
  });

  it("types the list of a call's operations, where actions are reconciled", async () => {
    const { data } = await raw.GET("/communications/calls/{callId}/operations", {
      params: { path: { callId: "c" } },
    });
    expectTypeOf(data?.value).toExtend<CommsOperation[] | undefined>();
    expectTypeOf(data?.value[0]?.["@odata.type"]).toEqualTypeOf<
      | "#microsoft.graph.recordOperation"
      | "#microsoft.graph.updateRecordingStatusOperation"
      | undefined
    >();
    expectTypeOf(data?.value[0]?.clientContext).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(data?.["@odata.nextLink"]).toEqualTypeOf<string | null | undefined>();
    raw.GET("/communications/calls/{callId}/operations", {
      // @ts-expect-error: the spec describes no query options on this list
      params: { path: { callId: "c" }, query: { $top: 5 } },
    });
  });

  it("rejects a path the spec does not have", () => {
    // @ts-expect-error: no such path in spec/openapi.yaml
    raw.GET("/communications/calls/{callId}/nope", { params: { path: { callId: "c" } } });
  });

  it("rejects a method the path does not have", () => {
    // @ts-expect-error: recordResponse is POST only
    raw.GET("/communications/calls/{callId}/recordResponse", { params: { path: { callId: "c" } } });
  });

  it("rejects missing and misnamed path parameters", () => {
    raw.GET("/communications/calls/{callId}/operations/{operationId}", {
      // @ts-expect-error: operationId is required
      params: { path: { callId: "c" } },
    });
    raw.GET("/communications/calls/{callId}/operations/{operationId}", {
      // @ts-expect-error: the parameter is callId, not id
      params: { path: { id: "c", operationId: "o" } },
    });
  });

  it("rejects a body of the wrong shape", () => {
    raw.POST("/communications/calls/{callId}/updateRecordingStatus", {
      params: { path: { callId: "c" } },
      // @ts-expect-error: "paused" is not a recordingStatus
      body: { status: "paused" },
    });
  });
});

describe("the wrapped calls", () => {
  it("return typed operations", async () => {
    const started = await client.recordResponse({
      callId: "c",
      body: { maxRecordDurationInSeconds: 10 },
    });
    expectTypeOf(started).toEqualTypeOf<ActionResponse<RecordOperation>>();
    expectTypeOf(await client.waitForOperation(started)).toEqualTypeOf<RecordOperation>();
    const status = await client.updateRecordingStatus({
      callId: "c",
      body: { status: "recording" },
    });
    expectTypeOf(status.operation).toEqualTypeOf<UpdateRecordingStatusOperation | undefined>();
  });

  it("reject wrong bodies and missing ids", () => {
    // @ts-expect-error: maxRecordDurationInSeconds is a number
    client.recordResponse({ callId: "c", body: { maxRecordDurationInSeconds: "10" } });
    // @ts-expect-error: "paused" is not a recordingStatus
    client.updateRecordingStatus({ callId: "c", body: { status: "paused" } });
    // @ts-expect-error: callId is required
    client.recordResponse({ body: {} });
    // @ts-expect-error: getAllRecordings needs the userId
    meetingRecordings(client).getAllRecordings({ meetingOrganizerUserId: "u" });
    // @ts-expect-error: a renewal needs expirationDateTime
    subscriptions(client).renewSubscription({ subscriptionId: "s", body: {} });
  });

  it("iterate typed recordings", async () => {
    for await (const recording of meetingRecordings(client).listRecordings({ meetingId: "m" })) {
      expectTypeOf(recording).toEqualTypeOf<CallRecording>();
    }
  });
});

describe("the error union", () => {
  it("narrows by kind", () => {
    const error = {} as RecordingClientError;
    if (error.kind === "throttled")
      expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
    if (error.kind === "may-have-been-sent")
      expectTypeOf(error.clientContext).toEqualTypeOf<string | undefined>();
    if (error.kind === "operation-failed")
      expectTypeOf(error.resultInfo?.subcode).toEqualTypeOf<number | undefined>();
    if (error.kind === "graph") expectTypeOf(error.code).toEqualTypeOf<string | undefined>();
  });
});
