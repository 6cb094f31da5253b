// Walking JSON Schema objects and plain JSON records.

/** The subschemas of a schema object, each with the keyword path leading to it. */
export function subschemas(
  schema: Record<string, unknown>,
): Array<[Array<string | number>, unknown]> {
  const found: Array<[Array<string | number>, unknown]> = [];
  for (const keyword of [
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "contentSchema",
  ]) {
    if (isSchemaLike(schema[keyword])) found.push([[keyword], schema[keyword]]);
  }
  for (const keyword of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    for (const [index, child] of list.entries()) found.push([[keyword, index], child]);
  }
  for (const keyword of ["properties", "patternProperties", "dependentSchemas", "$defs"]) {
    for (const [name, child] of entries(schema[keyword])) found.push([[keyword, name], child]);
  }
  return found;
}

function isSchemaLike(value: unknown): boolean {
  return typeof value === "boolean" || asRecord(value) !== undefined;
}

/** Object entries of a record, or none for anything else. */
export function entries(value: unknown): Array<[string, unknown]> {
  const record = asRecord(value);
  return record ? Object.entries(record) : [];
}

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
