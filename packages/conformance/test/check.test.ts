import { describe, expect, test } from "vitest";
import { checkExamples, type GeneratedValidators, loadSpec, parseSpec } from "../src/index.js";
import { ajvValidatorSource } from "./support/ajv-validator-source.js";
import { fixture } from "./support/run.js";

describe("checkExamples", () => {
  test("passes a spec whose examples all meet their verdicts, defects caught", async () => {
    const spec = await loadSpec(fixture("recording-api.yaml"));
    const report = await checkExamples(spec, { validators: ajvValidatorSource(spec) });
    expect(report.summary).toEqual({
      examples: 13,
      passed: 13,
      failed: 0,
      expectedValid: 10,
      expectedInvalid: 3,
      validatorDefects: 0,
      ajvOnly: 3,
    });
    const typo = report.results.find((result) => result.example.name === "statusTypo");
    expect(typo).toMatchObject({
      status: "pass",
      expected: "invalid",
      actual: "invalid",
      generated: {
        valid: false,
        via: 'schemaPointers["/paths/~1communications~1calls~1{id}~1record/post/responses/200/content/application~1json/schema"].strict',
      },
      ajv: { valid: false },
    });
  });

  test("fails examples whose verdict differs from the expectation, with the reason", async () => {
    const spec = await loadSpec(fixture("broken-examples.yaml"));
    const report = await checkExamples(spec, { validators: ajvValidatorSource(spec) });
    const failures = Object.fromEntries(
      report.results.map((result) => [result.example.name, result.failures]),
    );
    expect(failures).toEqual({
      saysValidButIsNot: ["expected valid, but validation found 1 issue"],
      saysInvalidButIsValid: ["expected invalid, but validation accepted the example"],
      wrongDefectPath: [
        "declared defect at /name (name is too long) was not caught: no issue at or below it",
        "issue at /id (must be string) is not under any declared defect",
      ],
      badVerdict: ['x-expect must be "valid" or "invalid", not "maybe"'],
      invalidWithoutDefects: [
        "x-expect: invalid needs x-defects naming at least one defect",
        "issue at /id (must be string) is not under any declared defect",
      ],
      orphan: [
        "no media type, parameter or header references this example, so no schema says what it illustrates; reference it with $ref or remove it",
      ],
    });
    expect(report.summary.failed).toBe(6);
    expect(report.results.find((result) => result.example.name === "orphan")?.actual).toBe(
      "unchecked",
    );
  });

  test("reports a disagreement between the generated validator and Ajv as a validator defect", async () => {
    const spec = await loadSpec(fixture("recording-api.yaml"));
    const honest = ajvValidatorSource(spec);
    const acceptsAnything = { safeParse: () => ({ success: true }) };
    const pointer =
      "/paths/~1communications~1calls~1{id}~1record/post/responses/200/content/application~1json/schema";
    const lenient: GeneratedValidators = {
      ...honest,
      schemaPointers: {
        ...honest.schemaPointers,
        [pointer]: { open: acceptsAnything, strict: acceptsAnything },
      },
    };
    const report = await checkExamples(spec, { validators: lenient });
    const typo = report.results.find((result) => result.example.name === "statusTypo");
    expect(typo).toMatchObject({ status: "fail", validatorDefect: true, actual: "valid" });
    expect(typo?.failures).toEqual([
      "validator defect: the generated validator says valid, Ajv says invalid",
      "expected invalid, but validation accepted the example",
    ]);
    expect(report.summary.validatorDefects).toBe(1);
  });

  test("uses the operation record when no schema pointer is exported", async () => {
    const spec = await loadSpec(fixture("recording-api.yaml"));
    const validators = ajvValidatorSource(spec);
    const report = await checkExamples(spec, { validators: { ...validators, schemaPointers: {} } });
    const running = report.results.find((result) => result.example.name === "running");
    expect(running?.generated?.via).toBe("operations.recordResponse.responses.200.strict");
    const created = report.results.find((result) => result.example.name === "created");
    expect(created?.generated?.via).toBe("webhooks.callRecordingNotification.request.strict");
    const schemaExample = report.results.find(
      (result) => result.example.schemaPointer === "/components/schemas/recordRequest",
    );
    expect(schemaExample?.generated?.via).toBe("strictSchemas.recordRequest");
  });
});

describe("examples inside a body schema", () => {
  test("are checked against their own subschema, not against the whole body", async () => {
    const spec = parseSpec(
      [
        "openapi: 3.1.0",
        "info: { title: t, version: '1' }",
        "paths:",
        "  /things:",
        "    get:",
        "      operationId: listThings",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        "            application/json:",
        "              schema:",
        "                type: object",
        "                properties:",
        "                  object: { type: string, example: list }",
        "                required: [object]",
      ].join("\n"),
      "inline.yaml",
    );
    const report = await checkExamples(spec, { validators: ajvValidatorSource(spec) });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({
      status: "pass",
      example: {
        level: "schema",
        schemaPointer:
          "/paths/~1things/get/responses/200/content/application~1json/schema/properties/object",
      },
      notes: [
        "the generated module exports no validator for /paths/~1things/get/responses/200/content/application~1json/schema/properties/object: checked with Ajv only",
      ],
    });
  });
});
