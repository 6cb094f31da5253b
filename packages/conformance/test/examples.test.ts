import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { collectExamples, loadSpec } from "../src/index.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);

describe("collectExamples", async () => {
  const spec = await loadSpec(fixture("recording-api.yaml"));
  const examples = collectExamples(spec);
  const byName = (name: string) => examples.filter((example) => example.name === name);

  test("finds every example: media types, parameters, webhooks, component refs and schemas", () => {
    expect(examples.map((example) => `${example.target.group} | ${example.name}`)).toEqual([
      "/communications/calls/{id}/record | callId",
      "recordResponse (POST /communications/calls/{id}/record) | minimal",
      "recordResponse (POST /communications/calls/{id}/record) | typoInName",
      "recordResponse (POST /communications/calls/{id}/record) | running",
      "recordResponse (POST /communications/calls/{id}/record) | statusTypo",
      "recordResponse (POST /communications/calls/{id}/record) | example",
      "listRecordings (GET /users/{userId}/onlineMeetings/{meetingId}/recordings) | example",
      "listRecordings (GET /users/{userId}/onlineMeetings/{meetingId}/recordings) | page",
      "webhook callRecordingNotification | created",
      "webhook callRecordingNotification | missingResource",
      "schema recordRequest | examples[0]",
      "schema callRecording | examples[0]",
      "schema callRecording | examples[0]",
    ]);
  });

  test("resolves a $ref example to its component and the media type's schema", () => {
    const [running] = byName("running");
    expect(running).toMatchObject({
      pointer:
        "/paths/~1communications~1calls~1{id}~1record/post/responses/200/content/application~1json/examples/running",
      definitionPointer: "/components/examples/recordOperationRunning",
      schemaPointer:
        "/paths/~1communications~1calls~1{id}~1record/post/responses/200/content/application~1json/schema",
      direction: "response",
      expect: "valid",
      expectDeclared: true,
      source: "reference/graph-examples/fixture__1__response.json",
      target: { kind: "operation", operationId: "recordResponse", method: "POST", status: "200" },
      problems: [],
    });
    expect(running?.line).toBe(177);
  });

  test("reads x-expect: invalid with its defects, and the request direction", () => {
    const [typo] = byName("typoInName");
    expect(typo).toMatchObject({
      direction: "request",
      expect: "invalid",
      defects: [
        { path: "/maxRecordDurationInSecond", reason: "the property name lacks its final s" },
      ],
    });
  });

  test("a shared component response is checked once, under its first operation", () => {
    const errors = examples.filter((example) =>
      example.definitionPointer.startsWith("/components/responses/error"),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      expect: "valid",
      expectDeclared: false,
      target: { status: "400" },
    });
  });

  test("webhook payloads are requests, schema examples are responses", () => {
    expect(byName("created")[0]).toMatchObject({
      direction: "request",
      target: { kind: "webhook", webhook: "callRecordingNotification" },
    });
    expect(byName("examples[0]").map((example) => example.schemaPointer)).toEqual([
      "/components/schemas/recordRequest",
      "/components/schemas/callRecording",
      "/components/schemas/callRecording/allOf/1/properties/createdDateTime",
    ]);
  });

  test("records what is malformed about an example's verdict", async () => {
    const broken = collectExamples(await loadSpec(fixture("broken-examples.yaml")));
    const problems = Object.fromEntries(broken.map((example) => [example.name, example.problems]));
    expect(problems).toEqual({
      saysValidButIsNot: [],
      saysInvalidButIsValid: [],
      wrongDefectPath: [],
      badVerdict: ['x-expect must be "valid" or "invalid", not "maybe"'],
      invalidWithoutDefects: ["x-expect: invalid needs x-defects naming at least one defect"],
      orphan: [
        "no media type, parameter or header references this example, so no schema says what it illustrates; reference it with $ref or remove it",
      ],
    });
  });
});
