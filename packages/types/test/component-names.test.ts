import { describe, expect, it } from "vitest";
import { namedExportsModule, typeName } from "../scripts/component-names.mjs";

describe("typeName", () => {
  it.each([
    ["recordOperation", "RecordOperation"],
    ["callRecording", "CallRecording"],
    ["odata.error", "OdataError"],
    ["microsoft.graph.identitySet", "MicrosoftGraphIdentitySet"],
    ["2fa-token", "_2faToken"],
  ])("names %s as %s", (component, expected) => {
    expect(typeName(component)).toBe(expected);
  });

  it("rejects a component name with no identifier characters", () => {
    expect(() => typeName("--")).toThrow("#/components/schemas/--: no usable type name");
  });
});

describe("namedExportsModule", () => {
  it("exports one alias per component, sorted, with the first paragraph of its description", () => {
    const code = namedExportsModule({
      components: {
        schemas: {
          resultInfo: { description: "The result,\nin full.\n\nMore text." },
          commsOperation: {},
        },
      },
    });
    expect(code).toContain(
      'export type CommsOperation = components["schemas"]["commsOperation"];\n/** The result, in full. */\n' +
        'export type ResultInfo = components["schemas"]["resultInfo"];',
    );
    expect(code.startsWith("// Generated from spec/openapi.yaml")).toBe(true);
  });

  it("refuses two components that would share a type name, naming both", () => {
    expect(() => namedExportsModule({ components: { schemas: { "a.b": {}, aB: {} } } })).toThrow(
      "#/components/schemas/aB: its type name AB is already taken by #/components/schemas/a.b; rename one of the two components",
    );
  });
});
