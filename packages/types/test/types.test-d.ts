import { describe, expectTypeOf, it } from "vitest";
import type {
  CallRecording,
  CommsNotifications,
  CommsOperation,
  CommsOperationCollectionResponse,
  OperationStatus,
  operations,
  paths,
  RecordOperation,
  RecordResponsePostRequestBody,
  UpdateRecordingStatusOperation,
  webhooks,
} from "../src/index.js";

describe("named component types", () => {
  it("spell operation status as Graph sends it", () => {
    expectTypeOf<OperationStatus>().toEqualTypeOf<
      "notStarted" | "running" | "completed" | "failed"
    >();
  });

  it("tell the two operation types apart by @odata.type", () => {
    expectTypeOf<
      RecordOperation["@odata.type"]
    >().toEqualTypeOf<"#microsoft.graph.recordOperation">();
    expectTypeOf<
      UpdateRecordingStatusOperation["@odata.type"]
    >().toEqualTypeOf<"#microsoft.graph.updateRecordingStatusOperation">();
  });

  it("keep today's and the deprecated recording location on recordOperation", () => {
    expectTypeOf<RecordOperation>().toHaveProperty("recordingLocation");
    expectTypeOf<RecordOperation>().toHaveProperty("recordResourceLocation");
  });

  it("leave parameters with a documented default optional in requests", () => {
    expectTypeOf<Record<string, never>>().toExtend<RecordResponsePostRequestBody>();
  });

  it("give a callRecording its content URL", () => {
    expectTypeOf<CallRecording>().toHaveProperty("recordingContentUrl");
  });

  it("carry a commsNotifications batch in value", () => {
    expectTypeOf<CommsNotifications>().toHaveProperty("value");
  });
});

describe("paths, operations and webhooks", () => {
  it("type recordResponse's request body and its 200 response", () => {
    type RecordResponse = paths["/communications/calls/{callId}/recordResponse"]["post"];
    expectTypeOf<RecordResponse>().toEqualTypeOf<operations["call_recordResponse"]>();
    type Ok = RecordResponse["responses"][200]["content"]["application/json"];
    expectTypeOf<Ok>().toEqualTypeOf<RecordOperation>();
    type Body = NonNullable<RecordResponse["requestBody"]>["content"]["application/json"];
    expectTypeOf<Body>().toHaveProperty("maxRecordDurationInSeconds");
  });

  it("type the list of a call's operations as pages of the union getOperation returns", () => {
    type List = paths["/communications/calls/{callId}/operations"]["get"];
    expectTypeOf<List>().toEqualTypeOf<operations["call_listOperations"]>();
    type Ok = List["responses"][200]["content"]["application/json"];
    expectTypeOf<Ok>().toEqualTypeOf<CommsOperationCollectionResponse>();
    expectTypeOf<Ok["value"]>().toEqualTypeOf<CommsOperation[]>();
    type One = operations["call_getOperation"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Ok["value"][number]>().toEqualTypeOf<One>();
    expectTypeOf<List["parameters"]["query"]>().toEqualTypeOf<undefined>();
  });

  it("require the call id in the path", () => {
    type Params = operations["call_updateRecordingStatus"]["parameters"]["path"];
    expectTypeOf<Params>().toEqualTypeOf<{ callId: string }>();
  });

  it("describe the callback that delivers operation results", () => {
    type Callback = NonNullable<webhooks["commsNotifications"]["post"]>;
    type Payload = NonNullable<Callback["requestBody"]>["content"]["application/json"];
    expectTypeOf<Payload>().toEqualTypeOf<CommsNotifications>();
  });

  it("has no path that the spec does not describe", () => {
    // @ts-expect-error: Graph has no /communications/recordings collection
    type Missing = paths["/communications/recordings"];
    expectTypeOf<Missing>().toBeAny();
  });
});
