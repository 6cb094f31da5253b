import {
  childPointer,
  pointerTokens,
  unescapeToken,
  valueAtTokens,
} from "./document/json-pointer.js";
import { OpenApiZodError } from "./errors.js";
import { INTEGER_FORMATS, isObject, type JsonObject, STRING_FORMATS } from "./formats.js";

/**
 * Which of the four validators a schema is compiled into.
 * - `strict`: closed world (undeclared properties are errors, `@odata.*` excepted).
 * - `request`: request direction (readOnly properties are not required); otherwise response direction
 *   (writeOnly properties are not required).
 * - `closed`: in strict mode, whether this position closes the object. Subschemas of in-place applicators
 *   (`allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`, `not`, `dependentSchemas`) stay open so that the
 *   enclosing schema closes over everything they declare, the way `unevaluatedProperties: false` does.
 */
export interface Variant {
  readonly strict: boolean;
  readonly request: boolean;
  readonly closed: boolean;
}

/** One generated `const`: the validator of the schema at `pointer` in `variant`. */
export interface Definition {
  readonly id: number;
  readonly pointer: string;
  readonly variant: Variant;
  name: string;
  exported: boolean;
  /** Expression with reference placeholders (`\uE000id\uE000` for values, `\uE001id\uE001` for types). */
  expression: string;
  /** The compiled boolean check of the fast path (`\uE004id\uE004(x)` placeholders call other checks). */
  fast?: string;
  /** Strict mode: the refinement / fast-path condition that closes the object at this definition's root. */
  closing?: string;
  fastClosing?: string;
  compiled: boolean;
}

type Schema = boolean | JsonObject;

const TYPES = ["null", "boolean", "object", "array", "number", "integer", "string"] as const;
const STRING_KEYWORDS = ["minLength", "maxLength", "pattern", "format"];
const NUMBER_KEYWORDS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
];
const ARRAY_KEYWORDS = ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"];
const OBJECT_KEYWORDS = [
  "properties",
  "required",
  "additionalProperties",
  "patternProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "dependentRequired",
];

/**
 * The types whose keywords a schema uses (`minLength` -> string, `properties` -> object, an integer
 * `format` -> number): without `type`, each such keyword applies only to values of its type.
 */
export function keywordTypes(schema: JsonObject): string[] {
  const has = (keywords: string[]) => keywords.some((k) => schema[k] !== undefined);
  const types: string[] = [];
  if (has(STRING_KEYWORDS)) types.push("string");
  if (
    has(NUMBER_KEYWORDS) ||
    (typeof schema.format === "string" && schema.format in INTEGER_FORMATS)
  )
    types.push("number");
  if (has(ARRAY_KEYWORDS)) types.push("array");
  if (has(OBJECT_KEYWORDS)) types.push("object");
  return types;
}
/** Keywords that never change a verdict: a `$ref` with only these beside it is a plain alias. */
const ANNOTATIONS = new Set([
  "$comment",
  "title",
  "description",
  "default",
  "examples",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "externalDocs",
  "xml",
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
  "$defs",
  "definitions",
  "$schema",
]);
const UNSUPPORTED: Record<string, string> = {
  $dynamicRef: "Replace `$dynamicRef` with a local `$ref` to the intended schema.",
  $dynamicAnchor: "Remove `$dynamicAnchor` and reference the schema with a local `$ref`.",
  $recursiveRef: "Replace `$recursiveRef` with a local `$ref`.",
  $recursiveAnchor: "Remove `$recursiveAnchor` and reference the schema with a local `$ref`.",
  $anchor:
    "Reference the schema by its JSON pointer (`#/components/schemas/...`) instead of an anchor.",
  $id: "Remove `$id`: only document-local JSON pointers are resolved, so a new base URI would change what `$ref` means.",
  $vocabulary: "Remove `$vocabulary`: custom vocabularies are not supported.",
};

const DIALECTS = new Set([
  "https://json-schema.org/draft/2020-12/schema",
  "https://spec.openapis.org/oas/3.1/dialect/base",
]);

interface Evaluation {
  all: boolean;
  keys: string[];
  patterns: string[];
  items: number;
  allItems: boolean;
  contains: string[];
  when: Array<[string, Evaluation]>;
  conditional: Array<[string, Evaluation, Evaluation | undefined, Evaluation | undefined]>;
  dependent: Array<[string, Evaluation]>;
}

export interface SchemaCompilerOptions {
  /** OpenAPI 3.0 documents: `nullable` adds `null`, `$ref` siblings are ignored. */
  readonly openapi30: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** A `$ref` with nothing but annotations beside it. */
export const isAloneRef = (schema: JsonObject): boolean =>
  Object.keys(schema).every((k) => k === "$ref" || ANNOTATIONS.has(k) || k.startsWith("x-"));

/** A property key as it appears in an object literal. */
export const propertyKey = (key: string): string =>
  IDENTIFIER.test(key) ? key : JSON.stringify(key);

const indent = (text: string): string => text.replace(/\n/g, "\n  ");

/** The tokens of a canonical pointer (`#/a/b~1c`, as {@link childPointer} builds them: escaped, never percent-encoded). */
function canonicalTokens(pointer: string): string[] | undefined {
  return pointer.startsWith("#") ? pointerTokens(pointer.slice(1)) : undefined;
}

/** Compiles JSON Schema 2020-12 (as used by OpenAPI 3.1) into Zod 4 expressions, one definition per pointer and variant. */
export class SchemaCompiler {
  readonly definitions: Definition[] = [];
  readonly helpers = new Set<string>();
  private readonly byKey = new Map<string, Definition>();
  private readonly pending: Definition[] = [];
  private readonly sensitivity = new Map<string, boolean>();
  private readonly resolved = new Map<string, Schema>();
  /** The definition being compiled (its root position records its strict closing). */
  compiling: Definition | undefined;
  private readonly scans = new Map<string, { direct: boolean; refs: string[] }>();
  /** Set by the module generator when validators get a compiled fast path. */
  fastPath:
    | {
        check(
          schema: Schema,
          pointer: string,
          variant: Variant,
          closeHere: boolean,
          x: string,
        ): string;
      }
    | undefined;

  constructor(
    readonly document: JsonObject,
    readonly options: SchemaCompilerOptions,
  ) {}

  /** The definition for the schema at `pointer` (pure `$ref` aliases followed), created on first use. */
  definition(pointer: string, variant: Variant): Definition {
    const target = this.followAliases(pointer);
    const normalized: Variant = {
      strict: variant.strict,
      request: variant.request && this.isDirectionSensitive(target),
      closed: variant.strict && variant.closed,
    };
    const key = `${target}|${normalized.strict ? "s" : "o"}${normalized.request ? "q" : "r"}${normalized.closed ? "c" : ""}`;
    let definition = this.byKey.get(key);
    if (definition === undefined) {
      definition = {
        id: this.definitions.length,
        pointer: target,
        variant: normalized,
        name: "",
        exported: false,
        expression: "",
        compiled: false,
      };
      this.definitions.push(definition);
      this.byKey.set(key, definition);
      this.pending.push(definition);
    }
    return definition;
  }

  /** Compiles every definition requested so far (and those they request). */
  compilePending(): void {
    for (
      let definition = this.pending.shift();
      definition !== undefined;
      definition = this.pending.shift()
    ) {
      const schema = this.schemaAt(definition.pointer, definition.pointer);
      this.compiling = definition;
      definition.expression = this.compile(
        schema,
        definition.pointer,
        definition.variant,
        definition.variant.closed,
      );
      if (this.fastPath !== undefined) {
        definition.fast = this.fastPath.check(
          schema,
          definition.pointer,
          definition.variant,
          definition.variant.closed,
          "v",
        );
      }
      definition.compiled = true;
      this.compiling = undefined;
    }
  }

  /**
   * A strict definition that closes its object differs from its "open at this level" twin only by the
   * closing check: when both exist, it becomes `twin.superRefine(closing)` instead of a second copy.
   */
  shareStrictTwins(): void {
    for (const definition of this.definitions) {
      if (!definition.variant.closed || definition.closing === undefined) continue;
      const key = `${definition.pointer}|s${definition.variant.request ? "q" : "r"}`;
      const twin = this.byKey.get(key);
      if (twin === undefined || twin === definition) continue;
      if (definition.expression !== twin.expression + definition.closing) continue;
      definition.expression = `\uE000${twin.id}\uE000${definition.closing}`;
      if (definition.fastClosing !== undefined && twin.fast !== undefined) {
        definition.fast = `\uE004${twin.id}\uE004(v) && ${definition.fastClosing}`;
      }
    }
  }

  /** The schema value at a pointer, or a reference error naming `from`. */
  schemaAt(pointer: string, from: string): Schema {
    const cached = this.resolved.get(pointer);
    if (cached !== undefined) return cached;
    const schema = this.lookup(pointer, from);
    this.resolved.set(pointer, schema);
    return schema;
  }

  private lookup(pointer: string, from: string): Schema {
    const tokens = canonicalTokens(pointer);
    const value = tokens === undefined ? undefined : valueAtTokens(this.document, tokens);
    if (value === undefined) {
      this.rejectNestedId(from);
      throw new OpenApiZodError({
        kind: "reference",
        pointer: from,
        message: `Reference ${pointer} does not resolve`,
        hint: "Point `$ref` at an existing schema (JSON pointer tokens escape `~` as `~0` and `/` as `~1`).",
      });
    }
    if (typeof value !== "boolean" && !isObject(value)) {
      throw new OpenApiZodError({
        kind: "document",
        pointer,
        message: "Expected a schema (an object or a boolean)",
        hint: "Replace the value with a Schema Object.",
      });
    }
    return value;
  }

  use(helper: string): string {
    this.helpers.add(helper);
    return helper;
  }

  private reference(pointer: string, variant: Variant): string {
    return `\uE000${this.definition(pointer, variant).id}\uE000`;
  }

  private typeReference(pointer: string, variant: Variant): string {
    return `\uE001${this.definition(pointer, variant).id}\uE001`;
  }

  /** Resolves a `$ref` value to a canonical local pointer, rejecting what cannot be resolved faithfully. */
  refTarget(ref: unknown, at: string): string {
    if (typeof ref !== "string") {
      throw new OpenApiZodError({
        kind: "document",
        pointer: at,
        message: "`$ref` must be a string",
        hint: "Write `$ref: '#/components/schemas/Name'`.",
      });
    }
    if (!ref.startsWith("#")) {
      throw new OpenApiZodError({
        kind: "unsupported",
        pointer: at,
        message: `Remote reference ${JSON.stringify(ref)} is not supported`,
        hint: "Bundle the document first (e.g. `redocly bundle`) so that every `$ref` is local.",
      });
    }
    const tokens = pointerTokens(ref);
    if (tokens === undefined) {
      throw new OpenApiZodError({
        kind: "unsupported",
        pointer: at,
        message: `Reference ${JSON.stringify(ref)} is not a JSON pointer`,
        hint: "Reference schemas by JSON pointer (`#/components/schemas/Name`); anchors are not supported.",
      });
    }
    const pointer = childPointer("#", ...tokens);
    this.schemaAt(pointer, at);
    return pointer;
  }

  /** Follows `$ref`s that have nothing but annotations beside them. */
  followAliases(pointer: string): string {
    const seen = new Set<string>();
    let current = pointer;
    for (;;) {
      const schema = this.schemaAt(current, current);
      if (!isObject(schema) || schema.$ref === undefined) return current;
      const others = Object.keys(schema).filter(
        (k) => k !== "$ref" && !ANNOTATIONS.has(k) && !k.startsWith("x-"),
      );
      if (others.length > 0 && !this.options.openapi30) return current;
      if (seen.has(current)) {
        throw new OpenApiZodError({
          kind: "reference",
          pointer: current,
          message: "Reference cycle without any schema in between",
          hint: "Make the `$ref` chain end at a schema.",
        });
      }
      seen.add(current);
      current = this.refTarget(schema.$ref, childPointer(current, "$ref"));
    }
  }

  /** Whether readOnly/writeOnly appear anywhere reachable from the schema, so request and response differ. */
  isDirectionSensitive(pointer: string): boolean {
    const cached = this.sensitivity.get(pointer);
    if (cached !== undefined) return cached;
    // Breadth-first over the reference graph; each subtree is scanned once (localScan is memoised).
    const visited = new Set<string>([pointer]);
    const queue = [pointer];
    let found = false;
    for (let next = queue.shift(); next !== undefined && !found; next = queue.shift()) {
      const scan = this.localScan(next);
      if (scan.direct || this.sensitivity.get(next) === true) found = true;
      for (const target of scan.refs) {
        if (!visited.has(target)) {
          visited.add(target);
          queue.push(target);
        }
      }
    }
    this.sensitivity.set(pointer, found);
    return found;
  }

  /** Whether the subtree at a pointer says readOnly/writeOnly itself, and which `$ref` targets it names. */
  private localScan(pointer: string): { direct: boolean; refs: string[] } {
    const cached = this.scans.get(pointer);
    if (cached !== undefined) return cached;
    const result = { direct: false, refs: [] as string[] };
    const stack: Array<[unknown, string]> = [[this.schemaAt(pointer, pointer), pointer]];
    while (stack.length > 0) {
      const [value, at] = stack.pop() as [unknown, string];
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          stack.push([item, `${at}/${i}`]);
        });
        continue;
      }
      if (!isObject(value)) continue;
      if (value.readOnly === true || value.writeOnly === true) result.direct = true;
      if (typeof value.$ref === "string" && value.$ref.startsWith("#")) {
        result.refs.push(this.refTarget(value.$ref, childPointer(at, "$ref")));
      }
      for (const [key, child] of Object.entries(value)) {
        if (
          key === "enum" ||
          key === "const" ||
          key === "examples" ||
          key === "example" ||
          key === "default"
        )
          continue;
        if (typeof child === "object" && child !== null) stack.push([child, childPointer(at, key)]);
      }
    }
    this.scans.set(pointer, result);
    return result;
  }

  /** A `$ref` under a nested `$id` resolves against that `$id`: report the `$id`, not a dangling pointer. */
  private rejectNestedId(from: string): void {
    const tokens = canonicalTokens(from) ?? [];
    let current: unknown = this.document;
    for (let i = 0; i < tokens.length; i++) {
      if (!isObject(current)) return;
      if (i > 3 && typeof current.$id === "string") {
        throw new OpenApiZodError({
          kind: "unsupported",
          pointer: childPointer("#", ...tokens.slice(0, i), "$id"),
          message: "`$id` is not supported",
          hint: UNSUPPORTED.$id as string,
        });
      }
      current = current[tokens[i] as string];
    }
  }

  /**
   * Draft 2019-09's `$recursiveRef: "#"` inside a component whose root says `$recursiveAnchor: true` (as some
   * published OpenAPI 3.1 documents write recursion) is read as a `$ref` to that component: with no `$id` in the
   * document, that component is the only recursive anchor in scope. Any other use stays a generation error.
   */
  resolveRecursiveRef(schema: JsonObject, pointer: string): JsonObject {
    if (schema.$recursiveAnchor === undefined && schema.$recursiveRef === undefined) return schema;
    const tokens = canonicalTokens(pointer) ?? [];
    const componentRoot =
      tokens.length >= 3 && tokens[0] === "components" && tokens[1] === "schemas";
    let out = schema;
    if (componentRoot && tokens.length === 3 && schema.$recursiveAnchor === true) {
      const { $recursiveAnchor: _anchor, ...rest } = schema;
      out = rest;
    }
    if (schema.$recursiveRef === "#" && componentRoot && schema.$ref === undefined) {
      const root = childPointer("#", ...tokens.slice(0, 3));
      const rootSchema = this.schemaAt(root, pointer);
      if (isObject(rootSchema) && rootSchema.$recursiveAnchor === true) {
        const { $recursiveRef: _ref, ...rest } = out;
        out = { ...rest, $ref: root };
      }
    }
    return out;
  }

  private checkSupported(schema: JsonObject, pointer: string): void {
    if (schema.$schema !== undefined && !DIALECTS.has(String(schema.$schema).replace(/#$/, ""))) {
      throw new OpenApiZodError({
        kind: "unsupported",
        pointer: childPointer(pointer, "$schema"),
        message: `Dialect ${JSON.stringify(schema.$schema)} is not supported`,
        hint: "Remove `$schema` or use the JSON Schema 2020-12 / OpenAPI 3.1 dialect.",
      });
    }
    for (const [keyword, hint] of Object.entries(UNSUPPORTED)) {
      if (keyword in schema) {
        if (keyword === "$id" && pointer.split("/").length <= 4) continue;
        throw new OpenApiZodError({
          kind: "unsupported",
          pointer: childPointer(pointer, keyword),
          message: `\`${keyword}\` is not supported`,
          hint,
        });
      }
    }
  }

  typesOf(schema: JsonObject, pointer: string): string[] | undefined {
    let types: string[] | undefined;
    if (typeof schema.type === "string") types = [schema.type];
    else if (Array.isArray(schema.type)) types = [...(schema.type as string[])];
    else if (schema.type !== undefined) types = [];
    if (types === undefined) return undefined;
    for (const type of types) {
      if (!(TYPES as readonly string[]).includes(type)) {
        throw new OpenApiZodError({
          kind: "document",
          pointer: childPointer(pointer, "type"),
          message: `Unknown type ${JSON.stringify(type)}`,
          hint: `Use one of ${TYPES.join(", ")}.`,
        });
      }
    }
    if (this.options.openapi30 && schema.nullable === true && !types.includes("null"))
      types.push("null");
    if (types.includes("number")) types = types.filter((t) => t !== "integer");
    return [...new Set(types)];
  }

  /** The Zod expression for one schema position. */
  compile(
    schema: Schema,
    pointer: string,
    variant: Variant,
    closeHere: boolean,
    known?: readonly string[],
    inheritedSkip?: ReadonlySet<string>,
  ): string {
    if (schema === true) return "z.unknown()";
    if (schema === false) return "z.never()";
    schema = this.resolveRecursiveRef(schema, pointer);
    this.checkSupported(schema, pointer);
    const hasRef = schema.$ref !== undefined;
    const ownSchema = hasRef && this.options.openapi30 ? { $ref: schema.$ref } : schema;
    if (hasRef && ownSchema !== schema)
      return this.reference(this.refTarget(schema.$ref, childPointer(pointer, "$ref")), {
        ...variant,
        closed: closeHere,
      });
    const parts: string[] = [];
    const refinements: string[] = [];
    const types = this.typesOf(schema, pointer);
    const siblingTypes = types ?? known ?? this.staticTypes(schema, pointer);

    const skip = this.notRequiredHere(schema, pointer, variant, inheritedSkip);
    const base = this.compileTyped(schema, pointer, variant, types, known, skip);
    if (base !== undefined) parts.push(base);

    if (hasRef) {
      const target = this.refTarget(schema.$ref, childPointer(pointer, "$ref"));
      const alone = Object.keys(schema).every(
        (k) => k === "$ref" || ANNOTATIONS.has(k) || k.startsWith("x-"),
      );
      parts.push(this.reference(target, { ...variant, closed: alone && closeHere }));
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((member, i) => {
        const at = childPointer(pointer, "allOf", i);
        parts.push(this.compile(this.asSchema(member, at), at, variant, false, siblingTypes, skip));
      });
    }
    if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
      for (const keyword of ["anyOf", "oneOf"] as const) {
        const members = schema[keyword];
        if (!Array.isArray(members)) continue;
        parts.push(
          this.compileAlternatives(schema, keyword, members, pointer, variant, siblingTypes),
        );
      }
    }
    const closedByRefAlone = hasRef && parts.length === 1 && base === undefined;
    let expression =
      parts.length === 0
        ? "z.unknown()"
        : (parts.reduce((a, b) => `z.intersection(${a}, ${b})`) as string);

    if (schema.not !== undefined) {
      const at = childPointer(pointer, "not");
      refinements.push(
        `.superRefine(${this.use("$not")}(${this.compile(this.asSchema(schema.not, at), at, variant, false)}))`,
      );
    }
    if (schema.if !== undefined) {
      const at = childPointer(pointer, "if");
      const condition = this.compile(this.asSchema(schema.if, at), at, variant, false);
      const branch = (keyword: "then" | "else") => {
        if (schema[keyword] === undefined) return "undefined";
        const branchAt = childPointer(pointer, keyword);
        return this.compile(this.asSchema(schema[keyword], branchAt), branchAt, variant, false);
      };
      if (schema.then !== undefined || schema.else !== undefined) {
        refinements.push(
          `.superRefine(${this.use("$ifThenElse")}(${condition}, ${branch("then")}, ${branch("else")}))`,
        );
      }
    }
    if (isObject(schema.dependentSchemas)) {
      const rules = Object.entries(schema.dependentSchemas).map(([key, sub]) => {
        const at = childPointer(pointer, "dependentSchemas", key);
        return `[${JSON.stringify(key)}, ${this.compile(this.asSchema(sub, at), at, variant, false)}]`;
      });
      if (rules.length > 0)
        refinements.push(`.superRefine(${this.use("$dependentSchemas")}([${rules.join(", ")}]))`);
    }
    if (schema.unevaluatedItems !== undefined) {
      const evaluation = this.evaluation(schema, pointer, variant, [], true);
      if (!evaluation.allItems) {
        const at = childPointer(pointer, "unevaluatedItems");
        const sub =
          schema.unevaluatedItems === false
            ? "false"
            : this.compile(this.asSchema(schema.unevaluatedItems, at), at, variant, true);
        refinements.push(
          `.superRefine(${this.use("$unevaluatedItems")}(${this.renderEvaluation(evaluation)}, ${sub}))`,
        );
      }
    }
    const mayBeObject = siblingTypes === undefined || siblingTypes.includes("object");
    if (schema.unevaluatedProperties !== undefined) {
      const evaluation = this.evaluation(schema, pointer, variant, [], true);
      if (!evaluation.all) {
        const at = childPointer(pointer, "unevaluatedProperties");
        const sub =
          schema.unevaluatedProperties === false
            ? "false"
            : this.compile(this.asSchema(schema.unevaluatedProperties, at), at, variant, true);
        refinements.push(
          `.superRefine(${this.use("$unevaluatedProperties")}(${this.renderEvaluation(evaluation)}, ${sub}, false))`,
        );
      }
    } else if (variant.strict && closeHere && mayBeObject && !closedByRefAlone) {
      const evaluation = this.evaluation(schema, pointer, variant, [], true);
      if (!evaluation.all && this.declaresProperties(evaluation)) {
        const closing = `.superRefine(${this.use("$unevaluatedProperties")}(${this.renderEvaluation(evaluation)}, false, true))`;
        refinements.push(closing);
        if (pointer === this.compiling?.pointer) this.compiling.closing = closing;
      }
    }
    if (closedByRefAlone && refinements.length === 0) return expression;
    expression += refinements.join("");
    return expression;
  }

  asSchema(value: unknown, pointer: string): Schema {
    if (typeof value === "boolean" || isObject(value)) return value;
    throw new OpenApiZodError({
      kind: "document",
      pointer,
      message: "Expected a schema (an object or a boolean)",
      hint: "Replace the value with a Schema Object.",
    });
  }

  /** Types a schema is statically known to restrict instances to (own `type`, or an `allOf` member's). */
  staticTypes(schema: JsonObject, pointer: string, depth = 0): string[] | undefined {
    if (depth > 8) return undefined;
    const own = this.typesOf(schema, pointer);
    if (own !== undefined) return own;
    if (typeof schema.$ref === "string" && schema.$ref.startsWith("#")) {
      const target = this.refTarget(schema.$ref, childPointer(pointer, "$ref"));
      const resolved = this.schemaAt(target, target);
      if (isObject(resolved)) {
        const types = this.staticTypes(resolved, target, depth + 1);
        if (types !== undefined) return types;
      }
    }
    if (Array.isArray(schema.allOf)) {
      for (const [i, member] of schema.allOf.entries()) {
        if (!isObject(member)) continue;
        const types = this.staticTypes(member, childPointer(pointer, "allOf", i), depth + 1);
        if (types !== undefined) return types;
      }
    }
    return undefined;
  }

  /** The type-specific part of a schema: type checks plus the keywords of those types. */
  private compileTyped(
    schema: JsonObject,
    pointer: string,
    variant: Variant,
    types: string[] | undefined,
    known: readonly string[] | undefined,
    skip?: ReadonlySet<string>,
  ): string | undefined {
    const values = this.enumValues(schema, pointer);
    const implied = keywordTypes(schema);

    if (types !== undefined) {
      const bare = implied.every(
        (t) => !types.includes(t) && !(t === "number" && types.includes("integer")),
      );
      if (values !== undefined && bare && values.every((v) => !isObject(v) && !Array.isArray(v))) {
        return this.literal(values.filter((v) => types.some((t) => matchesType(v, t))));
      }
      const nonNull = types.filter((type) => type !== "null");
      const branches = nonNull.map((type) =>
        this.compileType(type, schema, pointer, variant, skip),
      );
      let expression =
        branches.length === 0
          ? "z.never()"
          : branches.length === 1
            ? (branches[0] as string)
            : `z.union([${branches.join(", ")}])`;
      // `type: [T, "null"]` is `T.nullable()`: exact, since no other branch accepts null.
      if (nonNull.length < types.length)
        expression = branches.length === 0 ? "z.null()" : `${expression}.nullable()`;
      if (values !== undefined) expression += this.enumRefinement(values);
      return expression;
    }
    let base: string | undefined;
    if (implied.length > 0) {
      if (known !== undefined && known.length === 1 && known[0] !== undefined) {
        const only = known[0] === "integer" ? "number" : known[0];
        base = implied.includes(only)
          ? this.compileType(known[0], schema, pointer, variant, skip)
          : undefined;
      } else {
        const branches = implied.map(
          (type) => `${type}: ${this.compileType(type, schema, pointer, variant, skip)}`,
        );
        base = `z.unknown().superRefine(${this.use("$byType")}({ ${branches.join(", ")} }))`;
      }
    }
    if (values === undefined) return base;
    if (base === undefined && values.every((v) => !isObject(v) && !Array.isArray(v)))
      return this.literal(values);
    return `${base ?? "z.unknown()"}${this.enumRefinement(values)}`;
  }

  enumValues(schema: JsonObject, pointer: string): unknown[] | undefined {
    let values: unknown[] | undefined;
    if (schema.enum !== undefined) {
      if (!Array.isArray(schema.enum)) {
        throw new OpenApiZodError({
          kind: "document",
          pointer: childPointer(pointer, "enum"),
          message: "`enum` must be an array",
          hint: "List the allowed values in an array.",
        });
      }
      values = schema.enum;
    }
    if ("const" in schema) {
      const constant = schema.const;
      values = values === undefined ? [constant] : values.filter((v) => jsonEqual(v, constant));
    }
    return values;
  }

  private literal(values: unknown[]): string {
    const unique = values.filter((v, i) => values.indexOf(v) === i);
    if (unique.length === 0) return "z.never()";
    if (unique.every((v) => typeof v === "string"))
      return `z.enum([${unique.map((v) => JSON.stringify(v)).join(", ")}])`;
    if (unique.length === 1) return `z.literal(${JSON.stringify(unique[0])})`;
    return `z.literal([${unique.map((v) => JSON.stringify(v)).join(", ")}])`;
  }

  private enumRefinement(values: unknown[]): string {
    const list = values.map((v) => JSON.stringify(v)).join(", ");
    return `.refine(${this.use("$oneOfValues")}([${list}]), ${JSON.stringify(values.length === 1 ? "Must equal the constant value" : "Must be one of the allowed values")})`;
  }

  private compileType(
    type: string,
    schema: JsonObject,
    pointer: string,
    variant: Variant,
    skip?: ReadonlySet<string>,
  ): string {
    switch (type) {
      case "null":
        return "z.null()";
      case "boolean":
        return "z.boolean()";
      case "string":
        return this.compileString(schema, pointer);
      case "number":
      case "integer":
        return this.compileNumber(schema, pointer, type === "integer");
      case "array":
        return this.compileArray(schema, pointer, variant);
      default:
        return this.compileObject(schema, pointer, variant, skip);
    }
  }

  number(schema: JsonObject, keyword: string, pointer: string): number | undefined {
    const value = schema[keyword];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new OpenApiZodError({
        kind: "document",
        pointer: childPointer(pointer, keyword),
        message: `\`${keyword}\` must be a number`,
        hint: `Give \`${keyword}\` a numeric value.`,
      });
    }
    return value;
  }

  private compileString(schema: JsonObject, pointer: string): string {
    let out = "z.string()";
    const min = this.number(schema, "minLength", pointer);
    const max = this.number(schema, "maxLength", pointer);
    if (min !== undefined && min > 0)
      out += `.refine((v) => ${this.use("$length")}(v) >= ${min}, ${JSON.stringify(`Must have at least ${plural(min, "character")}`)})`;
    if (max !== undefined)
      out += `.refine((v) => ${this.use("$length")}(v) <= ${max}, ${JSON.stringify(`Must have at most ${plural(max, "character")}`)})`;
    if (schema.pattern !== undefined)
      out += `.regex(${this.regex(schema.pattern, childPointer(pointer, "pattern"))})`;
    if (typeof schema.format === "string") {
      const helper = STRING_FORMATS[schema.format];
      if (helper !== undefined)
        out += `.refine(${this.use(helper)}, ${JSON.stringify(`Invalid ${schema.format}`)})`;
    }
    return out;
  }

  /** A RegExp literal expression for an ECMA-262 pattern (Unicode mode when the pattern allows it). */
  regex(pattern: unknown, pointer: string): string {
    if (typeof pattern !== "string") {
      throw new OpenApiZodError({
        kind: "document",
        pointer,
        message: "`pattern` must be a string",
        hint: "Write the regular expression as a string.",
      });
    }
    for (const flags of ["u", ""]) {
      try {
        new RegExp(pattern, flags);
        return `new RegExp(${JSON.stringify(pattern)}${flags ? `, "${flags}"` : ""})`;
      } catch {}
    }
    throw new OpenApiZodError({
      kind: "document",
      pointer,
      message: `Invalid regular expression ${JSON.stringify(pattern)}`,
      hint: "Write an ECMA-262 regular expression.",
    });
  }

  private compileNumber(schema: JsonObject, pointer: string, integer: boolean): string {
    let out = "z.number()";
    const format = typeof schema.format === "string" ? INTEGER_FORMATS[schema.format] : undefined;
    if (integer || format !== undefined) out += `.refine(Number.isInteger, "Expected an integer")`;
    const minimum = this.number(schema, "minimum", pointer);
    const maximum = this.number(schema, "maximum", pointer);
    const exclusiveMinimum = schema.exclusiveMinimum;
    const exclusiveMaximum = schema.exclusiveMaximum;
    if (minimum !== undefined)
      out += exclusiveMinimum === true ? `.gt(${minimum})` : `.gte(${minimum})`;
    if (maximum !== undefined)
      out += exclusiveMaximum === true ? `.lt(${maximum})` : `.lte(${maximum})`;
    if (typeof exclusiveMinimum === "number")
      out += `.gt(${this.number(schema, "exclusiveMinimum", pointer)})`;
    if (typeof exclusiveMaximum === "number")
      out += `.lt(${this.number(schema, "exclusiveMaximum", pointer)})`;
    const multipleOf = this.number(schema, "multipleOf", pointer);
    if (multipleOf !== undefined) {
      if (multipleOf <= 0) {
        throw new OpenApiZodError({
          kind: "document",
          pointer: childPointer(pointer, "multipleOf"),
          message: "`multipleOf` must be greater than 0",
          hint: "Use a positive number.",
        });
      }
      out += `.refine(${this.use("$multipleOf")}(${multipleOf}), ${JSON.stringify(`Must be a multiple of ${multipleOf}`)})`;
    }
    if (format !== undefined)
      out += `.refine((v) => v >= ${format[0]} && v < ${format[1]}, ${JSON.stringify(`Out of the ${schema.format} range`)})`;
    return out;
  }

  private compileArray(schema: JsonObject, pointer: string, variant: Variant): string {
    const sub = (value: unknown, at: string) =>
      this.compile(this.asSchema(value, at), at, variant, true);
    const min = this.number(schema, "minItems", pointer);
    const max = this.number(schema, "maxItems", pointer);
    let out: string;
    if (Array.isArray(schema.items)) {
      throw new OpenApiZodError({
        kind: "document",
        pointer: childPointer(pointer, "items"),
        message: "`items` must be a schema (the array form is draft 2019-09 and earlier)",
        hint: "Use `prefixItems` for positional schemas.",
      });
    }
    if (Array.isArray(schema.prefixItems)) {
      const positional = schema.prefixItems.map(
        (item, i) => `${sub(item, childPointer(pointer, "prefixItems", i))}.optional()`,
      );
      const rest =
        schema.items === false
          ? ""
          : `, ${schema.items === undefined ? "z.unknown()" : sub(schema.items, childPointer(pointer, "items"))}`;
      out = `z.tuple([${positional.join(", ")}]${rest})`;
      if (min !== undefined && min > 0)
        out += `.refine((v) => v.length >= ${min}, ${JSON.stringify(`Must have at least ${plural(min, "item")}`)})`;
      if (max !== undefined)
        out += `.refine((v) => v.length <= ${max}, ${JSON.stringify(`Must have at most ${plural(max, "item")}`)})`;
    } else {
      out = `z.array(${schema.items === undefined ? "z.unknown()" : sub(schema.items, childPointer(pointer, "items"))})`;
      if (min !== undefined && min > 0) out += `.min(${min})`;
      if (max !== undefined) out += `.max(${max})`;
    }
    if (schema.uniqueItems === true)
      out += `.refine(${this.use("$unique")}, "Items must be unique")`;
    if (schema.contains !== undefined) {
      const minContains = this.number(schema, "minContains", pointer) ?? 1;
      const maxContains = this.number(schema, "maxContains", pointer);
      const contains = sub(schema.contains, childPointer(pointer, "contains"));
      out += `.superRefine(${this.use("$contains")}(${contains}, ${minContains}, ${maxContains ?? "Infinity"}))`;
    }
    return out;
  }

  isDirectional(value: unknown, keyword: "readOnly" | "writeOnly", pointer: string): boolean {
    for (let depth = 0; depth < 16 && isObject(value); depth++) {
      if (value[keyword] === true) return true;
      if (typeof value.$ref !== "string" || !value.$ref.startsWith("#")) return false;
      const target = this.refTarget(value.$ref, childPointer(pointer, "$ref"));
      value = this.schemaAt(target, target);
      pointer = target;
    }
    return false;
  }

  /**
   * Properties whose `required` does not hold at this position, for both code paths: those an
   * allOf member declares readOnly (request) / writeOnly (response), and those inherited.
   */
  notRequiredHere(
    schema: JsonObject,
    pointer: string,
    variant: Variant,
    inherited: ReadonlySet<string> | undefined,
  ): ReadonlySet<string> | undefined {
    if (!Array.isArray(schema.allOf) && inherited === undefined) return undefined;
    return new Set([...(inherited ?? []), ...this.directionalKeys(schema, pointer, variant, 0)]);
  }

  /** Names of properties declared readOnly (request) or writeOnly (response) through properties, `$ref` and allOf. */
  private directionalKeys(
    schema: Schema,
    pointer: string,
    variant: Variant,
    depth: number,
  ): string[] {
    if (!isObject(schema) || depth > 16) return [];
    const keyword = variant.request ? "readOnly" : "writeOnly";
    const keys: string[] = [];
    if (isObject(schema.properties)) {
      for (const [key, value] of Object.entries(schema.properties)) {
        if (this.isDirectional(value, keyword, childPointer(pointer, "properties", key)))
          keys.push(key);
      }
    }
    if (typeof schema.$ref === "string" && schema.$ref.startsWith("#")) {
      const target = this.refTarget(schema.$ref, childPointer(pointer, "$ref"));
      keys.push(...this.directionalKeys(this.schemaAt(target, target), target, variant, depth + 1));
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((member, i) => {
        keys.push(
          ...this.directionalKeys(
            member as Schema,
            childPointer(pointer, "allOf", i),
            variant,
            depth + 1,
          ),
        );
      });
    }
    return keys;
  }

  private compileObject(
    schema: JsonObject,
    pointer: string,
    variant: Variant,
    skip?: ReadonlySet<string>,
  ): string {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required)
      ? (schema.required as unknown[]).filter((k): k is string => typeof k === "string")
      : [];
    const skipped = variant.request ? "readOnly" : "writeOnly";
    const requiredSet = new Set(
      required.filter(
        (key) =>
          !skip?.has(key) &&
          !(
            Object.hasOwn(properties, key) &&
            this.isDirectional(properties[key], skipped, childPointer(pointer, "properties", key))
          ),
      ),
    );
    const shape: string[] = [];
    const own: string[] = [];
    for (const [key, value] of Object.entries(properties)) {
      const at = childPointer(pointer, "properties", key);
      const expression = this.compile(this.asSchema(value, at), at, variant, true);
      if (key in Object.prototype)
        own.push(`[${JSON.stringify(key)}, ${expression}, ${requiredSet.has(key)}]`);
      else
        shape.push(
          `${propertyKey(key)}: ${expression}${requiredSet.has(key) ? "" : ".optional()"}`,
        );
    }
    for (const key of requiredSet) {
      if (Object.hasOwn(properties, key)) continue;
      if (key in Object.prototype) own.push(`[${JSON.stringify(key)}, z.unknown(), true]`);
      else shape.push(`${propertyKey(key)}: z.unknown()`);
    }
    const shapeText = shape.length === 0 ? "{}" : `{\n  ${shape.map(indent).join(",\n  ")},\n}`;
    const additional = schema.additionalProperties;
    const patterns = isObject(schema.patternProperties)
      ? Object.entries(schema.patternProperties)
      : [];
    const names = schema.propertyNames;
    const spec: string[] = [];
    let out: string;
    const additionalSchema =
      additional === undefined || additional === true
        ? undefined
        : additional === false
          ? "false"
          : this.compile(
              this.asSchema(additional, childPointer(pointer, "additionalProperties")),
              childPointer(pointer, "additionalProperties"),
              variant,
              true,
            );
    if (
      patterns.length > 0 ||
      names !== undefined ||
      (own.length > 0 && additionalSchema !== undefined) ||
      (additional === false && variant.strict)
    ) {
      out = `z.looseObject(${shapeText})`;
      if (patterns.length > 0) {
        const list = patterns.map(([source, sub]) => {
          const at = childPointer(pointer, "patternProperties", source);
          return `[${this.regex(source, at)}, ${this.compile(this.asSchema(sub, at), at, variant, true)}]`;
        });
        spec.push(`patterns: [${list.join(", ")}]`);
      }
      if (additionalSchema !== undefined) {
        spec.push(`declared: new Set(${JSON.stringify(Object.keys(properties))})`);
        spec.push(`additional: ${additionalSchema}`);
      }
      if (names !== undefined) {
        const at = childPointer(pointer, "propertyNames");
        spec.push(`names: ${this.compile(this.asSchema(names, at), at, variant, false)}`);
      }
    } else if (additionalSchema === "false") {
      out = `z.strictObject(${shapeText})`;
    } else if (additionalSchema !== undefined && additionalSchema !== "z.unknown()") {
      out = `z.object(${shapeText}).catchall(${additionalSchema})`;
    } else {
      out = `z.looseObject(${shapeText})`;
    }
    if (spec.length > 0) out += `.superRefine(${this.use("$properties")}({ ${spec.join(", ")} }))`;
    // Zod's object parser reads inherited members (\`toString\`) and drops \`__proto__\`, so names that exist
    // on Object.prototype are checked against the untouched input instead.
    if (own.length > 0)
      out = `z.intersection(${out}, z.unknown().superRefine(${this.use("$properties")}({ own: [${own.join(", ")}] })))`;
    const minProperties = this.number(schema, "minProperties", pointer);
    const maxProperties = this.number(schema, "maxProperties", pointer);
    if (minProperties !== undefined && minProperties > 0)
      out += `.refine((v) => Object.keys(v).length >= ${minProperties}, ${JSON.stringify(`Must have at least ${plural(minProperties, "property", "properties")}`)})`;
    if (maxProperties !== undefined)
      out += `.refine((v) => Object.keys(v).length <= ${maxProperties}, ${JSON.stringify(`Must have at most ${plural(maxProperties, "property", "properties")}`)})`;
    if (isObject(schema.dependentRequired) && Object.keys(schema.dependentRequired).length > 0) {
      out += `.superRefine(${this.use("$dependentRequired")}(${JSON.stringify(schema.dependentRequired)}))`;
    }
    return out;
  }

  private compileAlternatives(
    schema: JsonObject,
    keyword: "anyOf" | "oneOf",
    members: unknown[],
    pointer: string,
    variant: Variant,
    known: readonly string[] | undefined,
  ): string {
    if (members.length === 0) {
      throw new OpenApiZodError({
        kind: "document",
        pointer: childPointer(pointer, keyword),
        message: `\`${keyword}\` must not be empty`,
        hint: "List at least one schema.",
      });
    }
    const compiled = members.map((member, i) => {
      const at = childPointer(pointer, keyword, i);
      return this.compile(this.asSchema(member, at), at, variant, false, known);
    });
    const discriminator = isObject(schema.discriminator) ? schema.discriminator : undefined;
    if (discriminator !== undefined && typeof discriminator.propertyName === "string") {
      const mapping = this.discriminatorMapping(discriminator, members, pointer, variant);
      if (mapping !== undefined) {
        const types = members.map((_member, i) => {
          const at = childPointer(pointer, keyword, i);
          return this.typeReference(at, { ...variant, closed: false });
        });
        const alternatives = members.map((_, i) =>
          this.reference(childPointer(pointer, keyword, i), { ...variant, closed: false }),
        );
        // \uE002...\uE003 marks type arguments: kept in TypeScript output, dropped in JavaScript.
        return `z.custom\uE002${types.map((t) => `z.output<typeof ${t}>`).join(" | ")}\uE003().superRefine(${this.use("$discriminator")}(${JSON.stringify(discriminator.propertyName)}, ${mapping}, [${alternatives.join(", ")}], ${keyword === "oneOf"}))`;
      }
    }
    if (compiled.length === 1) return compiled[0] as string;
    // `oneOf: [X, {type: "null"}]` is `X.nullable()` when X can never accept null: then at most one matches.
    const nullAt = members.findIndex(
      (m) =>
        isObject(m) &&
        m.type === "null" &&
        Object.keys(m).every((k) => k === "type" || ANNOTATIONS.has(k)),
    );
    if (members.length === 2 && nullAt !== -1) {
      const other = members[1 - nullAt];
      const types = isObject(other)
        ? this.staticTypes(other, childPointer(pointer, keyword, 1 - nullAt))
        : undefined;
      if (types !== undefined && !types.includes("null"))
        return `${compiled[1 - nullAt]}.nullable()`;
    }
    return `z.${keyword === "oneOf" ? "xor" : "union"}([${compiled.join(", ")}])`;
  }

  /** `{ value: schema }` for a discriminator, from {@link discriminatorTargets}. */
  private discriminatorMapping(
    discriminator: JsonObject,
    members: unknown[],
    pointer: string,
    variant: Variant,
  ): string | undefined {
    const open = { ...variant, closed: false };
    const entries = [...this.discriminatorTargets(discriminator, members, pointer)].map(
      ([value, target]) => `${JSON.stringify(value)}: ${this.reference(target, open)}`,
    );
    return entries.length === 0 ? undefined : `{ ${entries.join(", ")} }`;
  }

  /**
   * Tag value -> target pointer of a discriminator, for both code paths: the explicit `mapping`
   * first, then the component name of each `$ref` alternative the mapping neither names nor targets.
   */
  discriminatorTargets(
    discriminator: JsonObject,
    members: unknown[],
    pointer: string,
  ): Map<string, string> {
    const targets = new Map<string, string>();
    const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
    for (const [value, target] of Object.entries(mapping)) {
      if (typeof target !== "string") continue;
      const ref = target.startsWith("#") ? target : `#/components/schemas/${target}`;
      targets.set(
        value,
        this.refTarget(ref, childPointer(pointer, "discriminator", "mapping", value)),
      );
    }
    const explicit = Object.values(mapping);
    for (const member of members) {
      if (!isObject(member) || typeof member.$ref !== "string") continue;
      const match = /^#\/components\/schemas\/([^/]+)$/.exec(member.$ref);
      if (match?.[1] === undefined) continue;
      const name = unescapeToken(match[1]);
      if (explicit.includes(member.$ref) || explicit.includes(name) || targets.has(name)) continue;
      targets.set(name, this.refTarget(member.$ref, pointer));
    }
    return targets;
  }

  /** Static description of what a schema's in-place applicators evaluate (for unevaluated* and strict mode). */
  evaluation(
    schema: Schema,
    pointer: string,
    variant: Variant,
    stack: string[],
    root = false,
  ): Evaluation {
    const result: Evaluation = {
      all: false,
      keys: [],
      patterns: [],
      items: 0,
      allItems: false,
      contains: [],
      when: [],
      conditional: [],
      dependent: [],
    };
    if (typeof schema === "boolean") return result;
    if (stack.includes(pointer)) {
      throw new OpenApiZodError({
        kind: "unsupported",
        pointer,
        message:
          "Schema applies itself in place (a `$ref` cycle through allOf/anyOf/oneOf/if without an object or array step)",
        hint: "Break the cycle: such a schema never finishes validating.",
      });
    }
    const inner = [...stack, pointer];
    const open = { ...variant, closed: false };
    const merge = (other: Evaluation) => {
      result.all ||= other.all;
      result.allItems ||= other.allItems;
      result.keys.push(...other.keys.filter((k) => !result.keys.includes(k)));
      result.patterns.push(...other.patterns);
      result.items = Math.max(result.items, other.items);
      result.contains.push(...other.contains);
      result.when.push(...other.when);
      result.conditional.push(...other.conditional);
      result.dependent.push(...other.dependent);
    };
    if (isObject(schema.properties)) result.keys.push(...Object.keys(schema.properties));
    if (isObject(schema.patternProperties)) {
      for (const source of Object.keys(schema.patternProperties))
        result.patterns.push(
          this.regex(source, childPointer(pointer, "patternProperties", source)),
        );
    }
    if (schema.additionalProperties !== undefined) result.all = true;
    if (!root && schema.unevaluatedProperties !== undefined) result.all = true;
    if (Array.isArray(schema.prefixItems)) result.items = schema.prefixItems.length;
    if (schema.items !== undefined) result.allItems = true;
    if (!root && schema.unevaluatedItems !== undefined) result.allItems = true;
    if (schema.contains !== undefined) {
      const at = childPointer(pointer, "contains");
      result.contains.push(this.compile(this.asSchema(schema.contains, at), at, open, false));
    }
    if (isObject(schema)) schema = this.resolveRecursiveRef(schema, pointer);
    if (typeof schema.$ref === "string") {
      const target = this.refTarget(schema.$ref, childPointer(pointer, "$ref"));
      merge(this.evaluation(this.schemaAt(target, target), target, variant, inner));
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((member, i) => {
        const at = childPointer(pointer, "allOf", i);
        merge(this.evaluation(this.asSchema(member, at), at, variant, inner));
      });
    }
    for (const keyword of ["anyOf", "oneOf"] as const) {
      const members = schema[keyword];
      if (!Array.isArray(members)) continue;
      members.forEach((member, i) => {
        const at = childPointer(pointer, keyword, i);
        const evaluation = this.evaluation(this.asSchema(member, at), at, variant, inner);
        if (!isEmpty(evaluation)) result.when.push([this.reference(at, open), evaluation]);
      });
    }
    if (schema.if !== undefined) {
      const at = childPointer(pointer, "if");
      const branch = (keyword: "then" | "else") => {
        if (schema[keyword] === undefined) return undefined;
        const branchAt = childPointer(pointer, keyword);
        const evaluation = this.evaluation(
          this.asSchema(schema[keyword], branchAt),
          branchAt,
          variant,
          inner,
        );
        return isEmpty(evaluation) ? undefined : evaluation;
      };
      const condition = this.evaluation(this.asSchema(schema.if, at), at, variant, inner);
      const then = branch("then");
      const otherwise = branch("else");
      if (!isEmpty(condition) || then !== undefined || otherwise !== undefined)
        result.conditional.push([this.reference(at, open), condition, then, otherwise]);
    }
    if (isObject(schema.dependentSchemas)) {
      for (const [key, sub] of Object.entries(schema.dependentSchemas)) {
        const at = childPointer(pointer, "dependentSchemas", key);
        const evaluation = this.evaluation(this.asSchema(sub, at), at, variant, inner);
        if (!isEmpty(evaluation)) result.dependent.push([key, evaluation]);
      }
    }
    return result;
  }

  declaresProperties(evaluation: Evaluation): boolean {
    return (
      evaluation.keys.length > 0 ||
      evaluation.patterns.length > 0 ||
      evaluation.when.some(([, e]) => this.declaresProperties(e)) ||
      evaluation.conditional.some(([, c, t, e]) =>
        [c, t, e].some((x) => x !== undefined && this.declaresProperties(x)),
      ) ||
      evaluation.dependent.some(([, e]) => this.declaresProperties(e))
    );
  }

  renderEvaluation(e: Evaluation): string {
    const fields: string[] = [];
    if (e.all) fields.push("all: true");
    if (e.keys.length > 0) fields.push(`keys: ${JSON.stringify(e.keys)}`);
    if (e.patterns.length > 0) fields.push(`patterns: [${e.patterns.join(", ")}]`);
    if (e.items > 0) fields.push(`items: ${e.items}`);
    if (e.allItems) fields.push("allItems: true");
    if (e.contains.length > 0) fields.push(`contains: [${e.contains.join(", ")}]`);
    if (e.when.length > 0)
      fields.push(
        `when: [${e.when.map(([s, x]) => `[${s}, ${this.renderEvaluation(x)}]`).join(", ")}]`,
      );
    if (e.conditional.length > 0) {
      const list = e.conditional.map(
        ([s, c, t, o]) =>
          `[${s}, ${this.renderEvaluation(c)}, ${t ? this.renderEvaluation(t) : "undefined"}, ${o ? this.renderEvaluation(o) : "undefined"}]`,
      );
      fields.push(`conditional: [${list.join(", ")}]`);
    }
    if (e.dependent.length > 0)
      fields.push(
        `dependent: [${e.dependent.map(([k, x]) => `[${JSON.stringify(k)}, ${this.renderEvaluation(x)}]`).join(", ")}]`,
      );
    return fields.length === 0 ? "{}" : `{ ${fields.join(", ")} }`;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function isEmpty(e: Evaluation): boolean {
  return (
    !e.all &&
    !e.allItems &&
    e.keys.length === 0 &&
    e.patterns.length === 0 &&
    e.items === 0 &&
    e.contains.length === 0 &&
    e.when.length === 0 &&
    e.conditional.length === 0 &&
    e.dependent.length === 0
  );
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    default:
      return typeof value === type;
  }
}

/** Deep equality of JSON values (used at generation time to reduce `enum` + `const`). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
}
