import type { components } from "@graph-recording/types";
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import type {
  CallRecording,
  callRecordingSchema,
  commsOperationSchema,
  commsOperationStrictSchema,
  IdentitySet,
  RecordOperation,
  RecordOperationRequest,
  recordOperationRequestSchema,
  recordOperationSchema,
  recordOperationStrictSchema,
  requestSchemas,
  schemas,
  strictRequestSchemas,
  strictSchemas,
} from "../src/index.js";

/** Object types without index signatures: open-mode objects admit undeclared properties as `[key: string]: unknown`. */
type Declared<T> = T extends readonly (infer E)[]
  ? Declared<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Declared<T[K]> }
    : T;

/** The same set of values: each type is assignable to the other. */
type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Schemas = components["schemas"];
type Ours<R extends Record<string, z.ZodType>> = { [K in keyof R]: Declared<z.output<R[K]>> };
type Theirs = { [K in keyof Schemas]: Declared<Schemas[K]> };
/** Components whose output type differs, with both types side by side (an empty object when all agree). */
type Disagreements<R extends Record<string, z.ZodType>> = {
  [K in keyof Schemas as K extends keyof R
    ? Agree<Ours<R>[K], Theirs[K]> extends true
      ? never
      : K
    : K]: [Ours<R>[K & keyof R], Theirs[K]];
};
/** Components whose output type is `any` (which would agree with everything). */
type AnyOutputs<R extends Record<string, z.ZodType>> = {
  [K in keyof R as 0 extends 1 & z.output<R[K]> ? K : never]: K;
};

describe("z.infer of the generated validators agrees with @graph-recording/types", () => {
  it("covers the same components in all four records", () => {
    expectTypeOf<keyof typeof schemas>().toEqualTypeOf<keyof Schemas>();
    expectTypeOf<keyof typeof strictSchemas>().toEqualTypeOf<keyof Schemas>();
    expectTypeOf<keyof typeof requestSchemas>().toEqualTypeOf<keyof Schemas>();
    expectTypeOf<keyof typeof strictRequestSchemas>().toEqualTypeOf<keyof Schemas>();
  });

  it("open response validators: every component's output type equals the openapi-typescript type", () => {
    expectTypeOf<Disagreements<typeof schemas>>().toEqualTypeOf<Record<never, never>>();
  });

  it("strict response validators infer the same types", () => {
    expectTypeOf<Disagreements<typeof strictSchemas>>().toEqualTypeOf<Record<never, never>>();
  });

  it("no output type is any, and a wrong validator is reported", () => {
    expectTypeOf<AnyOutputs<typeof schemas>>().toEqualTypeOf<Record<never, never>>();
    type Swapped = Omit<typeof schemas, "recordOperation"> & {
      recordOperation: (typeof schemas)["callRecording"];
    };
    expectTypeOf<keyof Disagreements<Swapped>>().toEqualTypeOf<"recordOperation">();
  });
});

describe("z.infer of an exported validator is the component's declared TypeScript shape", () => {
  it("recordOperation: literal tag, required status, nullable optional members", () => {
    type Out = z.infer<typeof recordOperationSchema>;
    expectTypeOf<Out>().toEqualTypeOf<RecordOperation>();
    expectTypeOf<z.infer<typeof recordOperationStrictSchema>>().toEqualTypeOf<RecordOperation>();
    expectTypeOf<z.input<typeof recordOperationSchema>>().toEqualTypeOf<RecordOperation>();
    expectTypeOf<Out["@odata.type"]>().toEqualTypeOf<"#microsoft.graph.recordOperation">();
    expectTypeOf<Out["status"]>().toEqualTypeOf<
      "notStarted" | "running" | "completed" | "failed"
    >();
    expectTypeOf<Out["recordingLocation"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Out["id"]>().toEqualTypeOf<string | undefined>();
  });

  it("recordOperation in the request direction: the readOnly status is not required", () => {
    type In = z.infer<typeof recordOperationRequestSchema>;
    expectTypeOf<In>().toEqualTypeOf<RecordOperationRequest>();
    expectTypeOf<
      Agree<In["status"], "notStarted" | "running" | "completed" | "failed" | undefined>
    >().toEqualTypeOf<true>();
    // @ts-expect-error the response direction requires status
    const withoutStatus: RecordOperation = { "@odata.type": "#microsoft.graph.recordOperation" };
    const request: In = { "@odata.type": "#microsoft.graph.recordOperation" };
    void [withoutStatus, request];
  });

  it("callRecording: required id, nested component types by name", () => {
    type Out = z.infer<typeof callRecordingSchema>;
    expectTypeOf<Out>().toEqualTypeOf<CallRecording>();
    expectTypeOf<Out["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Out["meetingOrganizer"]>().toEqualTypeOf<IdentitySet | null | undefined>();
    // @ts-expect-error id is required
    const missingId: Out = { callId: "c" };
    void missingId;
  });

  it("commsOperation: a union discriminated by @odata.type", () => {
    type Out = z.infer<typeof commsOperationSchema>;
    expectTypeOf<z.infer<typeof commsOperationStrictSchema>>().toEqualTypeOf<Out>();
    expectTypeOf<Out["@odata.type"]>().toEqualTypeOf<
      "#microsoft.graph.recordOperation" | "#microsoft.graph.updateRecordingStatusOperation"
    >();
    const location = (operation: Out) =>
      operation["@odata.type"] === "#microsoft.graph.recordOperation"
        ? operation.recordingLocation
        : undefined;
    expectTypeOf<
      Agree<ReturnType<typeof location>, string | null | undefined>
    >().toEqualTypeOf<true>();
    // @ts-expect-error an unknown @odata.type is not a commsOperation
    const unknownTag: Out = { "@odata.type": "#microsoft.graph.call", status: "running" };
    void unknownTag;
  });
});
