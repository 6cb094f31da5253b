// The value constraints of a schema (type, enum, const, bounds, formats, flags): narrowing one
// is breaking, widening it additive, annotations patch.

import { childPointer } from "@graph-recording/openapi-zod/document";
import type { DiffContext } from "./context.js";
import { jsonEqual, show } from "./json-values.js";
import type { Schema, SchemaSite } from "./schema-diff.js";

/** Keywords that document a schema without constraining it: their changes are patch-level. */
export const annotationKeywords = new Set([
  "title",
  "description",
  "examples",
  "example",
  "$comment",
  "externalDocs",
  "xml",
]);

const upperBounds = [
  "maximum",
  "exclusiveMaximum",
  "maxLength",
  "maxItems",
  "maxProperties",
  "maxContains",
];

const lowerBounds = [
  "minimum",
  "exclusiveMinimum",
  "minLength",
  "minItems",
  "minProperties",
  "minContains",
];

/** Keywords whose values cannot be ordered: adding or changing one narrows what is accepted. */
const opaqueConstraints = ["pattern", "format", "contentEncoding", "contentMediaType"];

/** Sub-schema keywords whose absence means "anything" (`true`). */
export const optionalSubschemas = [
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "contains",
];

const handledKeywords = new Set([
  "$ref",
  "type",
  "enum",
  "const",
  "properties",
  "patternProperties",
  "required",
  "prefixItems",
  "oneOf",
  "anyOf",
  "allOf",
  "not",
  "discriminator",
  "readOnly",
  "writeOnly",
  "deprecated",
  "default",
  "uniqueItems",
  "multipleOf",
  ...upperBounds,
  ...lowerBounds,
  ...opaqueConstraints,
  ...optionalSubschemas,
]);

type TypeSet = ReadonlySet<string> | "any";

function typeSet(schema: Schema): TypeSet {
  if (typeof schema.type === "string") return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.map(String));
  return "any";
}

function allows(types: TypeSet, type: string): boolean {
  return types === "any" || types.has(type) || (type === "integer" && types.has("number"));
}

/** `type`: a type no longer allowed is breaking, a new one additive. */
export function diffType(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  if (jsonEqual(before.type, after.type)) return;
  const pointer = childPointer(site.pointer, "type");
  const was = typeSet(before);
  const now = typeSet(after);
  const lost =
    was === "any" ? (now === "any" ? [] : ["any type"]) : [...was].filter((t) => !allows(now, t));
  const gained =
    now === "any" ? (was === "any" ? [] : ["any type"]) : [...now].filter((t) => !allows(was, t));
  if (lost.length > 0) {
    ctx.report(
      pointer,
      "breaking",
      "type-narrowed",
      `type narrowed from ${show(before.type ?? "any")} to ${show(after.type ?? "any")}: ${lost.join(", ")} no longer accepted`,
    );
  }
  if (gained.length > 0) {
    ctx.report(
      pointer,
      "additive",
      "type-widened",
      `type widened from ${show(before.type ?? "any")} to ${show(after.type ?? "any")}: ${gained.join(", ")} now accepted`,
    );
  }
}

/** `enum`: each removed value is breaking, each added value additive. */
export function diffEnum(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  if (jsonEqual(before.enum, after.enum)) return;
  const pointer = childPointer(site.pointer, "enum");
  if (!Array.isArray(before.enum)) {
    ctx.report(pointer, "breaking", "enum-added", `values restricted to ${show(after.enum)}`);
    return;
  }
  if (!Array.isArray(after.enum)) {
    ctx.report(
      pointer,
      "additive",
      "enum-removed",
      "enumeration removed: any value of the type is accepted",
    );
    return;
  }
  const had = after.enum;
  for (const value of before.enum) {
    if (!had.some((item) => jsonEqual(item, value))) {
      ctx.report(pointer, "breaking", "enum-value-removed", `enum value ${show(value)} removed`);
    }
  }
  for (const value of after.enum) {
    if (!before.enum.some((item) => jsonEqual(item, value))) {
      ctx.report(pointer, "additive", "enum-value-added", `enum value ${show(value)} added`);
    }
  }
}

/** `const`: fixing or changing the value is breaking, releasing it additive. */
export function diffConst(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  if (jsonEqual(before.const, after.const)) return;
  const pointer = childPointer(site.pointer, "const");
  if (before.const === undefined) {
    ctx.report(pointer, "breaking", "const-added", `value fixed to ${show(after.const)}`);
  } else if (after.const === undefined) {
    ctx.report(
      pointer,
      "additive",
      "const-removed",
      `value no longer fixed to ${show(before.const)}`,
    );
  } else {
    ctx.report(
      pointer,
      "breaking",
      "const-changed",
      `fixed value changed from ${show(before.const)} to ${show(after.const)}`,
    );
  }
}

/**
 * One constraint keyword: adding it narrows, removing it widens; a changed value narrows unless
 * `loosens(was, now)` says the new number accepts more (for bounds and multipleOf).
 */
function diffConstraint(
  ctx: DiffContext,
  site: SchemaSite,
  keyword: string,
  values: { was: unknown; now: unknown },
  loosens?: (was: number, now: number) => boolean,
) {
  const { was, now } = values;
  if (jsonEqual(was, now)) return;
  const pointer = childPointer(site.pointer, keyword);
  if (was === undefined) {
    ctx.report(pointer, "breaking", "constraint-tightened", `${keyword} ${show(now)} added`);
  } else if (now === undefined) {
    ctx.report(pointer, "additive", "constraint-loosened", `${keyword} ${show(was)} removed`);
  } else if (loosens && typeof was === "number" && typeof now === "number") {
    const looser = loosens(was, now);
    const rule = looser ? "constraint-loosened" : "constraint-tightened";
    ctx.report(
      pointer,
      looser ? "additive" : "breaking",
      rule,
      `${keyword} changed from ${was} to ${now}`,
    );
  } else {
    const message = `${keyword} changed from ${show(was)} to ${show(now)}`;
    ctx.report(pointer, "breaking", "constraint-changed", message);
  }
}

/** Numeric bounds, size limits and multipleOf. */
export function diffBounds(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  const values = (keyword: string) => ({ was: before[keyword], now: after[keyword] });
  for (const keyword of upperBounds)
    diffConstraint(ctx, site, keyword, values(keyword), (was, now) => now > was);
  for (const keyword of lowerBounds)
    diffConstraint(ctx, site, keyword, values(keyword), (was, now) => now < was);
  // Every multiple of the old factor stays valid when the new factor divides it.
  diffConstraint(ctx, site, "multipleOf", values("multipleOf"), (was, now) => was % now === 0);
}

/** Constraints whose values cannot be ordered: pattern, format, content encoding and type. */
export function diffOpaqueConstraints(
  ctx: DiffContext,
  before: Schema,
  after: Schema,
  site: SchemaSite,
) {
  for (const keyword of opaqueConstraints) {
    diffConstraint(ctx, site, keyword, { was: before[keyword], now: after[keyword] });
  }
}

/** readOnly, writeOnly, uniqueItems, deprecated and default. */
export function diffFlags(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  const flag = (schema: Schema, keyword: string) => schema[keyword] === true;
  for (const [keyword, meaning] of [
    ["readOnly", "no longer accepted in requests"],
    ["writeOnly", "no longer returned in responses"],
  ] as const) {
    if (flag(before, keyword) === flag(after, keyword)) continue;
    const pointer = childPointer(site.pointer, keyword);
    if (flag(after, keyword)) {
      ctx.report(
        pointer,
        "breaking",
        `${keyword === "readOnly" ? "read" : "write"}-only-added`,
        `became ${keyword}: ${meaning}`,
      );
    } else {
      ctx.report(
        pointer,
        "additive",
        `${keyword === "readOnly" ? "read" : "write"}-only-removed`,
        `no longer ${keyword}`,
      );
    }
  }
  if (flag(before, "uniqueItems") !== flag(after, "uniqueItems")) {
    const tightened = flag(after, "uniqueItems");
    ctx.report(
      childPointer(site.pointer, "uniqueItems"),
      tightened ? "breaking" : "additive",
      tightened ? "constraint-tightened" : "constraint-loosened",
      tightened ? "items must now be unique" : "items no longer need to be unique",
    );
  }
  if (flag(before, "deprecated") !== flag(after, "deprecated")) {
    const now = flag(after, "deprecated");
    ctx.report(
      childPointer(site.pointer, "deprecated"),
      "additive",
      now ? "deprecated" : "undeprecated",
      now ? "marked deprecated" : "no longer deprecated",
    );
  }
  if (!jsonEqual(before.default, after.default)) {
    ctx.report(
      childPointer(site.pointer, "default"),
      "additive",
      "default-changed",
      `default changed from ${show(before.default ?? "none")} to ${show(after.default ?? "none")}`,
    );
  }
}

/** Annotations are patch-level; any keyword this classifier does not know counts as breaking. */
export function diffRemainingKeywords(
  ctx: DiffContext,
  before: Schema,
  after: Schema,
  site: SchemaSite,
) {
  for (const keyword of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (handledKeywords.has(keyword) || jsonEqual(before[keyword], after[keyword])) continue;
    const pointer = childPointer(site.pointer, keyword);
    if (annotationKeywords.has(keyword) || keyword.startsWith("x-")) {
      ctx.report(pointer, "patch", "documentation", `${keyword} changed`);
    } else {
      ctx.report(
        pointer,
        "breaking",
        "unclassified",
        `${keyword} changed from ${show(before[keyword] ?? "absent")} to ${show(after[keyword] ?? "absent")} (a change this classifier does not know how to rank counts as breaking)`,
      );
    }
  }
}
