import { childPointer } from "@graph-recording/openapi-zod/document";
import {
  componentOfRef,
  type DiffContext,
  type DiffSite,
  resolveRef,
  SpecInputError,
} from "./context.js";
import { isRecord, jsonEqual, show } from "./json-values.js";
import {
  annotationKeywords,
  diffBounds,
  diffConst,
  diffEnum,
  diffFlags,
  diffOpaqueConstraints,
  diffRemainingKeywords,
  diffType,
  optionalSubschemas,
} from "./schema-constraints.js";

/** Where a schema comparison stands: its pointer, its directions, the `$ref` pairs on the way. */
export interface SchemaSite extends DiffSite {
  /** `$ref` pairs already being compared on this branch, so recursive schemas terminate. */
  refPairs?: ReadonlySet<string>;
}

/** A schema object (boolean schemas are handled before this shape). */
export type Schema = Record<string, unknown>;

/**
 * Compares two schemas found at the same place and reports every semantic difference:
 * narrowing what is accepted is breaking, widening it is additive, documentation is patch.
 * A `$ref` to the same component on both sides is not followed: that component is compared
 * once, at its own pointer.
 */
export function diffSchema(ctx: DiffContext, before: unknown, after: unknown, site: SchemaSite) {
  if (jsonEqual(before, after)) return;
  const { pointer } = site;
  if (typeof before === "boolean" || typeof after === "boolean") {
    diffBooleanSchema(ctx, before, after, site);
    return;
  }
  if (!isRecord(before) || !isRecord(after)) {
    const bad = isRecord(before) ? "the newer" : "the older";
    throw new SpecInputError(`${bad} spec`, pointer, "a schema must be an object or a boolean");
  }
  const sameComponent =
    before.$ref === after.$ref && componentOfRef(before.$ref)?.kind === "schemas";
  if (sameComponent) {
    const { $ref: _before, ...beforeSiblings } = before;
    const { $ref: _after, ...afterSiblings } = after;
    diffSchema(ctx, beforeSiblings, afterSiblings, site);
    return;
  }
  let left = before;
  let right = after;
  if (before.$ref !== undefined || after.$ref !== undefined) {
    const pair = `${String(before.$ref ?? pointer)}|${String(after.$ref ?? pointer)}`;
    if (site.refPairs?.has(pair)) return;
    site = { ...site, refPairs: new Set([...(site.refPairs ?? []), pair]) };
    left = resolveRef(ctx.before, before, { source: "the older spec", pointer });
    right = resolveRef(ctx.after, after, { source: "the newer spec", pointer });
  }
  diffResolvedSchema(ctx, flattenInlineAllOf(left), flattenInlineAllOf(right), site);
}

function diffBooleanSchema(ctx: DiffContext, before: unknown, after: unknown, site: SchemaSite) {
  const acceptsAll = (schema: unknown) =>
    schema === true || (isRecord(schema) && Object.keys(schema).length === 0);
  if (before === false) {
    ctx.report(
      site.pointer,
      "additive",
      "schema-widened",
      "schema that accepted nothing now accepts values",
    );
  } else if (after === false) {
    ctx.report(site.pointer, "breaking", "schema-narrowed", "schema now accepts nothing");
  } else if (acceptsAll(before) || acceptsAll(after)) {
    diffSchema(ctx, before === true ? {} : before, after === true ? {} : after, site);
  }
}

/**
 * Merges inline (non-`$ref`) `allOf` members into their parent when no keyword conflicts, so
 * that moving a schema's own members beside `allOf` or into it is no change at all.
 */
function flattenInlineAllOf(schema: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const merged: Schema = { ...schema };
  const kept: unknown[] = [];
  for (const member of schema.allOf) {
    if (!isRecord(member) || member.$ref !== undefined || !mergeInto(merged, member)) {
      kept.push(member);
    }
  }
  if (kept.length > 0) merged.allOf = kept;
  else delete merged.allOf;
  return merged;
}

function mergeInto(target: Schema, member: Schema): boolean {
  for (const [key, value] of Object.entries(member)) {
    if (key === "properties" || key === "required" || annotationKeywords.has(key)) continue;
    if (target[key] !== undefined && !jsonEqual(target[key], value)) return false;
  }
  const targetProperties = isRecord(target.properties) ? target.properties : {};
  const memberProperties = isRecord(member.properties) ? member.properties : {};
  for (const name of Object.keys(memberProperties)) {
    if (name in targetProperties && !jsonEqual(targetProperties[name], memberProperties[name])) {
      return false;
    }
  }
  for (const [key, value] of Object.entries(member)) {
    if (key === "properties") target.properties = { ...targetProperties, ...memberProperties };
    else if (key === "required") {
      const required = [...asArray(target.required), ...asArray(value)];
      target.required = [...new Set(required)];
    } else if (!annotationKeywords.has(key) || target[key] === undefined) target[key] = value;
  }
  return true;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function diffResolvedSchema(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  diffType(ctx, before, after, site);
  diffEnum(ctx, before, after, site);
  diffConst(ctx, before, after, site);
  diffBounds(ctx, before, after, site);
  diffOpaqueConstraints(ctx, before, after, site);
  diffFlags(ctx, before, after, site);
  diffProperties(ctx, before, after, site);
  diffRequired(ctx, before, after, site);
  diffSubschemaMap(ctx, before, after, site, "patternProperties");
  for (const keyword of optionalSubschemas) {
    if (jsonEqual(before[keyword], after[keyword])) continue;
    diffSchema(ctx, before[keyword] ?? true, after[keyword] ?? true, {
      ...site,
      pointer: childPointer(site.pointer, keyword),
    });
  }
  diffPrefixItems(ctx, before, after, site);
  diffVariants(ctx, before, after, site, "oneOf");
  diffVariants(ctx, before, after, site, "anyOf");
  diffAllOf(ctx, before, after, site);
  diffNot(ctx, before, after, site);
  diffDiscriminator(ctx, before, after, site);
  diffRemainingKeywords(ctx, before, after, site);
}

function propertiesOf(schema: Schema): Record<string, unknown> {
  return isRecord(schema.properties) ? schema.properties : {};
}

function requiredOf(schema: Schema): Set<string> {
  return new Set(asArray(schema.required).map(String));
}

/** Whether a property is only ever sent by clients (writeOnly) or only returned (readOnly). */
function propertyFlag(ctx: DiffContext, property: unknown, flag: "readOnly" | "writeOnly") {
  if (!isRecord(property)) return false;
  if (property[flag] === true) return true;
  if (property.$ref === undefined) return false;
  try {
    return (
      resolveRef(ctx.after, property, { source: "the newer spec", pointer: "" })[flag] === true
    );
  } catch {
    return false;
  }
}

function diffProperties(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  const was = propertiesOf(before);
  const now = propertiesOf(after);
  const nowRequired = requiredOf(after);
  for (const name of Object.keys(was)) {
    const pointer = childPointer(site.pointer, "properties", name);
    if (!(name in now)) {
      ctx.report(pointer, "breaking", "property-removed", `property ${show(name)} removed`);
    } else {
      diffSchema(ctx, was[name], now[name], { ...site, pointer });
    }
  }
  for (const name of Object.keys(now)) {
    if (name in was) continue;
    const pointer = childPointer(site.pointer, "properties", name);
    const sentRequired =
      nowRequired.has(name) &&
      site.directions.has("input") &&
      !propertyFlag(ctx, now[name], "readOnly");
    if (sentRequired) {
      ctx.report(
        pointer,
        "breaking",
        "required-property-added",
        `required property ${show(name)} added to what clients send`,
      );
    } else {
      ctx.report(
        pointer,
        "additive",
        "property-added",
        `property ${show(name)} added${nowRequired.has(name) ? " (required, in what clients receive)" : ""}`,
      );
    }
  }
}

function diffRequired(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  const was = requiredOf(before);
  const now = requiredOf(after);
  const wasProperties = propertiesOf(before);
  const nowProperties = propertiesOf(after);
  const at = (name: string, properties: Record<string, unknown>) =>
    name in properties
      ? childPointer(site.pointer, "properties", name)
      : childPointer(site.pointer, "required");
  for (const name of now) {
    if (was.has(name)) continue;
    // A property declared for the first time was reported with its requiredness above.
    if (name in nowProperties && !(name in wasProperties)) continue;
    const property = nowProperties[name];
    const sent = site.directions.has("input") && !propertyFlag(ctx, property, "readOnly");
    ctx.report(
      at(name, nowProperties),
      sent ? "breaking" : "additive",
      "property-became-required",
      sent
        ? `property ${show(name)} became required in what clients send`
        : `property ${show(name)} is now always present in what clients receive`,
    );
  }
  for (const name of was) {
    if (now.has(name)) continue;
    // A removed property was reported as removed.
    if (name in wasProperties && !(name in nowProperties)) continue;
    const property = nowProperties[name] ?? wasProperties[name];
    const received = site.directions.has("output") && !propertyFlag(ctx, property, "writeOnly");
    ctx.report(
      at(name, nowProperties),
      received ? "breaking" : "additive",
      "property-became-optional",
      received
        ? `property ${show(name)} may now be absent from what clients receive`
        : `property ${show(name)} is no longer required in what clients send`,
    );
  }
}

function diffSubschemaMap(
  ctx: DiffContext,
  before: Schema,
  after: Schema,
  site: SchemaSite,
  keyword: string,
) {
  const was = isRecord(before[keyword]) ? before[keyword] : {};
  const now = isRecord(after[keyword]) ? after[keyword] : {};
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    diffSchema(ctx, was[key] ?? true, now[key] ?? true, {
      ...site,
      pointer: childPointer(site.pointer, keyword, key),
    });
  }
}

function diffPrefixItems(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  const was = asArray(before.prefixItems);
  const now = asArray(after.prefixItems);
  for (let index = 0; index < Math.max(was.length, now.length); index++) {
    diffSchema(ctx, was[index] ?? true, now[index] ?? true, {
      ...site,
      pointer: childPointer(site.pointer, "prefixItems", index),
    });
  }
}

/** A stable identity for a composition member: its `$ref`, `null`, or its inline position. */
function memberKeys(members: unknown[]): string[] {
  let inline = 0;
  return members.map((member) => {
    if (isRecord(member) && typeof member.$ref === "string") return `ref:${member.$ref}`;
    if (isRecord(member) && member.type === "null" && Object.keys(member).length === 1) {
      return "null";
    }
    return `inline:${inline++}`;
  });
}

function describeMember(key: string): string {
  if (key.startsWith("ref:")) return key.slice(4);
  if (key === "null") return "null";
  return `inline schema #${key.slice(7)}`;
}

function diffVariants(
  ctx: DiffContext,
  before: Schema,
  after: Schema,
  site: SchemaSite,
  keyword: "oneOf" | "anyOf",
) {
  if (jsonEqual(before[keyword], after[keyword])) return;
  const pointer = childPointer(site.pointer, keyword);
  if (!Array.isArray(before[keyword])) {
    ctx.report(
      pointer,
      "breaking",
      "composition-added",
      `${keyword} added: values must now match one of its schemas`,
    );
    return;
  }
  if (!Array.isArray(after[keyword])) {
    ctx.report(pointer, "additive", "composition-removed", `${keyword} removed`);
    return;
  }
  diffMembers(
    ctx,
    before[keyword],
    after[keyword],
    { ...site, pointer },
    {
      removed: ["breaking", "variant-removed", "no longer accepted"],
      added: ["additive", "variant-added", "now accepted"],
    },
  );
}

function diffAllOf(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  if (jsonEqual(before.allOf, after.allOf)) return;
  diffMembers(
    ctx,
    asArray(before.allOf),
    asArray(after.allOf),
    { ...site, pointer: childPointer(site.pointer, "allOf") },
    {
      removed: ["additive", "all-of-member-removed", "no longer has to match"],
      added: ["breaking", "all-of-member-added", "must now also match"],
    },
  );
}

type MemberRule = readonly ["breaking" | "additive", string, string];

function diffMembers(
  ctx: DiffContext,
  before: unknown[],
  after: unknown[],
  site: SchemaSite,
  rules: { removed: MemberRule; added: MemberRule },
) {
  const beforeKeys = memberKeys(before);
  const afterKeys = memberKeys(after);
  beforeKeys.forEach((key, index) => {
    const match = afterKeys.indexOf(key);
    if (match === -1) {
      const [changeClass, rule, verb] = rules.removed;
      ctx.report(
        childPointer(site.pointer, index),
        changeClass,
        rule,
        `${describeMember(key)} ${verb}`,
      );
    } else {
      diffSchema(ctx, before[index], after[match], {
        ...site,
        pointer: childPointer(site.pointer, match),
      });
    }
  });
  afterKeys.forEach((key, index) => {
    if (beforeKeys.includes(key)) return;
    const [changeClass, rule, verb] = rules.added;
    ctx.report(
      childPointer(site.pointer, index),
      changeClass,
      rule,
      `${describeMember(key)} ${verb}`,
    );
  });
}

function diffNot(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  if (jsonEqual(before.not, after.not)) return;
  const pointer = childPointer(site.pointer, "not");
  if (before.not === undefined) {
    ctx.report(pointer, "breaking", "constraint-tightened", "`not` added");
  } else if (after.not === undefined) {
    ctx.report(pointer, "additive", "constraint-loosened", "`not` removed");
  } else {
    ctx.report(pointer, "breaking", "constraint-changed", "`not` schema changed");
  }
}

function diffDiscriminator(ctx: DiffContext, before: Schema, after: Schema, site: SchemaSite) {
  if (jsonEqual(before.discriminator, after.discriminator)) return;
  const pointer = childPointer(site.pointer, "discriminator");
  const was = isRecord(before.discriminator) ? before.discriminator : {};
  const now = isRecord(after.discriminator) ? after.discriminator : {};
  if (was.propertyName !== now.propertyName) {
    ctx.report(
      childPointer(pointer, "propertyName"),
      "breaking",
      "discriminator-changed",
      `discriminator property changed from ${show(was.propertyName ?? "none")} to ${show(now.propertyName ?? "none")}`,
    );
  }
  const wasMapping = isRecord(was.mapping) ? was.mapping : {};
  const nowMapping = isRecord(now.mapping) ? now.mapping : {};
  for (const value of new Set([...Object.keys(wasMapping), ...Object.keys(nowMapping)])) {
    const at = childPointer(pointer, "mapping", value);
    if (!(value in nowMapping)) {
      ctx.report(
        at,
        "breaking",
        "discriminator-mapping-removed",
        `discriminator value ${show(value)} removed`,
      );
    } else if (!(value in wasMapping)) {
      ctx.report(
        at,
        "additive",
        "discriminator-mapping-added",
        `discriminator value ${show(value)} added`,
      );
    } else if (wasMapping[value] !== nowMapping[value]) {
      ctx.report(
        at,
        "breaking",
        "discriminator-mapping-changed",
        `discriminator value ${show(value)} now maps to ${show(nowMapping[value])}`,
      );
    }
  }
}
