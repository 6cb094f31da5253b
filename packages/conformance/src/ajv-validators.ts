import { childPointer, escapeToken, valueAtPointer } from "@graph-recording/openapi-zod/document";
import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Direction } from "./examples.js";
import { asRecord, entries, subschemas } from "./schema-tree.js";
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
 * generated Zod validators. Strict mode is emulated as the generated validators define it:
 * wherever a schema that declares properties is applied to an object (the root, a property, an
 * item), the object's property names must be among those the schema declares through `$ref` and
 * composition (within `anyOf`/`oneOf`, those of a matching branch), or start with `@odata.`.
 * Direction drops readOnly properties from `required` in requests and writeOnly ones in responses.
 */
export function createAjvValidators(spec: SpecDocument): AjvValidators {
  const instances = new Map<
    string,
    { ajv: InstanceType<typeof Ajv2020>; key: string; document: Record<string, unknown> }
  >();
  const compiled = new Map<string, ValidateFunction | Error>();

  const instanceFor = (mode: ValidationMode, direction: Direction) => {
    const name = `${mode}-${direction}`;
    let entry = instances.get(name);
    if (!entry) {
      const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
      addFormats(ajv);
      const key = `urn:graph-recording-conformance:${name}`;
      const document = transformDocument(spec.document, { mode, direction, key });
      ajv.addSchema(document, key, undefined, false);
      entry = { ajv, key, document };
      instances.set(name, entry);
    }
    return entry;
  };

  return {
    validate({ pointer, mode, direction }, value) {
      const cacheKey = `${mode}-${direction}#${pointer}`;
      let validator = compiled.get(cacheKey);
      if (!validator) {
        const { ajv, key, document } = instanceFor(mode, direction);
        const reference = { $ref: `${key}#${encodePointer(pointer)}` };
        const constraint =
          mode === "strict"
            ? closure({ document, key }, valueAtPointer(document, pointer), pointer)
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
  context: { document: Record<string, unknown>; key: string },
  schema: unknown,
  pointer: string,
): Record<string, unknown> | undefined {
  const { document, key } = context;
  const declared = declaredNames(document, schema, { pointer });
  if (!declared || declared.open) return undefined;
  const constraints: Array<Record<string, unknown>> = [
    { propertyNames: allowedNames(declared.names, declared.patterns) },
  ];
  // Within anyOf / oneOf, the names a payload may carry are those of a branch it matches (plus
  // those declared outside the alternatives), as with unevaluatedProperties. Branches are
  // referenced by absolute pointer, so that the constraint resolves wherever it is compiled.
  for (const alternatives of declared.alternatives) {
    const outside = declaredNames(document, schema, { pointer, without: alternatives.list });
    const branches = alternatives.list.map((branch, index) => {
      const reference = {
        $ref: `${key}#${encodePointer(childPointer(alternatives.pointer, index))}`,
      };
      const own = declaredNames(document, branch, {
        pointer: childPointer(alternatives.pointer, index),
      });
      if (!own || own.open || outside?.open) return reference;
      const names = new Set([...(outside?.names ?? []), ...own.names]);
      const patterns = [...(outside?.patterns ?? []), ...own.patterns];
      return { allOf: [reference], propertyNames: allowedNames(names, patterns) };
    });
    constraints.push({ anyOf: branches });
  }
  const result =
    constraints.length === 1 ? (constraints[0] as Record<string, unknown>) : { allOf: constraints };
  markAdded(result);
  return result;
}

/** Marks a constraint and everything in it as added, so that name gathering skips it. */
function markAdded(value: unknown): void {
  const record = asRecord(value);
  if (Array.isArray(value)) for (const item of value) markAdded(item);
  if (!record) return;
  addedConstraints.add(record);
  for (const child of Object.values(record)) markAdded(child);
}

function allowedNames(names: Set<string>, patterns: readonly string[]): Record<string, unknown> {
  const allowed: unknown[] = [{ pattern: odataAnnotation }];
  if (names.size > 0) allowed.unshift({ enum: [...names] });
  for (const pattern of patterns) allowed.push({ pattern });
  return { anyOf: allowed };
}

/** Turns Ajv errors into issues whose path names the offending property itself. */
function issuesFromAjv(errors: readonly ErrorObject[]): Issue[] {
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
  options: { mode: ValidationMode; direction: Direction; key: string },
): Record<string, unknown> {
  const copy = structuredClone(document);
  const visited = new WeakSet<object>();
  const closed = new WeakSet<object>();
  const transformSchema = (schema: unknown, pointer: string): void => {
    const record = asRecord(schema);
    if (!record || visited.has(record)) return;
    visited.add(record);
    // OpenAPI 3.0's `nullable` means nothing in 3.1 (an unknown keyword, so an annotation), but Ajv
    // gives it 3.0 semantics and refuses it without `type`.
    delete record.nullable;
    dropDirectionalRequired(document, record, options.direction);
    for (const [path, child] of subschemas(record)) {
      const at = childPointer(pointer, ...path);
      transformSchema(child, at);
      if (options.mode === "strict" && childLocations.has(String(path[0]))) {
        // Added in place (appended to allOf) so that every JSON pointer into the copy still
        // resolves: other schemas may $ref into this one.
        const constraint = closure({ document: copy, key: options.key }, child, at);
        const target = asRecord(child);
        if (constraint && target && !closed.has(target)) {
          closed.add(target);
          target.allOf = [...(Array.isArray(target.allOf) ? target.allOf : []), constraint];
        }
      }
    }
  };
  for (const [pointer, schema] of schemaRoots(copy)) transformSchema(schema, pointer);
  return copy;
}

/** Every schema written outside another schema: components, and `schema` of media types etc. */
function schemaRoots(document: Record<string, unknown>): Array<[string, unknown]> {
  const roots: Array<[string, unknown]> = [];
  for (const [name, schema] of entries(asRecord(document.components)?.schemas)) {
    roots.push([childPointer("/components/schemas", name), schema]);
  }
  const walk = (value: unknown, key: string | undefined, pointer: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, undefined, childPointer(pointer, index));
      });
      return;
    }
    const record = asRecord(value);
    if (!record) return;
    if (key === "schema") {
      roots.push([pointer, record]);
      return;
    }
    for (const [childKey, child] of Object.entries(record)) {
      if (childKey === "examples" || childKey === "example" || childKey === "schemas") continue;
      walk(child, childKey, childPointer(pointer, childKey));
    }
  };
  walk(document.paths, undefined, "/paths");
  walk(document.webhooks, undefined, "/webhooks");
  walk(document.components, undefined, "/components");
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
  return followRef(document, valueAtPointer(document, ref), depth + 1);
}

/** Property names a schema declares for one instance location, through `$ref` and composition. */
interface DeclaredNames {
  names: Set<string>;
  patterns: string[];
  /** True when additional properties are allowed somewhere (`additionalProperties` not false). */
  open: boolean;
  /** Each `anyOf` / `oneOf` list met on the way (and its pointer): alternatives at this location. */
  alternatives: Array<{ list: unknown[]; pointer: string }>;
}

/** Constraint objects added by this module, which name gathering must not walk into. */
const addedConstraints = new WeakSet<object>();

/**
 * The property names a schema declares (through `$ref`, `allOf`, `anyOf`, `oneOf`,
 * `if`/`then`/`else`, `dependentSchemas`), or undefined when it declares none: only schemas that
 * declare properties are closed in strict mode; a bare `{ type: object }` stays a free map.
 * `pointer` is where the schema lives (to name its alternatives); `without` leaves one list of
 * alternatives out.
 */
function declaredNames(
  document: Record<string, unknown>,
  schema: unknown,
  options: { pointer?: string; without?: unknown[] } = {},
): DeclaredNames | undefined {
  const declared: DeclaredNames = { names: new Set(), patterns: [], open: false, alternatives: [] };
  let shaped = false;
  const seen = new Set<unknown>();
  const visit = (node: unknown, pointer: string): void => {
    const record = asRecord(node);
    if (!record || seen.has(record) || addedConstraints.has(record)) return;
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
      const target = decodeURIComponent(record.$ref.slice(1));
      visit(valueAtPointer(document, target), target);
    }
    for (const keyword of ["allOf", "anyOf", "oneOf"]) {
      const list = record[keyword];
      if (!Array.isArray(list) || list === options.without) continue;
      const listPointer = childPointer(pointer, keyword);
      if (keyword !== "allOf") declared.alternatives.push({ list, pointer: listPointer });
      list.forEach((child, index) => {
        visit(child, childPointer(listPointer, index));
      });
    }
    for (const keyword of ["if", "then", "else"])
      visit(record[keyword], childPointer(pointer, keyword));
    for (const [name, child] of entries(record.dependentSchemas)) {
      visit(child, childPointer(pointer, "dependentSchemas", name));
    }
  };
  visit(schema, options.pointer ?? "");
  return shaped ? declared : undefined;
}
