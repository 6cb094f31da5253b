import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { generateZod, OpenApiZodError, parseDocument, runCli } from "../src/index.js";
import { importGenerated } from "./support/load-module.js";

const doc = (schemas: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {},
  components: { schemas },
  ...extra,
});

const entity = {
  type: "object",
  required: ["id", "@odata.type"],
  properties: {
    id: { type: "string", readOnly: true },
    "@odata.type": { type: "string" },
    secret: { type: "string", writeOnly: true },
  },
};
const recording = {
  allOf: [
    { $ref: "#/components/schemas/entity" },
    {
      type: "object",
      required: ["content", "secret"],
      properties: {
        content: { type: "string" },
        size: { type: "integer", format: "int64", default: 0 },
      },
    },
  ],
};
const pets = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/recordings/{id}": {
      get: {
        operationId: "getRecording",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/recording" } } },
          },
          "404": { description: "none" },
        },
      },
      patch: {
        operationId: "updateRecording",
        requestBody: {
          content: {
            "application/json; charset=utf-8": {
              schema: { $ref: "#/components/schemas/recording" },
            },
          },
        },
        responses: { "204": { description: "ok" } },
      },
    },
  },
  webhooks: {
    recordingReady: {
      post: {
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["value"],
                properties: { value: { type: "array" } },
              },
            },
          },
        },
        responses: { "202": { description: "ok" } },
      },
    },
  },
  components: { schemas: { entity, recording } },
};

describe("generated module (contract)", async () => {
  const module = await importGenerated(generateZod(pets, { language: "js" }), "contract");

  test("exports one schema per component plus the four records", () => {
    expect(Object.keys(module.schemas)).toEqual(["entity", "recording"]);
    expect(module.schemas.recording).toBe(module.recordingSchema);
    expect(module.strictSchemas.recording).toBe(module.recordingStrictSchema);
    expect(module.requestSchemas.recording).toBe(module.recordingRequestSchema);
    expect(module.strictRequestSchemas.recording).toBe(module.recordingStrictRequestSchema);
  });

  test("operations carry method, path and JSON bodies by status", () => {
    const get = module.operations.getRecording;
    expect(get?.method).toBe("get");
    expect(get?.path).toBe("/recordings/{id}");
    expect(Object.keys(get?.responses ?? {})).toEqual(["200"]);
    expect(get?.responses["200"]?.open).toBe(module.recordingSchema);
    expect(module.operations.updateRecording?.request?.strict).toBe(
      module.recordingStrictRequestSchema,
    );
  });

  test("webhooks carry the payload validators", () => {
    const hook = module.webhooks.recordingReady;
    expect(hook?.method).toBe("post");
    expect(hook?.request?.open.safeParse({ value: [] }).success).toBe(true);
    expect(hook?.request?.strict.safeParse({ value: [], extra: 1 }).success).toBe(false);
  });

  test("schemaPointers lists components and body schemas", () => {
    expect(Object.keys(module.schemaPointers)).toEqual([
      "#/components/schemas/entity",
      "#/components/schemas/recording",
      "#/paths/~1recordings~1{id}/get/responses/200/content/application~1json/schema",
      "#/paths/~1recordings~1{id}/patch/requestBody/content/application~1json; charset=utf-8/schema",
      "#/webhooks/recordingReady/post/requestBody/content/application~1json/schema",
    ]);
  });

  const valid = { id: "1", "@odata.type": "#microsoft.graph.recording", content: "x", secret: "s" };

  test.each([
    [
      "open accepts an undeclared property and keeps it",
      "recording",
      "open",
      { ...valid, extra: 1 },
      true,
    ],
    ["strict rejects an undeclared property", "recording", "strict", { ...valid, extra: 1 }, false],
    [
      "strict admits @odata.* instance annotations",
      "recording",
      "strict",
      { ...valid, "@odata.etag": "W/1" },
      true,
    ],
    ["strict understands allOf inheritance", "recording", "strict", valid, true],
    [
      "a response does not require a writeOnly property",
      "recording",
      "open",
      { id: "1", "@odata.type": "t", content: "x" },
      true,
    ],
    [
      "a request does not require a readOnly property",
      "recording",
      "requestOpen",
      { "@odata.type": "t", content: "x", secret: "s" },
      true,
    ],
    [
      "a request still requires other properties",
      "recording",
      "requestOpen",
      { "@odata.type": "t", secret: "s" },
      false,
    ],
    [
      "int64 keeps numbers as numbers and rejects fractions",
      "recording",
      "open",
      { ...valid, size: 1.5 },
      false,
    ],
  ])("%s", (_name, component, mode, value, expected) => {
    const record =
      mode === "open"
        ? module.schemas
        : mode === "strict"
          ? module.strictSchemas
          : module.requestSchemas;
    expect(record[component]?.safeParse(value).success).toBe(expected);
  });

  test("reports an undeclared property at its own path in strict mode", () => {
    const result = module.strictSchemas.recording?.safeParse({ ...valid, extra: 1 });
    expect(result?.error?.issues.map((i) => i.path)).toEqual([["extra"]]);
  });

  test("never fills defaults or changes the input", () => {
    const input = structuredClone(valid);
    const result = module.schemas.recording?.safeParse(input);
    expect(result?.success).toBe(true);
    expect(input).toEqual(valid);
    expect(result?.data).not.toHaveProperty("size");
  });

  test.each([
    undefined,
    null,
    0,
    "",
    [],
    [[]],
    { id: {} },
    { __proto__: null },
    JSON.parse('{"__proto__": {"x": 1}}'),
  ])("never throws on %j", (value) => {
    for (const record of [
      module.schemas,
      module.strictSchemas,
      module.requestSchemas,
      module.strictRequestSchemas,
    ]) {
      for (const schema of Object.values(record))
        expect(() => schema.safeParse(value)).not.toThrow();
    }
  });
});

describe("generation errors name the pointer and the fix", () => {
  test.each([
    [
      "remote $ref",
      doc({ a: { $ref: "https://example.com/x.json" } }),
      'Remote reference "https://example.com/x.json" is not supported at #/components/schemas/a/$ref. Bundle the document first (e.g. `redocly bundle`) so that every `$ref` is local.',
    ],
    [
      "$dynamicRef",
      doc({ a: { type: "array", items: { $dynamicRef: "#node" } } }),
      "`$dynamicRef` is not supported at #/components/schemas/a/items/$dynamicRef. Replace `$dynamicRef` with a local `$ref` to the intended schema.",
    ],
    [
      "a dangling reference",
      doc({ a: { properties: { b: { $ref: "#/components/schemas/missing" } } } }),
      "Reference #/components/schemas/missing does not resolve at #/components/schemas/a/properties/b/$ref. Point `$ref` at an existing schema (JSON pointer tokens escape `~` as `~0` and `/` as `~1`).",
    ],
    [
      "a Swagger 2 document",
      { swagger: "2.0" },
      "Unsupported OpenAPI version undefined at #/openapi. Pass an OpenAPI 3.0.x or 3.1.x document.",
    ],
  ])("%s", (_name, document, message) => {
    let error: unknown;
    try {
      generateZod(document);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OpenApiZodError);
    expect((error as Error).message).toBe(message);
  });

  test("a YAML syntax error is a load error", () => {
    expect(() => parseDocument("a: [", "spec.yaml")).toThrow(OpenApiZodError);
  });
});

describe("escaped JSON pointers", () => {
  test("resolves ~0, ~1 and percent-encoded tokens", async () => {
    const module = await importGenerated(
      generateZod(
        doc({
          "a/b": { type: "string" },
          "c~d": { type: "integer" },
          "e%f": { type: "boolean" },
          user: {
            type: "object",
            properties: {
              x: { $ref: "#/components/schemas/a~1b" },
              y: { $ref: "#/components/schemas/c~0d" },
              z: { $ref: "#/components/schemas/e%25f" },
            },
          },
        }),
        { language: "js" },
      ),
      "pointers",
    );
    expect(module.schemas.user?.safeParse({ x: "s", y: 1, z: true }).success).toBe(true);
    expect(module.schemas.user?.safeParse({ x: 1 }).success).toBe(false);
    expect(module.a_bSchema).toBe(module.schemas["a/b"]);
  });
});

describe("discriminator mapping", () => {
  // `mapping` sends the tag "cat" to `dog`; the implicit name of the `cat` alternative must not
  // take the tag back, on either code path.
  const animal = (sound: string) => ({
    type: "object",
    required: ["kind", sound],
    properties: { kind: { type: "string" }, [sound]: { type: "string" } },
  });
  const document = doc({
    cat: animal("meow"),
    dog: animal("bark"),
    pet: {
      anyOf: [{ $ref: "#/components/schemas/cat" }, { $ref: "#/components/schemas/dog" }],
      discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/dog" } },
    },
  });

  test.each([
    [true, "with the fast path"],
    [false, "with the Zod schemas alone"],
  ])("an explicit mapping wins over an alternative's name, %s", async (fastPath) => {
    const module = await importGenerated(
      generateZod(document, { language: "js", fastPath }),
      `discriminator-mapping-${fastPath}`,
    );
    const pet = module.schemas.pet;
    expect(pet?.safeParse({ kind: "cat", bark: "woof" }).success).toBe(true);
    expect(pet?.safeParse({ kind: "cat", meow: "purr" }).success).toBe(false);
  });
});

describe("CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "openapi-zod-"));
  const spec = join(dir, "spec.json");
  writeFileSync(spec, JSON.stringify(pets));
  const capture = () => {
    const out = { stdout: "", stderr: "" };
    return {
      out,
      io: {
        stdout: { write: (t: string) => (out.stdout += t) },
        stderr: { write: (t: string) => (out.stderr += t) },
      },
    };
  };

  test("writes the module to --out and nothing to stdout", async () => {
    const { out, io } = capture();
    const target = join(dir, "out", "schemas.gen.ts");
    expect(await runCli([spec, "--out", target], io)).toBe(0);
    expect(out.stdout).toBe("");
    expect(readFileSync(target, "utf8")).toContain(
      "export const recordingSchema: z.ZodType<Recording, Recording> = ",
    );
  });

  test("--no-fast-path emits the Zod schemas alone", async () => {
    const { out, io } = capture();
    expect(await runCli([spec, "--no-fast-path"], io)).toBe(0);
    expect(out.stdout).not.toContain("$withFastPath");
    const fast = capture();
    expect(await runCli([spec], fast.io)).toBe(0);
    expect(fast.out.stdout).toContain("$withFastPath");
  });

  test("prints the module on stdout without --out", async () => {
    const { out, io } = capture();
    expect(await runCli([spec, "--language", "js"], io)).toBe(0);
    expect(out.stdout).toContain('import * as z from "zod";');
  });

  test.each([[[]], [[spec, "--language", "py"]], [[spec, "--bogus"]], [[spec, spec]]])(
    "exits 2 on bad usage %j",
    async (args) => {
      const { out, io } = capture();
      expect(await runCli(args, io)).toBe(2);
      expect(out.stderr).toContain("Usage: openapi-zod");
    },
  );

  test("exits 1 with the pointer on a bad document", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(
      bad,
      "openapi: 3.1.0\ncomponents:\n  schemas:\n    a: { $ref: 'other.yaml#/x' }\n",
    );
    const { out, io } = capture();
    expect(await runCli([bad], io)).toBe(1);
    expect(out.stderr).toContain("at #/components/schemas/a/$ref");
  });
});

describe("integer formats", () => {
  const document = doc({
    i32: { type: "integer", format: "int32" },
    i64: { type: "integer", format: "int64" },
  });
  test.each([
    ["i32", 2147483647, true],
    ["i32", -2147483648, true],
    ["i32", 2147483648, false],
    ["i32", -2147483649, false],
    ["i64", 2 ** 53, true],
    ["i64", -(2 ** 63), true],
    ["i64", 2 ** 63, false],
  ])("%s accepts %d: %s, with and without the fast path", async (name, value, valid) => {
    for (const fastPath of [true, false]) {
      const module = await importGenerated(
        generateZod(document, { language: "js", fastPath }),
        `integer-formats-${fastPath}`,
      );
      expect(module.schemas[name]?.safeParse(value).success).toBe(valid);
      expect(module.strictSchemas[name]?.safeParse(value).success).toBe(valid);
    }
  });
});
