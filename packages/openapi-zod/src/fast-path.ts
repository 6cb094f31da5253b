import { childPointer } from "./document/json-pointer.js";
import { INTEGER_FORMATS, isObject, type JsonObject, STRING_FORMATS } from "./formats.js";
import { isAloneRef, keywordTypes, type SchemaCompiler, type Variant } from "./schema-compiler.js";

type Schema = boolean | JsonObject;

/** Parenthesised unless the condition cannot bind differently under `&&` / `||` (conservative). */
const wrap = (condition: string, operator: "&&" | "||") =>
  condition.includes(" ? ") ||
  condition.includes(" => ") ||
  (operator === "&&" && condition.includes(" || "))
    ? `(${condition})`
    : condition;
const ok = (conditions: string[]): string => {
  const kept = conditions.filter((c) => c !== "true");
  if (kept.includes("false")) return "false";
  if (kept.length === 0) return "true";
  return kept.length === 1 ? (kept[0] as string) : kept.map((c) => wrap(c, "&&")).join(" && ");
};
const any = (conditions: string[]): string => {
  const kept = conditions.filter((c) => c !== "false");
  if (kept.includes("true")) return "true";
  if (kept.length === 0) return "false";
  return kept.length === 1 ? (kept[0] as string) : kept.map((c) => wrap(c, "||")).join(" || ");
};
/** `absent || check`, parenthesised only where the check needs it. */
const orAbsent = (absent: string, check: string) =>
  check === "true" ? "true" : `${absent} || ${wrap(check, "||")}`;
const wrapNot = (condition: string) =>
  /^[\w$.]+\([^()]*\)$/.test(condition) ? condition : `(${condition})`;
const typeTest = (type: string, x: string): string => {
  switch (type) {
    case "null":
      return `${x} === null`;
    case "integer":
      return `Number.isInteger(${x})`;
    case "array":
      return `Array.isArray(${x})`;
    case "object":
      return `$isRecord(${x})`;
    default:
      return `typeof ${x} === "${type}"`;
  }
};

/**
 * The fast path of a validator: one boolean JavaScript expression with the same verdict as the Zod schema,
 * in the style of Ajv's compiled code. `safeParse` answers from it when the input is valid and runs the Zod
 * schema (for its issues and paths) only when it is not. References to other validators are
 * `\uE004id\uE004(x)` placeholders.
 */
export class FastPath {
  readonly constants: string[] = [];
  private readonly constantIndex = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly c: SchemaCompiler,
    private readonly typescript: boolean,
  ) {
    c.use("$isRecord");
  }

  /** A module-level constant (regex, multipleOf checker, key list), created once. */
  private constant(expression: string, type?: string): string {
    let name = this.constantIndex.get(expression);
    if (name === undefined) {
      name = `$c${this.constantIndex.size}`;
      this.constantIndex.set(expression, name);
      const annotation = type !== undefined && this.typescript ? `: ${type}` : "";
      this.constants.push(
        `const ${name}${annotation} = /* @__PURE__ */ (() => (${expression}))();`,
      );
    }
    return name;
  }

  private helper(name: string): string {
    this.c.use(name);
    return name;
  }

  private variable(): string {
    return `v${this.counter++}`;
  }

  private ref(pointer: string, variant: Variant, x: string): string {
    return `\uE004${this.c.definition(pointer, variant).id}\uE004(${x})`;
  }

  /** A one-parameter arrow for a subschema (used by loops over items and keys). */
  private arrow(schema: Schema, pointer: string, variant: Variant, closeHere: boolean): string {
    const y = this.variable();
    return `(${y}) => ${this.check(schema, pointer, variant, closeHere, y)}`;
  }

  check(
    raw: Schema,
    pointer: string,
    variant: Variant,
    closeHere: boolean,
    x: string,
    known?: readonly string[],
    inheritedSkip?: ReadonlySet<string>,
  ): string {
    if (raw === true) return "true";
    if (raw === false) return "false";
    if (raw.$ref !== undefined && this.c.options.openapi30) {
      return this.ref(
        this.c.refTarget(raw.$ref, childPointer(pointer, "$ref")),
        { ...variant, closed: closeHere },
        x,
      );
    }
    const schema = this.c.resolveRecursiveRef(raw, pointer);
    const conditions: string[] = [];
    const types = this.c.typesOf(schema, pointer);
    const siblingTypes = types ?? known ?? this.c.staticTypes(schema, pointer);
    const skip = this.c.notRequiredHere(schema, pointer, variant, inheritedSkip);
    const implied = keywordTypes(schema);

    if (types !== undefined) {
      const branches = types.map((type) =>
        ok([typeTest(type, x), this.typed(type, schema, pointer, variant, x, skip)]),
      );
      conditions.push(any(branches));
    } else {
      for (const type of implied)
        conditions.push(
          orAbsent(
            `!${wrapNot(typeTest(type, x))}`,
            this.typed(type, schema, pointer, variant, x, skip),
          ),
        );
    }
    const values = this.c.enumValues(schema, pointer);
    if (values !== undefined) {
      const tests = values.map((v) =>
        typeof v === "object" && v !== null
          ? `${this.helper("$equal")}(${x}, ${this.constant(JSON.stringify(v))})`
          : `${x} === ${JSON.stringify(v)}`,
      );
      conditions.push(any(tests));
    }
    if (schema.$ref !== undefined) {
      const target = this.c.refTarget(schema.$ref, childPointer(pointer, "$ref"));
      conditions.push(this.ref(target, { ...variant, closed: isAloneRef(schema) && closeHere }, x));
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((member, i) => {
        const at = childPointer(pointer, "allOf", i);
        conditions.push(
          this.check(this.c.asSchema(member, at), at, variant, false, x, siblingTypes, skip),
        );
      });
    }
    for (const keyword of ["anyOf", "oneOf"] as const) {
      const members = schema[keyword];
      if (!Array.isArray(members)) continue;
      const checks = members.map((member, i) => {
        const at = childPointer(pointer, keyword, i);
        return this.check(this.c.asSchema(member, at), at, variant, false, x, siblingTypes);
      });
      const discriminator = isObject(schema.discriminator) ? schema.discriminator : undefined;
      const tagged = discriminator !== undefined && typeof discriminator.propertyName === "string";
      // When every alternative pins the tag to its own values, the alternative the tag selects is the
      // only one that can match: checking it alone has the same verdict as counting all of them.
      if (!(tagged && this.exclusiveByTag(discriminator, members, pointer))) {
        conditions.push(
          keyword === "anyOf"
            ? any(checks)
            : `${checks.map((c) => `(${wrap(c, "||")} ? 1 : 0)`).join(" + ")} === 1`,
        );
      }
      if (tagged) conditions.push(this.discriminator(discriminator, members, pointer, variant, x));
    }
    if (schema.not !== undefined) {
      const at = childPointer(pointer, "not");
      conditions.push(`!(${this.check(this.c.asSchema(schema.not, at), at, variant, false, x)})`);
    }
    if (schema.if !== undefined && (schema.then !== undefined || schema.else !== undefined)) {
      const branch = (keyword: "if" | "then" | "else") => {
        if (schema[keyword] === undefined) return "true";
        const at = childPointer(pointer, keyword);
        return this.check(this.c.asSchema(schema[keyword], at), at, variant, false, x);
      };
      conditions.push(
        `${wrap(branch("if"), "||")} ? ${wrap(branch("then"), "||")} : ${wrap(branch("else"), "||")}`,
      );
    }
    if (isObject(schema.dependentSchemas)) {
      for (const [key, sub] of Object.entries(schema.dependentSchemas)) {
        const at = childPointer(pointer, "dependentSchemas", key);
        conditions.push(
          orAbsent(
            `!$isRecord(${x}) || !Object.hasOwn(${x}, ${JSON.stringify(key)})`,
            this.check(this.c.asSchema(sub, at), at, variant, false, x),
          ),
        );
      }
    }
    if (schema.unevaluatedItems !== undefined) {
      const evaluation = this.c.evaluation(schema, pointer, variant, [], true);
      if (!evaluation.allItems) {
        const at = childPointer(pointer, "unevaluatedItems");
        const sub =
          schema.unevaluatedItems === false
            ? "false"
            : this.arrow(this.c.asSchema(schema.unevaluatedItems, at), at, variant, true);
        conditions.push(
          `${this.helper("$unevaluatedItemsOk")}(${this.constant(this.c.renderEvaluation(evaluation), "$Evaluation")}, ${x}, ${sub})`,
        );
      }
    }
    const mayBeObject = siblingTypes === undefined || siblingTypes.includes("object");
    const closedByRefAlone =
      schema.$ref !== undefined &&
      types === undefined &&
      implied.length === 0 &&
      !["allOf", "anyOf", "oneOf", "enum", "const"].some((k) => schema[k] !== undefined);
    if (schema.unevaluatedProperties !== undefined) {
      const evaluation = this.c.evaluation(schema, pointer, variant, [], true);
      if (!evaluation.all) {
        const at = childPointer(pointer, "unevaluatedProperties");
        const sub =
          schema.unevaluatedProperties === false
            ? "false"
            : this.arrow(this.c.asSchema(schema.unevaluatedProperties, at), at, variant, true);
        conditions.push(
          `${this.helper("$unevaluatedPropertiesOk")}(${this.constant(this.c.renderEvaluation(evaluation), "$Evaluation")}, ${x}, ${sub}, false)`,
        );
      }
    } else if (variant.strict && closeHere && mayBeObject && !closedByRefAlone) {
      const evaluation = this.c.evaluation(schema, pointer, variant, [], true);
      if (!evaluation.all && this.c.declaresProperties(evaluation)) {
        const isStatic =
          evaluation.when.length === 0 &&
          evaluation.conditional.length === 0 &&
          evaluation.dependent.length === 0;
        let closing: string;
        if (isStatic) {
          // Everything this object may hold is known at generation time: a Set lookup per key.
          const keys = this.constant(`new Set(${JSON.stringify(evaluation.keys)})`);
          closing = `${this.helper("$closedOk")}(${x}, ${keys}, [${evaluation.patterns.map((p) => this.constant(p)).join(", ")}])`;
        } else {
          closing = `${this.helper("$unevaluatedPropertiesOk")}(${this.constant(this.c.renderEvaluation(evaluation), "$Evaluation")}, ${x}, false, true)`;
        }
        conditions.push(closing);
        if (pointer === this.c.compiling?.pointer && x === "v")
          this.c.compiling.fastClosing = closing;
      }
    }
    return ok(conditions);
  }

  /** The discriminator's mapping, when each alternative provably fixes the tag to disjoint values. */
  private exclusiveByTag(discriminator: JsonObject, members: unknown[], pointer: string): boolean {
    const property = discriminator.propertyName as string;
    const targets = members.map((member) =>
      isObject(member) && typeof member.$ref === "string"
        ? this.c.refTarget(member.$ref, pointer)
        : undefined,
    );
    if (targets.some((t) => t === undefined)) return false;
    const sets = targets.map((t) =>
      this.tagValues(this.c.schemaAt(t as string, pointer), t as string, property, 0),
    );
    if (sets.some((set) => set === undefined)) return false;
    const seen = new Set<unknown>();
    for (const set of sets as Array<Set<unknown>>) {
      for (const value of set) {
        if (seen.has(value)) return false;
        seen.add(value);
      }
    }
    const mapping = this.c.discriminatorTargets(discriminator, members, pointer);
    for (const [value, target] of mapping) {
      const index = targets.indexOf(target);
      if (index === -1 || !(sets[index] as Set<unknown>).has(value)) return false;
    }
    return mapping.size > 0;
  }

  /** Values a schema allows for `property` (a superset), from `properties[property].const`/`enum`, `$ref` and `allOf`. */
  private tagValues(
    schema: Schema,
    pointer: string,
    property: string,
    depth: number,
  ): Set<unknown> | undefined {
    if (!isObject(schema) || depth > 8) return undefined;
    const own = isObject(schema.properties) ? schema.properties[property] : undefined;
    if (isObject(own)) {
      if ("const" in own) return new Set([own.const]);
      if (Array.isArray(own.enum)) return new Set(own.enum);
    }
    if (typeof schema.$ref === "string" && schema.$ref.startsWith("#")) {
      const target = this.c.refTarget(schema.$ref, childPointer(pointer, "$ref"));
      const found = this.tagValues(this.c.schemaAt(target, target), target, property, depth + 1);
      if (found !== undefined) return found;
    }
    if (Array.isArray(schema.allOf)) {
      for (const [i, member] of schema.allOf.entries()) {
        const found = this.tagValues(
          member as Schema,
          childPointer(pointer, "allOf", i),
          property,
          depth + 1,
        );
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  private discriminator(
    discriminator: JsonObject,
    members: unknown[],
    pointer: string,
    variant: Variant,
    x: string,
  ): string {
    const open = { ...variant, closed: false };
    const mapping = this.c.discriminatorTargets(discriminator, members, pointer);
    if (mapping.size === 0) return "true";
    const tag = `${x}[${JSON.stringify(discriminator.propertyName)}]`;
    const selected = [...mapping].reduceRight(
      (otherwise, [value, target]) =>
        `${tag} === ${JSON.stringify(value)} ? ${this.ref(target, open, x)} : ${otherwise}`,
      "false",
    );
    return `$isRecord(${x}) && (${selected})`;
  }

  private typed(
    type: string,
    schema: JsonObject,
    pointer: string,
    variant: Variant,
    x: string,
    skip?: ReadonlySet<string>,
  ): string {
    switch (type) {
      case "string":
        return this.string(schema, pointer, x);
      case "number":
      case "integer":
        return this.number(schema, pointer, x);
      case "array":
        return this.array(schema, pointer, variant, x);
      case "object":
        return this.object(schema, pointer, variant, x, skip);
      default:
        return "true";
    }
  }

  private string(schema: JsonObject, pointer: string, x: string): string {
    const conditions: string[] = [];
    const min = this.c.number(schema, "minLength", pointer);
    const max = this.c.number(schema, "maxLength", pointer);
    if (min !== undefined && min > 0) conditions.push(`${this.helper("$length")}(${x}) >= ${min}`);
    if (max !== undefined) conditions.push(`${this.helper("$length")}(${x}) <= ${max}`);
    if (schema.pattern !== undefined)
      conditions.push(
        `${this.constant(this.c.regex(schema.pattern, childPointer(pointer, "pattern")))}.test(${x})`,
      );
    if (typeof schema.format === "string" && STRING_FORMATS[schema.format] !== undefined) {
      conditions.push(`${this.helper(STRING_FORMATS[schema.format] as string)}(${x})`);
    }
    return ok(conditions);
  }

  private number(schema: JsonObject, pointer: string, x: string): string {
    const conditions: string[] = [];
    const format = typeof schema.format === "string" ? INTEGER_FORMATS[schema.format] : undefined;
    if (format !== undefined)
      conditions.push(`Number.isInteger(${x})`, `${x} >= ${format[0]} && ${x} < ${format[1]}`);
    const minimum = this.c.number(schema, "minimum", pointer);
    const maximum = this.c.number(schema, "maximum", pointer);
    if (minimum !== undefined)
      conditions.push(`${x} ${schema.exclusiveMinimum === true ? ">" : ">="} ${minimum}`);
    if (maximum !== undefined)
      conditions.push(`${x} ${schema.exclusiveMaximum === true ? "<" : "<="} ${maximum}`);
    if (typeof schema.exclusiveMinimum === "number")
      conditions.push(`${x} > ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === "number")
      conditions.push(`${x} < ${schema.exclusiveMaximum}`);
    const multipleOf = this.c.number(schema, "multipleOf", pointer);
    if (multipleOf !== undefined)
      conditions.push(`${this.constant(`${this.helper("$multipleOf")}(${multipleOf})`)}(${x})`);
    return ok(conditions);
  }

  private array(schema: JsonObject, pointer: string, variant: Variant, x: string): string {
    const conditions: string[] = [];
    const min = this.c.number(schema, "minItems", pointer);
    const max = this.c.number(schema, "maxItems", pointer);
    if (min !== undefined && min > 0) conditions.push(`${x}.length >= ${min}`);
    if (max !== undefined) conditions.push(`${x}.length <= ${max}`);
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    prefix.forEach((item, i) => {
      const at = childPointer(pointer, "prefixItems", i);
      conditions.push(
        orAbsent(
          `${x}.length <= ${i}`,
          this.check(this.c.asSchema(item, at), at, variant, true, `${x}[${i}]`),
        ),
      );
    });
    if (schema.items !== undefined && schema.items !== true) {
      const at = childPointer(pointer, "items");
      if (schema.items === false) conditions.push(`${x}.length <= ${prefix.length}`);
      else
        conditions.push(
          `${this.helper("$everyItem")}(${x}, ${prefix.length}, ${this.arrow(this.c.asSchema(schema.items, at), at, variant, true)})`,
        );
    }
    if (schema.uniqueItems === true) conditions.push(`${this.helper("$unique")}(${x})`);
    if (schema.contains !== undefined) {
      const at = childPointer(pointer, "contains");
      const minContains = this.c.number(schema, "minContains", pointer) ?? 1;
      const maxContains = this.c.number(schema, "maxContains", pointer);
      const matcher = this.arrow(this.c.asSchema(schema.contains, at), at, variant, true);
      conditions.push(
        `${this.helper("$containsCount")}(${x}, ${matcher}, ${minContains}, ${maxContains ?? "Infinity"})`,
      );
    }
    return ok(conditions);
  }

  private object(
    schema: JsonObject,
    pointer: string,
    variant: Variant,
    x: string,
    skip?: ReadonlySet<string>,
  ): string {
    const conditions: string[] = [];
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required)
      ? (schema.required as unknown[]).filter((k): k is string => typeof k === "string")
      : [];
    const skipped = variant.request ? "readOnly" : "writeOnly";
    const member = (key: string) => `${x}[${JSON.stringify(key)}]`;
    const present = (key: string) =>
      key in Object.prototype
        ? `Object.hasOwn(${x}, ${JSON.stringify(key)})`
        : `${member(key)} !== undefined`;
    const absent = (key: string) =>
      key in Object.prototype
        ? `!Object.hasOwn(${x}, ${JSON.stringify(key)})`
        : `${member(key)} === undefined`;
    for (const key of required) {
      if (skip?.has(key)) continue;
      if (
        Object.hasOwn(properties, key) &&
        this.c.isDirectional(properties[key], skipped, childPointer(pointer, "properties", key))
      )
        continue;
      conditions.push(present(key));
    }
    for (const [key, value] of Object.entries(properties)) {
      const at = childPointer(pointer, "properties", key);
      const sub = this.check(this.c.asSchema(value, at), at, variant, true, member(key));
      if (sub !== "true") conditions.push(orAbsent(absent(key), sub));
    }
    const patterns = isObject(schema.patternProperties)
      ? Object.entries(schema.patternProperties)
      : [];
    const additional = schema.additionalProperties;
    const names = schema.propertyNames;
    if (
      patterns.length > 0 ||
      (additional !== undefined && additional !== true) ||
      names !== undefined
    ) {
      const declared = this.constant(`new Set(${JSON.stringify(Object.keys(properties))})`);
      const patternList = patterns.map(([source, sub]) => {
        const at = childPointer(pointer, "patternProperties", source);
        return `[${this.constant(this.c.regex(source, at))}, ${this.arrow(this.c.asSchema(sub, at), at, variant, true)}]`;
      });
      const additionalCheck =
        additional === undefined || additional === true
          ? "undefined"
          : additional === false
            ? "false"
            : this.arrow(
                this.c.asSchema(additional, childPointer(pointer, "additionalProperties")),
                childPointer(pointer, "additionalProperties"),
                variant,
                true,
              );
      const namesCheck =
        names === undefined
          ? "undefined"
          : this.arrow(
              this.c.asSchema(names, childPointer(pointer, "propertyNames")),
              childPointer(pointer, "propertyNames"),
              variant,
              false,
            );
      conditions.push(
        `${this.helper("$keysOk")}(${x}, ${declared}, [${patternList.join(", ")}], ${additionalCheck}, ${namesCheck})`,
      );
    }
    const minProperties = this.c.number(schema, "minProperties", pointer);
    const maxProperties = this.c.number(schema, "maxProperties", pointer);
    if (minProperties !== undefined && minProperties > 0)
      conditions.push(`Object.keys(${x}).length >= ${minProperties}`);
    if (maxProperties !== undefined)
      conditions.push(`Object.keys(${x}).length <= ${maxProperties}`);
    if (isObject(schema.dependentRequired)) {
      for (const [key, needed] of Object.entries(schema.dependentRequired)) {
        if (!Array.isArray(needed)) continue;
        conditions.push(
          orAbsent(
            `!Object.hasOwn(${x}, ${JSON.stringify(key)})`,
            ok(needed.map((k) => `Object.hasOwn(${x}, ${JSON.stringify(k)})`)),
          ),
        );
      }
    }
    return ok(conditions);
  }
}
