import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadSpec, parseSpec, UsageError } from "../src/index.js";
import { resolveRefs } from "../src/spec-document.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("loadSpec", () => {
  test("reads YAML and locates a pointer's line", async () => {
    const spec = await loadSpec(fixture("recording-api.yaml"));
    expect(spec.document.openapi).toBe("3.1.0");
    expect(spec.locate("/components/schemas/entity")).toEqual({ line: 198, column: 5 });
    expect(spec.locate("/paths/~1communications~1calls~1{id}~1record/post/responses/200")).toEqual({
      line: 43,
      column: 9,
    });
    expect(spec.locate("/components/schemas/nothing")).toBeUndefined();
  });

  test("reads JSON with line numbers too", () => {
    const spec = parseSpec(
      '{\n  "openapi": "3.1.0",\n  "info": {"title": "t", "version": "1"},\n  "paths": {}\n}',
      "api.json",
    );
    expect(spec.locate("/paths")).toEqual({ line: 4, column: 3 });
  });

  test("names the file for a missing spec", async () => {
    await expect(loadSpec("no/such/spec.yaml")).rejects.toThrow(
      "no/such/spec.yaml: cannot read the spec: no such file",
    );
  });

  test("names the line and column of malformed YAML", () => {
    const error = usageError(() =>
      parseSpec("openapi: 3.1.0\ninfo:\n  title: [unclosed\n", "bad.yaml"),
    );
    expect(error.kind).toBe("unreadable-spec");
    expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: not valid YAML or JSON: /);
  });

  test("rejects duplicate keys with their line", () => {
    const error = usageError(() => parseSpec("openapi: 3.1.0\npaths: {}\npaths: {}\n", "dup.yaml"));
    expect(error.message).toBe("dup.yaml:3:1: not valid YAML or JSON: Map keys must be unique");
  });

  test.each([
    [
      "openapi: 3.0.3\npaths: {}\n",
      "bad.yaml:1:1 (#/openapi): not an OpenAPI 3.1 document (openapi: 3.0.3); only OpenAPI 3.1.x is supported",
    ],
    [
      "swagger: '2.0'\n",
      "bad.yaml (#/openapi): not an OpenAPI 3.1 document (no `openapi` field); only OpenAPI 3.1.x is supported",
    ],
    ["- a\n- b\n", "bad.yaml:1: the document is not an object"],
  ])("rejects a document that is not OpenAPI 3.1: %j", (text, message) => {
    expect(usageError(() => parseSpec(text, "bad.yaml")).message).toBe(message);
  });
});

describe("resolveRefs", () => {
  const spec = parseSpec(
    [
      "openapi: 3.1.0",
      "components:",
      "  examples:",
      "    a: { $ref: '#/components/examples/b' }",
      "    b: { value: 1 }",
      "    dangling: { $ref: '#/components/examples/none' }",
      "    external: { $ref: 'other.yaml#/x' }",
      "    loop: { $ref: '#/components/examples/loop' }",
      "    anchor: { $ref: '#there' }",
      "    badEncoding: { $ref: '#/components/examples/%E0%A4%A' }",
    ].join("\n"),
    "refs.yaml",
  );

  test("follows chains of local references", () => {
    expect(resolveRefs(spec, "/components/examples/a")).toEqual({
      value: { value: 1 },
      pointer: "/components/examples/b",
    });
  });

  test.each([
    [
      "dangling",
      'refs.yaml:6:17 (#/components/examples/dangling/$ref): $ref "#/components/examples/none" points to nothing',
    ],
    [
      "external",
      'refs.yaml:7:17 (#/components/examples/external/$ref): external $ref "other.yaml#/x" is not supported; bundle the spec into one document first',
    ],
    [
      "loop",
      'refs.yaml:8:5 (#/components/examples/loop): circular $ref "#/components/examples/loop"',
    ],
    [
      "anchor",
      'refs.yaml:9:15 (#/components/examples/anchor/$ref): $ref "#there" is not a JSON pointer',
    ],
    [
      "badEncoding",
      'refs.yaml:10:20 (#/components/examples/badEncoding/$ref): $ref "#/components/examples/%E0%A4%A" is not a JSON pointer',
    ],
  ])("reports a %s reference with its location", (name, message) => {
    const error = usageError(() => resolveRefs(spec, `/components/examples/${name}`));
    expect(error.kind).toBe("unsupported-spec");
    expect(error.message).toBe(message);
  });
});
