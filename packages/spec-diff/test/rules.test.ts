import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/index.js";
import { tinySpec } from "./fixtures.js";

type Spec = ReturnType<typeof tinySpec>;
type Expected = [string, "breaking" | "additive" | "patch", string];

const item = "/paths/~1items~1{id}";
const schemas = "/components/schemas";

/**
 * Each rule: a change applied to a copy of the tiny spec, and exactly the changes the
 * classifier must report as [rule, class, pointer].
 */
const cases: Array<{
  name: string;
  /** Applied to both specs first, when the rule needs a different starting point. */
  setup?: (spec: Spec) => void;
  change: (spec: Spec) => void;
  expected: Expected[];
}> = [
  // Operations, paths, webhooks
  {
    name: "removing an operation is breaking",
    change: (s) => delete s.paths["/items/{id}"].patch,
    expected: [["operation-removed", "breaking", `${item}/patch`]],
  },
  {
    name: "removing a path is breaking, reported once for the path",
    change: (s) => delete s.paths["/items/{id}"],
    expected: [["path-removed", "breaking", item]],
  },
  {
    name: "adding an operation is additive",
    change: (s) => {
      s.paths["/items/{id}"].delete = { responses: { "204": { description: "Gone." } } };
    },
    expected: [["operation-added", "additive", `${item}/delete`]],
  },
  {
    name: "adding a path is additive",
    change: (s) => {
      s.paths["/items"] = { get: { responses: { "200": { description: "All." } } } };
    },
    expected: [["path-added", "additive", "/paths/~1items"]],
  },
  {
    name: "removing a webhook is breaking",
    change: (s) => delete s.webhooks.itemChanged,
    expected: [["webhook-removed", "breaking", "/webhooks/itemChanged"]],
  },
  {
    name: "renaming an operationId is breaking",
    change: (s) => {
      s.paths["/items/{id}"].get.operationId = "readItem";
    },
    expected: [["operation-id-changed", "breaking", `${item}/get/operationId`]],
  },
  {
    name: "deprecating an operation is additive",
    change: (s) => {
      s.paths["/items/{id}"].get.deprecated = true;
    },
    expected: [["deprecated", "additive", `${item}/get/deprecated`]],
  },
  // Properties and required
  {
    name: "removing a response property is breaking",
    change: (s) => delete s.components.schemas.item.properties.name,
    expected: [["property-removed", "breaking", `${schemas}/item/properties/name`]],
  },
  {
    name: "removing a request property is breaking",
    change: (s) => delete s.components.schemas.itemUpdate.properties.name,
    expected: [["property-removed", "breaking", `${schemas}/itemUpdate/properties/name`]],
  },
  {
    name: "adding an optional property is additive",
    change: (s) => {
      s.components.schemas.itemUpdate.properties.color = { type: "string" };
    },
    expected: [["property-added", "additive", `${schemas}/itemUpdate/properties/color`]],
  },
  {
    name: "adding a required property to a request is breaking",
    change: (s) => {
      s.components.schemas.itemUpdate.properties.color = { type: "string" };
      s.components.schemas.itemUpdate.required = ["color"];
    },
    expected: [["required-property-added", "breaking", `${schemas}/itemUpdate/properties/color`]],
  },
  {
    name: "adding a required property to a response is additive",
    change: (s) => {
      s.components.schemas.item.properties.color = { type: "string" };
      s.components.schemas.item.required.push("color");
    },
    expected: [["property-added", "additive", `${schemas}/item/properties/color`]],
  },
  {
    name: "a request property that becomes required is breaking",
    change: (s) => {
      s.components.schemas.itemUpdate.required = ["name"];
    },
    expected: [["property-became-required", "breaking", `${schemas}/itemUpdate/properties/name`]],
  },
  {
    name: "a response property that becomes required is additive",
    change: (s) => {
      s.components.schemas.item.required.push("name");
    },
    expected: [["property-became-required", "additive", `${schemas}/item/properties/name`]],
  },
  {
    name: "a response property that becomes optional is breaking",
    change: (s) => {
      s.components.schemas.item.required = [];
    },
    expected: [["property-became-optional", "breaking", `${schemas}/item/properties/id`]],
  },
  {
    name: "a request property that becomes optional is additive",
    setup: (s) => {
      s.components.schemas.itemUpdate.required = ["name"];
    },
    change: (s) => {
      s.components.schemas.itemUpdate.required = [];
    },
    expected: [["property-became-optional", "additive", `${schemas}/itemUpdate/properties/name`]],
  },
  {
    name: "a webhook payload property (received) that becomes optional is breaking",
    change: (s) => {
      s.components.schemas.notification.required = [];
    },
    expected: [
      ["property-became-optional", "breaking", `${schemas}/notification/properties/changeType`],
    ],
  },
  {
    name: "a property required in a webhook payload (received) is additive",
    change: (s) => {
      s.components.schemas.notification.required.push("itemId");
    },
    expected: [
      ["property-became-required", "additive", `${schemas}/notification/properties/itemId`],
    ],
  },
  {
    name: "a readOnly property that becomes required in a shared schema only affects responses",
    change: (s) => {
      s.components.schemas.itemUpdate.properties.id = { type: "string", readOnly: true };
      s.components.schemas.itemUpdate.required = ["id"];
    },
    expected: [["property-added", "additive", `${schemas}/itemUpdate/properties/id`]],
  },
  // Types, enums, constraints
  {
    name: "narrowing a type is breaking",
    change: (s) => {
      s.components.schemas.item.properties.name.type = "string";
    },
    expected: [["type-narrowed", "breaking", `${schemas}/item/properties/name/type`]],
  },
  {
    name: "widening integer to number is additive",
    change: (s) => {
      s.components.schemas.item.properties.size.type = "number";
    },
    expected: [["type-widened", "additive", `${schemas}/item/properties/size/type`]],
  },
  {
    name: "removing an enum value is breaking, once at the shared component",
    change: (s) => {
      s.components.schemas.status.enum = ["active"];
    },
    expected: [["enum-value-removed", "breaking", `${schemas}/status/enum`]],
  },
  {
    name: "adding an enum value is additive",
    change: (s) => {
      s.components.schemas.status.enum.push("deleted");
    },
    expected: [["enum-value-added", "additive", `${schemas}/status/enum`]],
  },
  {
    name: "lowering maxLength is breaking",
    change: (s) => {
      s.components.schemas.item.properties.name.maxLength = 20;
    },
    expected: [["constraint-tightened", "breaking", `${schemas}/item/properties/name/maxLength`]],
  },
  {
    name: "raising maxLength is additive",
    change: (s) => {
      s.components.schemas.item.properties.name.maxLength = 100;
    },
    expected: [["constraint-loosened", "additive", `${schemas}/item/properties/name/maxLength`]],
  },
  {
    name: "raising minimum is breaking",
    change: (s) => {
      s.components.schemas.item.properties.size.minimum = 1;
    },
    expected: [["constraint-tightened", "breaking", `${schemas}/item/properties/size/minimum`]],
  },
  {
    name: "removing maximum is additive",
    change: (s) => delete s.components.schemas.item.properties.size.maximum,
    expected: [["constraint-loosened", "additive", `${schemas}/item/properties/size/maximum`]],
  },
  {
    name: "adding a pattern is breaking",
    change: (s) => {
      s.components.schemas.user.properties.id.pattern = "^[0-9]+$";
    },
    expected: [["constraint-tightened", "breaking", `${schemas}/user/properties/id/pattern`]],
  },
  {
    name: "fixing a value with const is breaking",
    change: (s) => {
      s.components.schemas.user.properties.id.const = "me";
    },
    expected: [["const-added", "breaking", `${schemas}/user/properties/id/const`]],
  },
  {
    name: "closing an object with additionalProperties: false is breaking",
    change: (s) => {
      s.components.schemas.user.additionalProperties = false;
    },
    expected: [["schema-narrowed", "breaking", `${schemas}/user/additionalProperties`]],
  },
  {
    name: "a property that becomes readOnly is breaking",
    change: (s) => {
      s.components.schemas.itemUpdate.properties.name.readOnly = true;
    },
    expected: [["read-only-added", "breaking", `${schemas}/itemUpdate/properties/name/readOnly`]],
  },
  {
    name: "removing a oneOf variant is breaking",
    change: (s) => {
      s.components.schemas.item.properties.owner.oneOf = [{ $ref: "#/components/schemas/user" }];
    },
    expected: [["variant-removed", "breaking", `${schemas}/item/properties/owner/oneOf/1`]],
  },
  {
    name: "adding a oneOf variant is additive",
    change: (s) => {
      s.components.schemas.item.properties.owner.oneOf.push({ type: "string" });
    },
    expected: [["variant-added", "additive", `${schemas}/item/properties/owner/oneOf/2`]],
  },
  {
    name: "an unknown keyword counts as breaking",
    change: (s) => {
      s.components.schemas.user.dependentRequired = { id: ["name"] };
    },
    expected: [["unclassified", "breaking", `${schemas}/user/dependentRequired`]],
  },
  {
    name: "removing a component schema is breaking",
    change: (s) => delete s.components.schemas.tree,
    expected: [["component-removed", "breaking", `${schemas}/tree`]],
  },
  // Parameters, bodies, responses, headers, security
  {
    name: "adding a required parameter is breaking",
    change: (s) => {
      s.paths["/items/{id}"].get.parameters.push({
        name: "tenant",
        in: "header",
        required: true,
        schema: { type: "string" },
      });
    },
    expected: [["required-parameter-added", "breaking", `${item}/get/parameters/1`]],
  },
  {
    name: "adding an optional parameter is additive",
    change: (s) => {
      s.paths["/items/{id}"].get.parameters.push({
        name: "$expand",
        in: "query",
        schema: { type: "string" },
      });
    },
    expected: [["parameter-added", "additive", `${item}/get/parameters/1`]],
  },
  {
    name: "removing a parameter is breaking",
    change: (s) => {
      s.paths["/items/{id}"].get.parameters = [];
    },
    expected: [["parameter-removed", "breaking", `${item}/get/parameters/0`]],
  },
  {
    name: "a parameter component that becomes required is breaking, at the component",
    change: (s) => {
      s.components.parameters.select.required = true;
    },
    expected: [["became-required", "breaking", "/components/parameters/select/required"]],
  },
  {
    name: "a path-level parameter change is reported once, not per operation",
    change: (s) => {
      s.paths["/items/{id}"].parameters[0].schema.maxLength = 36;
    },
    expected: [["constraint-tightened", "breaking", `${item}/parameters/0/schema/maxLength`]],
  },
  {
    name: "a request body that becomes optional is additive",
    change: (s) => {
      s.paths["/items/{id}"].patch.requestBody.required = false;
    },
    expected: [["became-optional", "additive", `${item}/patch/requestBody/required`]],
  },
  {
    name: "removing a request media type is breaking",
    change: (s) => {
      s.paths["/items/{id}"].patch.requestBody.content = {
        "application/merge-patch+json":
          s.paths["/items/{id}"].patch.requestBody.content["application/json"],
      };
    },
    expected: [
      ["media-type-removed", "breaking", `${item}/patch/requestBody/content/application~1json`],
      [
        "media-type-added",
        "additive",
        `${item}/patch/requestBody/content/application~1merge-patch+json`,
      ],
    ],
  },
  {
    name: "removing a response status is breaking",
    change: (s) => delete s.paths["/items/{id}"].get.responses["404"],
    expected: [["response-removed", "breaking", `${item}/get/responses/404`]],
  },
  {
    name: "adding a response status is additive",
    change: (s) => {
      s.paths["/items/{id}"].get.responses["429"] = { description: "Slow down." };
    },
    expected: [["response-added", "additive", `${item}/get/responses/429`]],
  },
  {
    name: "removing a response header is breaking",
    change: (s) => {
      s.paths["/items/{id}"].get.responses["200"].headers = {};
    },
    expected: [["header-removed", "breaking", `${item}/get/responses/200/headers/ETag`]],
  },
  {
    name: "requiring another permission is breaking",
    change: (s) => {
      s.paths["/items/{id}"].patch.security = [{ oauth: ["Items.ReadWrite"] }];
    },
    expected: [
      ["security-requirement-removed", "breaking", `${item}/patch/security`],
      ["security-requirement-added", "additive", `${item}/patch/security`],
    ],
  },
  // Documentation
  {
    name: "a description change is patch",
    change: (s) => {
      s.components.schemas.item.description = "One item of the catalogue.";
    },
    expected: [["documentation", "patch", `${schemas}/item/description`]],
  },
  {
    name: "a summary change is patch",
    change: (s) => {
      s.paths["/items/{id}"].get.summary = "Get an item";
    },
    expected: [["documentation", "patch", `${item}/get/summary`]],
  },
  {
    name: "an example change is patch",
    change: (s) => {
      s.components.examples.item.value = { id: "2" };
    },
    expected: [["example-changed", "patch", "/components/examples/item"]],
  },
  {
    name: "an extension change is patch",
    change: (s) => {
      s.components.schemas.item["x-decision"] = "see DECISIONS.md";
    },
    expected: [["documentation", "patch", `${schemas}/item/x-decision`]],
  },
  {
    name: "info.version is patch",
    change: (s) => {
      s.info.version = "1.0.1";
    },
    expected: [["documentation", "patch", "/info"]],
  },
  // Semantics rather than syntax
  {
    name: "replacing a $ref by an identical inline schema is no change",
    change: (s) => {
      s.components.schemas.itemUpdate.properties.status = {
        type: "string",
        enum: ["active", "archived"],
      };
    },
    expected: [],
  },
  {
    name: "a $ref retargeted to a narrower component is compared through the reference",
    change: (s) => {
      s.components.schemas.shortStatus = { type: "string", enum: ["active"] };
      s.components.schemas.itemUpdate.properties.status = {
        $ref: "#/components/schemas/shortStatus",
      };
    },
    expected: [
      ["enum-value-removed", "breaking", `${schemas}/itemUpdate/properties/status/enum`],
      ["component-added", "additive", `${schemas}/shortStatus`],
    ],
  },
  {
    name: "moving a schema's own members into an inline allOf member is no change",
    change: (s) => {
      const { properties, required, ...rest } = s.components.schemas.notification;
      s.components.schemas.notification = { ...rest, allOf: [{ properties, required }] };
    },
    expected: [],
  },
  {
    // The new component is compared through the changed reference once, then the cycle stops.
    name: "recursive schemas compare without looping",
    change: (s) => {
      s.components.schemas.tree2 = structuredClone(s.components.schemas.tree);
      s.components.schemas.tree2.properties.children.items.$ref = "#/components/schemas/tree2";
      s.components.schemas.tree2.properties.label = { type: "string" };
      s.components.schemas.tree = { $ref: "#/components/schemas/tree2" };
    },
    expected: [
      ["property-added", "additive", `${schemas}/tree/properties/children/items/properties/label`],
      ["property-added", "additive", `${schemas}/tree/properties/label`],
      ["component-added", "additive", `${schemas}/tree2`],
    ],
  },
];

describe("classification rules", () => {
  it.each(cases)("$name", ({ setup, change, expected }) => {
    const before = tinySpec();
    const after = tinySpec();
    setup?.(before);
    setup?.(after);
    change(after);
    const found = diffSpecs(before, after).changes.map((c) => [c.rule, c.class, c.pointer]);
    expect(found).toEqual(expected);
  });

  it("rates the whole diff by its most severe change", () => {
    const after = tinySpec();
    after.components.schemas.item.description = "changed";
    expect(diffSpecs(tinySpec(), after).class).toBe("patch");
    after.components.schemas.status.enum.push("deleted");
    expect(diffSpecs(tinySpec(), after).class).toBe("additive");
    delete after.components.schemas.item.properties.name;
    expect(diffSpecs(tinySpec(), after).class).toBe("breaking");
  });

  it("finds nothing between a spec and itself", () => {
    expect(diffSpecs(tinySpec(), tinySpec())).toEqual({ changes: [], class: "none" });
  });
});
