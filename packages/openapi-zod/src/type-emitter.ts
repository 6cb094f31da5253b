import { childPointer } from "./document/json-pointer.js";
import { isObject, type JsonObject } from "./formats.js";
import { keywordTypes, propertyKey, type SchemaCompiler } from "./schema-compiler.js";

type Schema = boolean | JsonObject;

/**
 * Declared TypeScript types for the schemas the generator exports: the shape an instance has when it is
 * valid in open mode (the spec's semantics), per direction (a readOnly property is optional in requests,
 * a writeOnly one in responses). Keywords that narrow values without changing their shape (`not`,
 * `if`/`then`/`else`, formats, bounds) are left to the validators. Exported validators are annotated with
 * these types, so `z.infer` gives them and tsc never has to infer Zod's generics over a whole document.
 */
export class TypeEmitter {
  /** `pointer|direction` -> declared type name, for the schemas that have one. */
  private readonly names = new Map<string, string>();

  constructor(private readonly compiler: SchemaCompiler) {}

  /** Gives the schema at `pointer` (in one direction) a named type: references to it use the name. */
  name(pointer: string, request: boolean, typeName: string): void {
    this.names.set(this.key(pointer, request), typeName);
  }

  /** The declared name of the schema at `pointer`, if it has one. */
  nameOf(pointer: string, request: boolean): string | undefined {
    return this.names.get(this.key(pointer, request));
  }

  /** Whether the request direction of the schema at `pointer` has its own type. */
  requestDiffers(pointer: string): boolean {
    return this.compiler.isDirectionSensitive(this.compiler.followAliases(pointer));
  }

  /** The type expression of the schema at `pointer` itself (not its name). */
  declaration(pointer: string, request: boolean): string {
    return this.render(this.compiler.schemaAt(pointer, pointer), pointer, request, [pointer]);
  }

  private key(pointer: string, request: boolean): string {
    return `${pointer}|${request && this.requestDiffers(pointer) ? "q" : "r"}`;
  }

  private reference(pointer: string, request: boolean, stack: string[]): string {
    const target = this.compiler.followAliases(pointer);
    const named = this.nameOf(target, request);
    if (named !== undefined) return named;
    // An unnamed target (a schema nested in another) is written in place; a cycle through such targets
    // only, with no named type to stop at, is left as `unknown`.
    if (stack.includes(target)) return "unknown";
    return this.render(this.compiler.schemaAt(target, target), target, request, [...stack, target]);
  }

  private render(
    schema: Schema,
    pointer: string,
    request: boolean,
    stack: string[],
    known?: readonly string[],
    inheritedSkip?: ReadonlySet<string>,
  ): string {
    if (schema === true) return "unknown";
    if (schema === false) return "never";
    const compiler = this.compiler;
    schema = compiler.resolveRecursiveRef(schema, pointer);
    if (schema.$ref !== undefined && compiler.options.openapi30)
      return this.reference(
        compiler.refTarget(schema.$ref, childPointer(pointer, "$ref")),
        request,
        stack,
      );
    const types = compiler.typesOf(schema, pointer);
    const siblingTypes = types ?? known ?? compiler.staticTypes(schema, pointer);
    const variant = { strict: false, request, closed: false };
    const skip = compiler.notRequiredHere(schema, pointer, variant, inheritedSkip);
    const parts: string[] = [];
    const typed = this.typed(schema, pointer, request, stack, types, known, skip);
    if (typed !== undefined) parts.push(typed);
    if (schema.$ref !== undefined)
      parts.push(
        this.reference(
          compiler.refTarget(schema.$ref, childPointer(pointer, "$ref")),
          request,
          stack,
        ),
      );
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((member, i) => {
        const at = childPointer(pointer, "allOf", i);
        parts.push(
          this.render(compiler.asSchema(member, at), at, request, stack, siblingTypes, skip),
        );
      });
    }
    for (const keyword of ["anyOf", "oneOf"] as const) {
      const members = schema[keyword];
      if (!Array.isArray(members)) continue;
      const alternatives = members.map((member, i) => {
        const at = childPointer(pointer, keyword, i);
        return this.render(compiler.asSchema(member, at), at, request, stack, siblingTypes);
      });
      parts.push(union(alternatives));
    }
    return intersection(parts);
  }

  /** The part of a schema that `type`, `enum`/`const` and the type-specific keywords describe. */
  private typed(
    schema: JsonObject,
    pointer: string,
    request: boolean,
    stack: string[],
    types: string[] | undefined,
    known: readonly string[] | undefined,
    skip: ReadonlySet<string> | undefined,
  ): string | undefined {
    const values = this.compiler.enumValues(schema, pointer);
    const primitive = values?.every((v) => !isObject(v) && !Array.isArray(v)) ?? false;
    if (values !== undefined && primitive) {
      const kept = values.filter((v) => types === undefined || types.some((t) => isOfType(v, t)));
      return kept.length === 0 ? "never" : union(kept.map((v) => JSON.stringify(v)));
    }
    // Without `type`, type-specific keywords only constrain values of their type: the shape is known
    // only where an enclosing `allOf` fixes the type.
    const effective =
      types ??
      (known !== undefined && known.length === 1 && keywordTypes(schema).length > 0
        ? [...known]
        : undefined);
    if (effective === undefined) return undefined;
    const members = effective.map((type) =>
      this.ofType(type, schema, pointer, request, stack, skip),
    );
    return members.length === 0 ? "never" : union([...new Set(members)]);
  }

  private ofType(
    type: string,
    schema: JsonObject,
    pointer: string,
    request: boolean,
    stack: string[],
    skip: ReadonlySet<string> | undefined,
  ): string {
    switch (type) {
      case "null":
      case "boolean":
      case "string":
      case "number":
        return type;
      case "integer":
        return "number";
      case "array":
        return this.array(schema, pointer, request, stack);
      default:
        return this.object(schema, pointer, request, stack, skip);
    }
  }

  private sub(value: unknown, at: string, request: boolean, stack: string[]): string {
    return this.render(this.compiler.asSchema(value, at), at, request, stack);
  }

  private array(schema: JsonObject, pointer: string, request: boolean, stack: string[]): string {
    const rest =
      schema.items === undefined
        ? "unknown"
        : schema.items === false
          ? undefined
          : this.sub(schema.items, childPointer(pointer, "items"), request, stack);
    if (!Array.isArray(schema.prefixItems)) return rest === undefined ? "[]" : arrayOf(rest);
    const positional = schema.prefixItems.map(
      (item, i) => `${this.sub(item, childPointer(pointer, "prefixItems", i), request, stack)}?`,
    );
    if (rest !== undefined) positional.push(`...${arrayOf(rest)}`);
    return `[${positional.join(", ")}]`;
  }

  private object(
    schema: JsonObject,
    pointer: string,
    request: boolean,
    stack: string[],
    skip: ReadonlySet<string> | undefined,
  ): string {
    const compiler = this.compiler;
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required)
      ? schema.required.filter((k): k is string => typeof k === "string")
      : [];
    const skipped = request ? "readOnly" : "writeOnly";
    const members: string[] = [];
    for (const [key, value] of Object.entries(properties)) {
      const at = childPointer(pointer, "properties", key);
      const optional =
        !required.includes(key) ||
        skip?.has(key) === true ||
        compiler.isDirectional(value, skipped, at);
      members.push(
        `${propertyKey(key)}${optional ? "?" : ""}: ${this.sub(value, at, request, stack)}`,
      );
    }
    for (const key of new Set(required)) {
      if (!Object.hasOwn(properties, key) && skip?.has(key) !== true)
        members.push(`${propertyKey(key)}: unknown`);
    }
    const additional = schema.additionalProperties;
    const closed =
      additional === false &&
      schema.patternProperties === undefined &&
      schema.propertyNames === undefined;
    if (!closed) {
      const only =
        members.length === 0 &&
        schema.patternProperties === undefined &&
        additional !== undefined &&
        additional !== true;
      const value = only
        ? this.sub(additional, childPointer(pointer, "additionalProperties"), request, stack)
        : "unknown";
      members.push(`[key: string]: ${value}`);
    }
    return members.length === 0 ? "{}" : `{ ${members.join("; ")} }`;
  }
}

function isOfType(value: unknown, type: string): boolean {
  if (type === "null") return value === null;
  if (type === "integer") return typeof value === "number" && Number.isInteger(value);
  if (type === "array") return Array.isArray(value);
  if (type === "object") return isObject(value);
  return typeof value === type;
}

/** Whether a type expression has a `|` or `&` outside brackets and string literals. */
function isCompound(type: string): boolean {
  let depth = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (c === '"') {
      for (i++; i < type.length && type[i] !== '"'; i++) if (type[i] === "\\") i++;
    } else if (c === "{" || c === "[" || c === "(" || c === "<") depth++;
    else if (c === "}" || c === "]" || c === ")" || c === ">") depth--;
    else if (depth === 0 && (c === "|" || c === "&")) return true;
  }
  return false;
}

/** Wraps a type for use inside `A | B`, `A & B` or `A[]` when it is itself a union or an intersection. */
const grouped = (type: string): string => (isCompound(type) ? `(${type})` : type);

const arrayOf = (item: string): string => `${grouped(item)}[]`;

function union(members: string[]): string {
  const unique = [...new Set(members)];
  if (unique.includes("unknown")) return "unknown";
  const kept = unique.filter((m) => m !== "never");
  if (kept.length === 0) return "never";
  return kept.length === 1 ? (kept[0] as string) : kept.map(grouped).join(" | ");
}

function intersection(parts: string[]): string {
  const kept = [...new Set(parts.filter((p) => p !== "unknown"))];
  if (kept.includes("never")) return "never";
  if (kept.length === 0) return "unknown";
  return kept.length === 1 ? (kept[0] as string) : kept.map(grouped).join(" & ");
}
