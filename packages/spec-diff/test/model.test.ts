import { readFileSync } from "node:fs";
import { valueAtPointer } from "@graph-recording/openapi-zod/document";
import { describe, expect, it } from "vitest";
import { diffSpecs, parseSpec, requiredBump, SpecInputError } from "../src/index.js";
import { tinySpec } from "./fixtures.js";

describe("requiredBump", () => {
  it.each([
    ["breaking", "1.4.2", "major"],
    ["breaking", "0.3.0", "minor"],
    ["breaking", "0.0.0", "minor"],
    ["additive", "1.4.2", "minor"],
    ["additive", "0.3.0", "minor"],
    ["patch", "2.0.0", "patch"],
    ["none", "2.0.0", "none"],
  ] as const)("a %s change from %s needs a %s release", (changeClass, version, bump) => {
    expect(requiredBump(changeClass, version)).toBe(bump);
  });
});

describe("bad input", () => {
  it("names the line and column of a YAML syntax error", () => {
    expect(() => parseSpec("openapi: 3.1.0\npaths: [\n", "spec/openapi.yaml")).toThrow(
      /^spec\/openapi\.yaml: line 3, column 1: not valid YAML or JSON: /,
    );
  });

  it.each([
    [
      "swagger: '2.0'\n",
      "old.yaml at /openapi: not an OpenAPI 3 document (no `openapi` field); only OpenAPI 3.x is supported",
    ],
    [
      "openapi: 2.0.0\n",
      "old.yaml at /openapi: line 1, column 1: not an OpenAPI 3 document (openapi: 2.0.0); only OpenAPI 3.x is supported",
    ],
  ])("rejects a document that is not OpenAPI 3.x: %j", (text, message) => {
    expect(() => parseSpec(text, "old.yaml")).toThrow(SpecInputError);
    expect(() => parseSpec(text, "old.yaml")).toThrow(message);
  });

  it("reads any OpenAPI 3.x version", () => {
    expect(parseSpec("openapi: 3.2.0\n", "new.yaml").openapi).toBe("3.2.0");
  });

  it.each([
    [
      { $ref: "#/components/schemas/gone" },
      'the newer spec at /components/schemas/itemUpdate/properties/status/$ref: $ref "#/components/schemas/gone" points to nothing',
    ],
    [
      { $ref: "common.yaml#/status" },
      'the newer spec at /components/schemas/itemUpdate/properties/status/$ref: external $ref "common.yaml#/status" is not supported; bundle the spec into one document first',
    ],
    [
      { $ref: "#/components/schemas/itemUpdate/properties/status" },
      'the newer spec at /components/schemas/itemUpdate/properties/status: circular $ref "#/components/schemas/itemUpdate/properties/status"',
    ],
  ])("names the pointer of a $ref it cannot follow: %j", (status, message) => {
    const after = tinySpec();
    after.components.schemas.itemUpdate.properties.status = status;
    const run = () => diffSpecs(tinySpec(), after);
    expect(run).toThrow(SpecInputError);
    expect(run).toThrow(message);
  });

  it("lets the siblings of a $ref override its target, the outermost first", () => {
    const after = tinySpec();
    after.components.schemas.alias = { $ref: "#/components/schemas/status", maxLength: 20 };
    after.components.schemas.itemUpdate.properties.status = {
      $ref: "#/components/schemas/alias",
      maxLength: 10,
    };
    expect(diffSpecs(tinySpec(), after).changes).toContainEqual({
      pointer: "/components/schemas/itemUpdate/properties/status/maxLength",
      class: "breaking",
      rule: "constraint-tightened",
      message: "maxLength 10 added",
    });
  });
});

describe("the real spec", () => {
  const text = readFileSync(new URL("../../../spec/openapi.yaml", import.meta.url), "utf8");

  it("has no change against itself", () => {
    expect(diffSpecs(parseSpec(text, "a"), parseSpec(text, "b")).class).toBe("none");
  });

  it("reports a property removed from a component used in many places once, as breaking", () => {
    const after = parseSpec(text, "after");
    const base = valueAtPointer(after, "/components/schemas/commsOperationBase/properties");
    delete (base as Record<string, unknown>).clientContext;
    const diff = diffSpecs(parseSpec(text, "before"), after);
    expect(diff.changes).toEqual([
      {
        pointer: "/components/schemas/commsOperationBase/properties/clientContext",
        class: "breaking",
        rule: "property-removed",
        message: 'property "clientContext" removed',
      },
    ]);
  });
});
