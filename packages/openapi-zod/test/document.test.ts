import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import {
  childPointer,
  escapeToken,
  formatLocation,
  parseSpecDocument,
  pointerTokens,
  readSpecDocument,
  resolveRefs,
  SpecDocumentError,
  unescapeToken,
  valueAtPointer,
} from "../src/document/index.js";
import { loadDocument, OpenApiZodError, parseDocument } from "../src/index.js";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

function specError(run: () => unknown): SpecDocumentError {
  const error = thrown(run);
  if (error instanceof SpecDocumentError) return error;
  throw error;
}

describe("JSON pointer tokens", () => {
  test.each([
    ["plain", "plain"],
    ["a/b", "a~1b"],
    ["c~d", "c~0d"],
    ["~1", "~01"],
    ["/~", "~1~0"],
    ["", ""],
  ])("escapes %j as %j and back", (token, escaped) => {
    expect(escapeToken(token)).toBe(escaped);
    expect(unescapeToken(escaped)).toBe(token);
  });

  test("escapes array indices given as numbers", () => {
    expect(childPointer("", "items", 0, "a/b")).toBe("/items/0/a~1b");
  });

  test("appends to both forms the same way", () => {
    expect(childPointer("#/components/schemas", "a/b")).toBe("#/components/schemas/a~1b");
    expect(childPointer("/paths", "/calls/{id}", "get")).toBe("/paths/~1calls~1{id}/get");
  });

  test.each([
    ["", []],
    ["/", [""]],
    ["/a~1b/c~0d/0", ["a/b", "c~d", "0"]],
    ["#", []],
    ["#/components/schemas/a%20b", ["components", "schemas", "a b"]],
    ["#/paths/~1calls~1%7Bid%7D", ["paths", "/calls/{id}"]],
  ])("reads the tokens of %j", (pointer, tokens) => {
    expect(pointerTokens(pointer)).toEqual(tokens);
  });

  test.each(["a/b", "#anchor", "#/bad%E0%A4%A", "other.yaml#/x"])(
    "reports %j as not a pointer",
    (pointer) => {
      expect(pointerTokens(pointer)).toBeUndefined();
    },
  );

  test("a string-form pointer is never percent-decoded", () => {
    expect(pointerTokens("/a%20b")).toEqual(["a%20b"]);
  });
});

describe("valueAtPointer", () => {
  const root = { a: [{ "b/c": 1 }, null], "": { x: false } };

  test.each([
    ["", root],
    ["/a/0/b~1c", 1],
    ["/a/1", null],
    ["//x", false],
    ["#/a/0/b~1c", 1],
  ])("finds %j", (pointer, value) => {
    expect(valueAtPointer(root, pointer)).toEqual(value);
  });

  test.each([
    "/missing",
    "/a/2",
    "/a/01",
    "/a/-",
    "/a/0/b~1c/deeper",
    "/constructor",
    "/a/length",
    "no-slash",
  ])("finds nothing at %j", (pointer) => {
    expect(valueAtPointer(root, pointer)).toBeUndefined();
  });
});

describe("parseSpecDocument", () => {
  test("locates the key of a member and the item of an array in YAML", () => {
    const spec = parseSpecDocument(
      "openapi: 3.1.0\npaths:\n  /calls/{id}:\n    get:\n      tags: [a, b]\n",
      { file: "api.yaml" },
    );
    expect(spec.file).toBe("api.yaml");
    expect(spec.locate("/paths/~1calls~1{id}/get")).toEqual({ line: 4, column: 5 });
    expect(spec.locate("#/paths/~1calls~1%7Bid%7D/get/tags/1")).toEqual({ line: 5, column: 17 });
    expect(spec.locate("/paths/nothing")).toBeUndefined();
    expect(spec.locate("not a pointer")).toBeUndefined();
  });

  test("locates members of JSON text too", () => {
    const spec = parseSpecDocument('{\n  "openapi": "3.1.0",\n  "paths": {}\n}');
    expect(spec.document).toEqual({ openapi: "3.1.0", paths: {} });
    expect(spec.locate("/paths")).toEqual({ line: 3, column: 3 });
  });

  test("names the line and column of a syntax error", () => {
    const error = specError(() =>
      parseSpecDocument("openapi: 3.1.0\ninfo:\n  title: [unclosed\n", { file: "bad.yaml" }),
    );
    expect(error.kind).toBe("syntax");
    expect(error.location).toEqual({ file: "bad.yaml", line: 4, column: 1 });
    expect(error.message).toMatch(/^bad\.yaml:4:1: not valid YAML or JSON: \S/);
    expect(error.hint).toBe("Fix the YAML/JSON syntax of the document.");
  });

  test("rejects duplicate keys", () => {
    expect(
      specError(() =>
        parseSpecDocument("openapi: 3.1.0\npaths: {}\npaths: {}\n", { file: "dup.yaml" }),
      ).message,
    ).toBe("dup.yaml:3:1: not valid YAML or JSON: Map keys must be unique");
  });

  test("refuses to expand aliases without end", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n");
    const error = specError(() => parseSpecDocument(bomb, { file: "bomb.yaml" }));
    expect(error.kind).toBe("syntax");
    expect(error.message).toMatch(/^bomb\.yaml: cannot read the document: /);
  });

  test.each([
    ["- a\n- b\n", "list.yaml:1: the document is not an object"],
    ["", "list.yaml:1: the document is not an object"],
  ])("rejects a root that is not an object: %j", (text, message) => {
    const error = specError(() => parseSpecDocument(text, { file: "list.yaml" }));
    expect(error.kind).toBe("not-an-object");
    expect(error.message).toBe(message);
  });

  test.each([
    [
      ["3.1"],
      "openapi: 3.0.3\n",
      "v.yaml:1:1 (#/openapi): not an OpenAPI 3.1 document (openapi: 3.0.3); only OpenAPI 3.1.x is supported",
    ],
    [
      ["3.1"],
      "swagger: '2.0'\n",
      "v.yaml (#/openapi): not an OpenAPI 3.1 document (no `openapi` field); only OpenAPI 3.1.x is supported",
    ],
    [
      ["3.1"],
      "openapi: 3.1\n",
      "v.yaml:1:1 (#/openapi): not an OpenAPI 3.1 document (openapi: 3.1); only OpenAPI 3.1.x is supported",
    ],
    [
      ["3.0", "3.1"],
      "openapi: 2.0.0\n",
      "v.yaml:1:1 (#/openapi): not an OpenAPI 3.0 or 3.1 document (openapi: 2.0.0); only OpenAPI 3.0.x and 3.1.x are supported",
    ],
  ])("with versions %j, rejects %j", (versions, text, message) => {
    const error = specError(() => parseSpecDocument(text, { file: "v.yaml", versions }));
    expect(error.kind).toBe("unsupported-version");
    expect(error.message).toBe(message);
  });

  test.each([
    [["3"], "openapi: 3.2.0\n"],
    [["3.0", "3.1"], "openapi: 3.0.3\n"],
    [undefined, "swagger: '2.0'\n"],
  ])("with versions %j, accepts %j", (versions, text) => {
    expect(() => parseSpecDocument(text, versions ? { versions } : {})).not.toThrow();
  });
});

describe("readSpecDocument", () => {
  const dir = mkdtempSync(join(tmpdir(), "openapi-zod-document-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("names the file it cannot read", async () => {
    const missing = join(dir, "missing.yaml");
    await expect(readSpecDocument(missing)).rejects.toThrow(
      `${missing}: cannot read the spec: no such file`,
    );
    await expect(readSpecDocument(dir)).rejects.toMatchObject({
      kind: "unreadable",
      reason: "cannot read the spec: is a directory, not a file",
    });
  });

  test("reads the repository's spec", async () => {
    const spec = await readSpecDocument(join(import.meta.dirname, "../../../spec/openapi.yaml"), {
      versions: ["3.1"],
    });
    expect(spec.document.openapi).toMatch(/^3\.1\./);
    expect(spec.locate("/components/schemas/recordOperation")?.line).toBeGreaterThan(1);
  });
});

describe("resolveRefs", () => {
  const spec = parseSpecDocument(
    [
      "openapi: 3.1.0",
      "components:",
      "  examples:",
      "    a: { $ref: '#/components/examples/b', summary: outer }",
      "    b: { $ref: '#/components/examples/c~1d', summary: inner }",
      "    c/d: { value: 1 }",
      "    dangling: { $ref: '#/components/examples/none' }",
      "    external: { $ref: 'other.yaml#/x' }",
      "    anchor: { $ref: '#there' }",
      "    loop: { $ref: '#/components/examples/loop' }",
      "    e f: { value: 2 }",
      "    encoded: { $ref: '#/components/examples/e%20f' }",
    ].join("\n"),
    { file: "refs.yaml" },
  );

  test("follows a chain, keeping each reference object on the way", () => {
    expect(resolveRefs(spec, "/components/examples/a")).toEqual({
      value: { value: 1 },
      pointer: "/components/examples/c~1d",
      refs: [
        { $ref: "#/components/examples/b", summary: "outer" },
        { $ref: "#/components/examples/c~1d", summary: "inner" },
      ],
    });
  });

  test("decodes percent-encoded references", () => {
    expect(resolveRefs(spec, "/components/examples/encoded").pointer).toBe(
      "/components/examples/e f",
    );
  });

  test("returns a value that is no reference as it is", () => {
    const value = { value: 3 };
    expect(resolveRefs(spec, "/somewhere", value)).toEqual({
      value,
      pointer: "/somewhere",
      refs: [],
    });
  });

  test.each([
    [
      "dangling",
      "dangling-ref",
      'refs.yaml:7:17 (#/components/examples/dangling/$ref): $ref "#/components/examples/none" points to nothing',
    ],
    [
      "external",
      "external-ref",
      'refs.yaml:8:17 (#/components/examples/external/$ref): external $ref "other.yaml#/x" is not supported; bundle the spec into one document first',
    ],
    [
      "anchor",
      "invalid-ref",
      'refs.yaml:9:15 (#/components/examples/anchor/$ref): $ref "#there" is not a JSON pointer',
    ],
    [
      "loop",
      "circular-ref",
      'refs.yaml:10:5 (#/components/examples/loop): circular $ref "#/components/examples/loop"',
    ],
  ])("reports a %s reference where it is written", (name, kind, message) => {
    const error = specError(() => resolveRefs(spec, `/components/examples/${name}`));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
  });

  test("names the pointer alone in a document that has no source text", () => {
    const document = { a: { $ref: "#/b" } };
    expect(specError(() => resolveRefs({ document }, "/a")).message).toBe(
      '#/a/$ref: $ref "#/b" points to nothing',
    );
  });
});

describe("formatLocation", () => {
  test.each([
    [{}, ""],
    [{ line: 3 }, "line 3"],
    [{ file: "a.yaml", line: 3, column: 4 }, "a.yaml:3:4"],
    [{ file: "a.yaml", pointer: "" }, "a.yaml (#)"],
    [{ pointer: "/x" }, "#/x"],
  ])("formats %j as %j", (location, text) => {
    expect(formatLocation(location)).toBe(text);
  });
});

describe("the generator's loaders", () => {
  test("report a syntax error as an OpenApiZodError with its line", () => {
    const error = thrown(() => parseDocument("a: [", "spec.yaml"));
    expect(error).toBeInstanceOf(OpenApiZodError);
    expect(error).toMatchObject({ kind: "load", pointer: "#" });
    expect((error as Error).message).toMatch(
      /^spec\.yaml:\d+:\d+: not valid YAML or JSON: .+ at #\. Fix the YAML\/JSON syntax of the document\.$/,
    );
  });

  test("report a missing file as an OpenApiZodError", async () => {
    await expect(loadDocument("no/such/spec.yaml")).rejects.toThrow(
      "no/such/spec.yaml: cannot read the spec: no such file at #. Check the path of the OpenAPI document.",
    );
  });

  test("report a root that is not an object as a document error", () => {
    expect(thrown(() => parseDocument("[1]", "list.json"))).toMatchObject({
      kind: "document",
      message:
        "list.json:1: the document is not an object at #. Pass an OpenAPI document: a mapping with an `openapi` field at its root.",
    });
  });
});
