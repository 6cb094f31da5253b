import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffSpecs, parseSpec, requiredBump, SpecInputError } from "../src/index.js";
import { valueAt } from "../src/pointer.js";
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
  it("names the line of a YAML syntax error", () => {
    expect(() => parseSpec("openapi: 3.1.0\npaths: [\n", "spec/openapi.yaml")).toThrow(
      /^spec\/openapi\.yaml: not valid YAML \(line \d+, column \d+\)/,
    );
  });

  it("rejects a document that is not OpenAPI", () => {
    expect(() => parseSpec("swagger: '2.0'\n", "old.yaml")).toThrow(
      "old.yaml: not an OpenAPI document (no `openapi` field at the root)",
    );
  });

  it("names the pointer of a $ref that points to nothing", () => {
    const after = tinySpec();
    after.components.schemas.itemUpdate.properties.status = { $ref: "#/components/schemas/gone" };
    const run = () => diffSpecs(tinySpec(), after);
    expect(run).toThrow(SpecInputError);
    expect(run).toThrow(
      "the newer spec at /components/schemas/itemUpdate/properties/status: $ref #/components/schemas/gone points to nothing",
    );
  });
});

describe("the real spec", () => {
  const text = readFileSync(new URL("../../../spec/openapi.yaml", import.meta.url), "utf8");

  it("has no change against itself", () => {
    expect(diffSpecs(parseSpec(text, "a"), parseSpec(text, "b")).class).toBe("none");
  });

  it("reports a property removed from a component used in many places once, as breaking", () => {
    const after = parseSpec(text, "after");
    const base = valueAt(after, "/components/schemas/commsOperationBase/properties");
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
