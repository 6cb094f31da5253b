import fc from "fast-check";
import { valueAtPointer } from "../../src/document/json-pointer.js";

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Sample strings per format, valid ones first, so generated instances exercise both verdicts. */
const FORMAT_SAMPLES: Record<string, string[]> = {
  "date-time": [
    "2024-05-01T10:00:00Z",
    "2024-05-01T10:00:00.123+02:00",
    "2024-02-30T10:00:00Z",
    "2024-05-01 10:00:00Z",
  ],
  date: ["2024-05-01", "2024-02-29", "2023-02-29", "2024-5-1"],
  time: ["10:00:00Z", "23:59:60Z", "10:00:00", "25:00:00Z"],
  uuid: [
    "2d5e3b7e-8f1b-4c59-9d7e-1a2b3c4d5e6f",
    "2D5E3B7E-8F1B-4C59-9D7E-1A2B3C4D5E6F",
    "2d5e3b7e8f1b4c599d7e1a2b3c4d5e6f",
  ],
  email: ["joe@example.com", "a.b@example.co.uk", "joe@@example.com", ".joe@example.com"],
  uri: ["https://example.com/a?b=c#d", "urn:isbn:0451450523", "//example.com", "not a uri"],
  ipv4: ["127.0.0.1", "255.255.255.255", "256.0.0.1", "1.2.3"],
  ipv6: ["::1", "2001:db8::8a2e:370:7334", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3.4"],
};

/**
 * Instances shaped by a schema: they follow types, properties, enums and formats most of the time and
 * break them some of the time, so both verdicts occur. Validity is decided by the validators under test.
 */
export function instanceOf(
  schema: unknown,
  document: JsonObject,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > 4 || schema === true || schema === undefined) return fc.jsonValue({ maxDepth: 2 });
  if (schema === false) return fc.jsonValue({ maxDepth: 1 });
  if (!isObject(schema)) return fc.jsonValue({ maxDepth: 1 });
  const options: fc.Arbitrary<unknown>[] = [];
  if (typeof schema.$ref === "string")
    options.push(instanceOf(valueAtPointer(document, schema.$ref), document, depth + 1));
  if ("const" in schema) options.push(fc.constant(schema.const));
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    options.push(fc.constantFrom(...schema.enum));
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    const members = schema[keyword];
    if (Array.isArray(members) && members.length > 0)
      options.push(fc.oneof(...members.map((m) => instanceOf(m, document, depth + 1))));
  }
  const types =
    typeof schema.type === "string"
      ? [schema.type]
      : Array.isArray(schema.type)
        ? (schema.type as string[])
        : [];
  if (types.length === 0) {
    if (isObject(schema.properties) || schema.required !== undefined) types.push("object");
    if (schema.items !== undefined || schema.prefixItems !== undefined) types.push("array");
  }
  for (const type of types) options.push(typed(type, schema, document, depth));
  options.push(fc.jsonValue({ maxDepth: 2 }));
  return fc.oneof({ depthSize: "small" }, ...options);
}

function typed(
  type: string,
  schema: JsonObject,
  document: JsonObject,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min = typeof schema.minimum === "number" ? schema.minimum : -1000;
      const max = typeof schema.maximum === "number" ? schema.maximum : 1000;
      return fc.integer({
        min: Math.ceil(Math.min(min, max)) - 2,
        max: Math.floor(Math.max(min, max)) + 2,
      });
    }
    case "number":
      return fc.oneof(
        fc.integer({ min: -1000, max: 1000 }),
        fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
      );
    case "string": {
      if (typeof schema.format === "string" && FORMAT_SAMPLES[schema.format])
        return fc.constantFrom(...(FORMAT_SAMPLES[schema.format] as string[]));
      const max = typeof schema.maxLength === "number" ? schema.maxLength + 2 : 12;
      return fc.string({
        maxLength: max,
        unit: fc.constantFrom("a", "b", "0", "-", "é", "\u{1F600}", " "),
      });
    }
    case "array": {
      const item =
        isObject(schema.items) || typeof schema.items === "boolean"
          ? instanceOf(schema.items, document, depth + 1)
          : fc.jsonValue({ maxDepth: 1 });
      const prefix = Array.isArray(schema.prefixItems)
        ? schema.prefixItems.map((p) => instanceOf(p, document, depth + 1))
        : [];
      return fc
        .tuple(fc.tuple(...prefix), fc.array(item, { maxLength: 4 }))
        .map(([head, tail]) => [...head, ...tail]);
    }
    default: {
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties))
        record[key] = instanceOf(sub, document, depth + 1);
      for (const key of required) record[key] ??= fc.jsonValue({ maxDepth: 1 });
      const requiredKeys = [...required].filter((k) => Object.hasOwn(record, k));
      return fc
        .tuple(
          fc.record(record, { requiredKeys }),
          fc.dictionary(
            fc.constantFrom("extra", "@odata.etag", "x"),
            fc.jsonValue({ maxDepth: 1 }),
            { maxKeys: 1 },
          ),
          fc.boolean(),
        )
        .map(([declared, extra, addExtra]) => (addExtra ? { ...declared, ...extra } : declared));
    }
  }
}

/** A copy of `value` with one random change: a replaced leaf, a dropped key, or an added key. */
export function mutated(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      value,
      fc.nat(),
      fc.jsonValue({ maxDepth: 1 }),
      fc.constantFrom("replace", "drop", "add"),
    )
    .map(([v, pick, replacement, how]) => {
      const copy = structuredClone(v);
      const containers: Array<JsonObject | unknown[]> = [];
      const walk = (x: unknown) => {
        if (Array.isArray(x)) {
          containers.push(x);
          x.forEach(walk);
        } else if (isObject(x)) {
          containers.push(x);
          Object.values(x).forEach(walk);
        }
      };
      walk(copy);
      if (containers.length === 0) return replacement;
      const target = containers[pick % containers.length] as JsonObject | unknown[];
      if (Array.isArray(target)) {
        if (how === "drop" && target.length > 0) target.splice(pick % target.length, 1);
        else if (how === "add") target.push(replacement);
        else if (target.length > 0) target[pick % target.length] = replacement;
        return copy;
      }
      const keys = Object.keys(target);
      if (how === "add" || keys.length === 0) target[`k${pick % 3}`] = replacement;
      else if (how === "drop") delete target[keys[pick % keys.length] as string];
      else target[keys[pick % keys.length] as string] = replacement;
      return copy;
    });
}
