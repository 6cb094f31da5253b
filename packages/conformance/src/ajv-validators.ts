import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { asRecord, type Direction, entries, subschemas } from "./examples.js";
import { escapeToken, valueAtPointer } from "./json-pointer.js";
import type { SpecDocument } from "./spec-document.js";
import type { Issue, Verdict } from "./verdict.js";

// Both packages are CommonJS with `exports.default`; under ESM the default import is the module.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

/** How strictly undeclared properties are judged: `strict` closes every object, `open` does not. */
export type ValidationMode = "strict" | "open";

/** Ajv 2020-12 validators for the schemas of one spec, by JSON pointer, mode and direction. */
export interface AjvValidators {
  /** Validates a value against the schema at `pointer` (e.g. `/components/schemas/callRecording`). */
  validate(
    options: { pointer: string; mode: ValidationMode; direction: Direction },
    value: unknown,
  ): Verdict;
}

/** Names starting with `@odata.` are OData instance annotations, allowed in strict mode. */
const odataAnnotation = "^@odata\\.";

/**
 * Builds Ajv (draft 2020-12, ajv-formats) validators for a spec: the second opinion beside the
 * generated Zod validators. Strict mode is emulated as the generated validators define it: every
 * object schema that declares properties gets `unevaluatedProperties: false` at the place where it
 * is applied to an instance, so `allOf` inheritance still sees the properties of every part, and
 * names starting with `@odata.` stay allowed. Direction drops readOnly properties from `required`
 * in requests and writeOnly ones in responses.
 */
export function createAjvValidators(spec: SpecDocument): AjvValidators {
  const instances = new Map<string, { ajv: InstanceType<typeof Ajv2020>; key: string }>();
  const compiled = new Map<string, ValidateFunction | Error>();

  const instanceFor = (mode: ValidationMode, direction: Direction) => {
    const name = `${mode}-${direction}`;
    let entry = instances.get(name);
    if (!entry) {
      const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
      addFormats(ajv);
      const key = `urn:graph-recording-conformance:${name}`;
      const document = transformDocument(spec.document, { mode, direction });
      ajv.addSchema(document, key, undefined, false);
      entry = { ajv, key };
      instances.set(name, entry);
    }
    return entry;
  };

  return {
    validate({ pointer, mode, direction }, value) {
      const cacheKey = `${mode}-${direction}#${pointer}`;
      let validator = compiled.get(cacheKey);
      if (!validator) {
        const { ajv, key } = instanceFor(mode, direction);
        const reference = { $ref: `${key}#${encodePointer(pointer)}` };
        const constraint =
          mode === "strict"
            ? closure(spec.document, valueAtPointer(spec.document, pointer))
            : undefined;
        const root = constraint ? { allOf: [reference, constraint] } : reference;
        try {
          validator = ajv.compile(root as Record<string, unknown>);
        } catch (error) {
          validator = error instanceof Error ? error : new Error(String(error));
        }
        compiled.set(cacheKey, validator);
      }
      if (validator instanceof Error) {
        return {
          valid: false,
          issues: [
            {
              path: "",
              message: `Ajv cannot compile the schema: ${validator.message}`,
              code: "ajv",
            },
          ],
        };
      }
      try {
        if (validator(value)) return { valid: true, issues: [] };
      } catch (error) {
        // Ajv's generated code can throw on some unevaluated* combinations; report, never crash.
        const message = `Ajv failed while validating: ${(error as Error).message}`;
        return { valid: false, issues: [{ path: "", message, code: "ajv" }] };
      }
      return { valid: false, issues: issuesFromAjv(validator.errors ?? []) };
    },
  };
}

/** Encodes a JSON pointer for use as a URI fragment. */
function encodePointer(pointer: string): string {
  return pointer
    .split("/")
    .map((segment) => encodeURIComponent(segment).replaceAll("%7E", "~"))
    .join("/");
}

/**
 * The constraint that closes an object where `schema` applies: its property names must be among
 * those `schema` declares anywhere through `$ref` and composition, or start with `@odata.`.
 * Undefined when the schema declares no properties or allows additional ones. The names are
 * gathered statically rather than with `unevaluatedProperties`, whose evaluation tracking through
 * `$ref` is where Ajv has known defects.
 */
function closure(
  document: Record<string, unknown>,
  schema: unknown,
): Record<string, unknown> | undefined {
  const declared = declaredNames(document, schema);
  if (!declared || declared.open) return undefined;
  const allowed: unknown[] = [{ pattern: odataAnnotation }];
  if (declared.names.size > 0) allowed.unshift({ enum: [...declared.names] });
  for (const pattern of declared.patterns) allowed.push({ pattern });
  return { propertyNames: { anyOf: allowed } };
}

/** Turns Ajv errors into issues whose path names the offending property itself. */
export function issuesFromAjv(errors: readonly ErrorObject[]): Issue[] {
  const undeclared = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    const name = (error as ErrorObject & { propertyName?: string }).propertyName;
    if (name === undefined && error.keyword !== "propertyNames") {
      issues.push(issueFromAjv(error));
      continue;
    }
    const property = name ?? String((error.params as { propertyName?: unknown }).propertyName);
    const path = `${error.instancePath}/${escapeToken(property)}`;
    if (undeclared.has(path)) continue;
    undeclared.add(path);
    issues.push({
      path,
      message: `property ${JSON.stringify(property)} is not declared by the schema`,
      code: "undeclared",
    });
  }
  return issues;
}

function issueFromAjv(error: ErrorObject): Issue {
  {
    const params = error.params as Record<string, unknown>;
    if (error.keyword === "required") {
      const name = String(params.missingProperty);
      return {
        path: `${error.instancePath}/${escapeToken(name)}`,
        message: `required property ${JSON.stringify(name)} is missing`,
        code: "required",
      };
    }
    if (error.keyword === "unevaluatedProperties" || error.keyword === "additionalProperties") {
      const name = String(params.unevaluatedProperty ?? params.additionalProperty);
      return {
        path: `${error.instancePath}/${escapeToken(name)}`,
        message: `property ${JSON.stringify(name)} is not declared by the schema`,
        code: error.keyword,
      };
    }
    return {
      path: error.instancePath,
      message: error.message ?? error.keyword,
      code: error.keyword,
    };
  }
}

/** Keywords whose subschemas apply to a new instance location (a property, an item). */
const childLocations = new Set([
  "properties",
  "patternProperties",
  "additionalProperties",
  "unevaluatedProperties",
  "items",
  "prefixItems",
  "contains",
  "unevaluatedItems",
]);

/** A deep copy of the document whose schemas are rewritten for one mode and direction. */
function transformDocument(
  document: Record<string, unknown>,
  options: { mode: ValidationMode; direction: Direction },
): Record<string, unknown> {
  const copy = structuredClone(document);
  const visited = new WeakSet<object>();
  const closed = new WeakSet<object>();
  const transformSchema = (schema: unknown): void => {
    const record = asRecord(schema);
    if (!record || visited.has(record)) return;
    visited.add(record);
    // OpenAPI 3.0's `nullable` means nothing in 3.1 (an unknown keyword, so an annotation), but Ajv
    // gives it 3.0 semantics and refuses it without `type`.
    delete record.nullable;
    dropDirectionalRequired(document, record, options.direction);
    for (const [path, child] of subschemas(record)) {
      transformSchema(child);
      if (options.mode === "strict" && childLocations.has(String(path[0]))) {
        // Added in place (appended to allOf) so that every JSON pointer into the copy still
        // resolves: other schemas may $ref into this one.
        const constraint = closure(document, child);
        const target = asRecord(child);
        if (constraint && target && !closed.has(target)) {
          closed.add(target);
          target.allOf = [...(Array.isArray(target.allOf) ? target.allOf : []), constraint];
        }
      }
    }
  };
  for (const schema of schemaRoots(copy)) transformSchema(schema);
  return copy;
}

/** Every schema written outside another schema: components, and `schema` of media types etc. */
function schemaRoots(document: Record<string, unknown>): unknown[] {
  const roots: unknown[] = [];
  for (const [, schema] of entries(asRecord(document.components)?.schemas)) roots.push(schema);
  const walk = (value: unknown, key: string | undefined): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, undefined);
      return;
    }
    const record = asRecord(value);
    if (!record) return;
    if (key === "schema") {
      roots.push(record);
      return;
    }
    for (const [childKey, child] of Object.entries(record)) {
      if (childKey === "examples" || childKey === "example" || childKey === "schemas") continue;
      walk(child, childKey);
    }
  };
  walk(document.paths, undefined);
  walk(document.webhooks, undefined);
  walk(document.components, undefined);
  return roots;
}

/** Removes readOnly properties from `required` in requests, writeOnly ones in responses. */
function dropDirectionalRequired(
  document: Record<string, unknown>,
  schema: Record<string, unknown>,
  direction: Direction,
): void {
  if (!Array.isArray(schema.required)) return;
  const properties = asRecord(schema.properties) ?? {};
  const flag = direction === "request" ? "readOnly" : "writeOnly";
  schema.required = schema.required.filter((name) => {
    const property = followRef(document, properties[String(name)]);
    return !(
      asRecord(property)?.[flag] === true || asRecord(properties[String(name)])?.[flag] === true
    );
  });
}

function followRef(document: Record<string, unknown>, schema: unknown, depth = 0): unknown {
  const ref = asRecord(schema)?.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#") || depth > 32) return schema;
  return followRef(document, valueAtPointer(document, decodeURIComponent(ref.slice(1))), depth + 1);
}

/** Property names a schema declares for one instance location, through `$ref` and composition. */
export interface DeclaredNames {
  names: Set<string>;
  patterns: string[];
  /** True when additional properties are allowed somewhere (`additionalProperties` not false). */
  open: boolean;
}

/**
 * The property names a schema declares (through `$ref`, `allOf`, `anyOf`, `oneOf`,
 * `if`/`then`/`else`, `dependentSchemas`), or undefined when it declares none: only schemas that
 * declare properties are closed in strict mode; a bare `{ type: object }` stays a free map.
 */
export function declaredNames(
  document: Record<string, unknown>,
  schema: unknown,
): DeclaredNames | undefined {
  const declared: DeclaredNames = { names: new Set(), patterns: [], open: false };
  let shaped = false;
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    const record = asRecord(node);
    if (!record || seen.has(record)) return;
    seen.add(record);
    const properties = asRecord(record.properties);
    const patterns = asRecord(record.patternProperties);
    if (properties || patterns) shaped = true;
    for (const name of Object.keys(properties ?? {})) declared.names.add(name);
    declared.patterns.push(...Object.keys(patterns ?? {}));
    for (const keyword of ["additionalProperties", "unevaluatedProperties"]) {
      if (record[keyword] !== undefined && record[keyword] !== false) declared.open = true;
    }
    if (typeof record.$ref === "string" && record.$ref.startsWith("#")) {
      visit(valueAtPointer(document, decodeURIComponent(record.$ref.slice(1))));
    }
    for (const keyword of ["allOf", "anyOf", "oneOf"]) {
      const list = record[keyword];
      if (Array.isArray(list)) for (const child of list) visit(child);
    }
    for (const keyword of ["if", "then", "else"]) visit(record[keyword]);
    for (const [, child] of entries(record.dependentSchemas)) visit(child);
  };
  visit(schema);
  return shaped ? declared : undefined;
}
