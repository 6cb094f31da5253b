import { describe, expect, test } from "vitest";
import { createAjvValidators, parseSpec } from "../src/index.js";

const spec = parseSpec(
  JSON.stringify({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {},
    components: {
      schemas: {
        entity: {
          type: "object",
          properties: { id: { type: "string", readOnly: true } },
          required: ["id"],
        },
        recording: {
          allOf: [
            { $ref: "#/components/schemas/entity" },
            {
              type: "object",
              properties: {
                meeting: { $ref: "#/components/schemas/meeting" },
                tags: { type: "array", items: { $ref: "#/components/schemas/tag" } },
                extra: { type: "object" },
                secret: { type: "string", writeOnly: true },
              },
              required: ["secret"],
            },
          ],
        },
        meeting: { type: "object", properties: { subject: { type: "string" } } },
        tag: {
          type: "object",
          properties: { name: { type: "string" } },
          additionalProperties: { type: "number" },
        },
        when: { type: "string", format: "date-time" },
        count: { type: "integer", format: "int32" },
      },
    },
  }),
  "inline.json",
);
const ajv = createAjvValidators(spec);
const check = (
  value: unknown,
  options: { mode?: "strict" | "open"; direction?: "request" | "response"; schema?: string } = {},
) =>
  ajv.validate(
    {
      pointer: `/components/schemas/${options.schema ?? "recording"}`,
      mode: options.mode ?? "strict",
      direction: options.direction ?? "request",
    },
    value,
  );

describe("Ajv second opinion, strict mode emulated", () => {
  test("sees properties inherited through allOf", () => {
    expect(check({ id: "1", secret: "s", meeting: { subject: "x" } })).toEqual({
      valid: true,
      issues: [],
    });
  });

  test("rejects an undeclared property at the top and in nested objects and array items", () => {
    const verdict = check({
      id: "1",
      secret: "s",
      color: 1,
      meeting: { topic: "x" },
      tags: [{ name: "a", weight: 2, label: "x" }],
    });
    expect(verdict.valid).toBe(false);
    expect(verdict.issues.map((issue) => [issue.path, issue.message])).toEqual(
      expect.arrayContaining([
        ["/color", 'property "color" is not declared by the schema'],
        ["/meeting/topic", 'property "topic" is not declared by the schema'],
        ["/tags/0/label", "must be number"],
      ]),
    );
  });

  test("allows @odata.* annotations anywhere in strict mode", () => {
    expect(
      check({ id: "1", secret: "s", "@odata.type": "#x", meeting: { "@odata.etag": "W/1" } }).valid,
    ).toBe(true);
  });

  test("leaves a free-form object open", () => {
    expect(check({ id: "1", secret: "s", extra: { anything: true } }).valid).toBe(true);
  });

  test("open mode allows undeclared properties", () => {
    expect(check({ id: "1", secret: "s", color: 1 }, { mode: "open" }).valid).toBe(true);
  });

  test("a request need not carry a readOnly property, a response need not carry a writeOnly one", () => {
    expect(check({ secret: "s" }, { direction: "request" }).valid).toBe(true);
    expect(check({ id: "1" }, { direction: "response" }).valid).toBe(true);
    expect(check({ secret: "s" }, { direction: "response" }).issues).toEqual([
      { path: "/id", message: 'required property "id" is missing', code: "required" },
    ]);
  });

  test.each([
    ["when", "2023-03-10T12:03:48.3812234Z", true],
    ["when", "2023-03-10 12:03", false],
    ["count", 2147483647, true],
    ["count", 2147483648, false],
  ])("checks format of %s: %j", (schema, value, valid) => {
    expect(check(value, { schema }).valid).toBe(valid);
  });
});

describe("OpenAPI 3.0 leftovers in a 3.1 document", () => {
  test("nullable is an annotation, as in 3.1, not Ajv's 3.0 keyword", () => {
    const leftover = parseSpec(
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        paths: {},
        components: { schemas: { name: { nullable: true, anyOf: [{ type: "string" }] } } },
      }),
      "leftover.json",
    );
    const verdict = createAjvValidators(leftover).validate(
      { pointer: "/components/schemas/name", mode: "strict", direction: "response" },
      null,
    );
    expect(verdict.issues.map((issue) => issue.message)).toEqual([
      "must be string",
      "must match a schema in anyOf",
    ]);
  });
});

describe("validating a nested schema by its pointer", () => {
  test("resolves in strict mode, where closing objects must not move any schema", () => {
    const verdict = ajv.validate(
      {
        pointer: "/components/schemas/recording/allOf/1/properties/tags/items",
        mode: "strict",
        direction: "response",
      },
      { name: "a", extra: 1 },
    );
    expect(verdict).toEqual({ valid: true, issues: [] });
    const meeting = ajv.validate(
      {
        pointer: "/components/schemas/recording/allOf/1/properties/meeting",
        mode: "strict",
        direction: "response",
      },
      { subject: "x", topic: "y" },
    );
    expect(meeting.issues).toEqual([
      {
        path: "/topic",
        message: 'property "topic" is not declared by the schema',
        code: "undeclared",
      },
    ]);
  });
});
