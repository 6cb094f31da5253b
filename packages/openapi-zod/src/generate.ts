import { childPointer } from "./document/json-pointer.js";
import { resolveRefs } from "./document/references.js";
import { generatorError, OpenApiZodError } from "./errors.js";
import { FastPath } from "./fast-path.js";
import { isObject, type JsonObject } from "./formats.js";
import { loadDocument } from "./load.js";
import { helperClosure, helpers, renderHelper } from "./runtime-helpers.js";
import { type Definition, propertyKey, SchemaCompiler, type Variant } from "./schema-compiler.js";
import { TypeEmitter } from "./type-emitter.js";

/** Options of {@link generateZod}. */
export interface GenerateOptions {
  /** `ts` (default) emits TypeScript; `js` emits an ES module with the same exports. */
  readonly language?: "ts" | "js";
  /** Shown in the header comment as the document the module was generated from. */
  readonly source?: string;
  /**
   * Give every validator a compiled boolean check (default `true`): valid input is answered without running
   * the Zod schema, invalid input still gets Zod's issues. `false` emits the Zod schemas alone.
   */
  readonly fastPath?: boolean;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const OPEN_RESPONSE: Variant = { strict: false, request: false, closed: false };
const STRICT_RESPONSE: Variant = { strict: true, request: false, closed: true };
const OPEN_REQUEST: Variant = { strict: false, request: true, closed: false };
const STRICT_REQUEST: Variant = { strict: true, request: true, closed: true };

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await z schemas strictSchemas requestSchemas strictRequestSchemas operations webhooks schemaPointers".split(
    " ",
  ),
);

/**
 * A valid identifier derived from an OpenAPI name: characters outside `[A-Za-z0-9_$]` become `_`,
 * a leading digit gets a `_` prefix. `microsoft.graph.call` -> `microsoft_graph_call`.
 */
export function identifierFor(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_$]/g, "_");
  if (id === "" || /^[0-9]/.test(id)) id = `_${id}`;
  return id;
}

/** Exported name of a component's validator in a given variant. */
export function componentExportName(
  name: string,
  variant: { strict: boolean; request: boolean },
): string {
  return `${identifierFor(name)}${variant.strict ? "Strict" : ""}${variant.request ? "Request" : ""}Schema`;
}

/** A media type whose body is JSON (`application/json`, `application/*+json`, with parameters). */
export function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    essence === "application/json" || /^[a-z]+\/[^/]*\+json$/.test(essence) || essence === "*/*"
  );
}

interface BodyPair {
  open: Definition;
  strict: Definition;
}
interface OperationEntry {
  key: string;
  method: string;
  path?: string;
  request?: BodyPair;
  responses: Array<[string, BodyPair]>;
}

/**
 * Generates one Zod 4 module from an OpenAPI 3.x document (already parsed).
 *
 * @example
 * const code = generateZod(parseDocument(readFileSync("openapi.yaml", "utf8")), { language: "ts" });
 */
export function generateZod(document: JsonObject, options: GenerateOptions = {}): string {
  const language = options.language ?? "ts";
  const version = document.openapi;
  if (typeof version !== "string" || !/^3\.[01]\./.test(version)) {
    throw new OpenApiZodError({
      kind: "document",
      pointer: "#/openapi",
      message: `Unsupported OpenAPI version ${JSON.stringify(version)}`,
      hint: "Pass an OpenAPI 3.0.x or 3.1.x document.",
    });
  }
  const compiler = new SchemaCompiler(document, { openapi30: version.startsWith("3.0.") });
  const claim = nameClaimer(RESERVED);

  // Declared types share one namespace of their own (TypeScript keeps types apart from values); global
  // types the module itself uses are never shadowed.
  const claimType = nameClaimer(TYPE_RESERVED);
  const emitter = new TypeEmitter(compiler);
  const typeDeclarations: Array<[string, string, boolean]> = [];
  const declareType = (pointer: string, request: boolean, wanted: string): void => {
    if (emitter.nameOf(pointer, request) !== undefined) return;
    const name = claimType(wanted);
    emitter.name(pointer, request, name);
    typeDeclarations.push([name, pointer, request]);
  };

  const components =
    isObject(document.components) && isObject(document.components.schemas)
      ? document.components.schemas
      : {};
  const aliases: Array<[string, Definition, string, boolean]> = [];
  const componentEntries: Array<
    [string, Record<"open" | "strict" | "openRequest" | "strictRequest", Definition>]
  > = [];
  for (const name of Object.keys(components)) {
    const pointer = childPointer("#/components/schemas", name);
    const typeName = typeNameFor(name);
    declareType(pointer, false, typeName);
    if (emitter.requestDiffers(pointer)) declareType(pointer, true, `${typeName}Request`);
    const set = {
      open: compiler.definition(pointer, OPEN_RESPONSE),
      strict: compiler.definition(pointer, STRICT_RESPONSE),
      openRequest: compiler.definition(pointer, OPEN_REQUEST),
      strictRequest: compiler.definition(pointer, STRICT_REQUEST),
    };
    const variants: Array<[Definition, Variant]> = [
      [set.open, OPEN_RESPONSE],
      [set.strict, STRICT_RESPONSE],
      [set.openRequest, OPEN_REQUEST],
      [set.strictRequest, STRICT_REQUEST],
    ];
    for (const [definition, variant] of variants) {
      if (definition.name === "" && definition.pointer === pointer) {
        definition.name = claim(componentExportName(name, variant));
        definition.exported = true;
      } else {
        // Same validator as another variant (or a pure alias of another component): export the name anyway.
        aliases.push([
          claim(componentExportName(name, variant)),
          definition,
          pointer,
          variant.request,
        ]);
      }
    }
    componentEntries.push([name, set]);
  }

  const bodies: Array<[string, BodyPair]> = [];
  const bodyPair = (pointer: string, request: boolean, baseName: string): BodyPair => {
    const pair = {
      open: compiler.definition(pointer, request ? OPEN_REQUEST : OPEN_RESPONSE),
      strict: compiler.definition(pointer, request ? STRICT_REQUEST : STRICT_RESPONSE),
    };
    if (
      (pair.open.name === "" && pair.open.pointer === pointer) ||
      (pair.strict.name === "" && pair.strict.pointer === pointer)
    )
      declareType(pointer, request, typeNameFor(baseName));
    if (pair.open.name === "" && pair.open.pointer === pointer) {
      pair.open.name = claim(`${baseName}Schema`);
      pair.open.exported = true;
    }
    if (pair.strict.name === "" && pair.strict.pointer === pointer) {
      pair.strict.name = claim(`${baseName}StrictSchema`);
      pair.strict.exported = true;
    }
    bodies.push([pointer, pair]);
    return pair;
  };

  const operations: OperationEntry[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = childPointer("#/paths", path);
    const [item, itemAt] = resolveObject(compiler, rawItem, itemPointer);
    for (const method of METHODS) {
      if (!isObject(item[method])) continue;
      const operation = item[method] as JsonObject;
      const at = childPointer(itemAt, method);
      const key =
        typeof operation.operationId === "string"
          ? operation.operationId
          : `${method.toUpperCase()} ${path}`;
      operations.push(collectOperation(compiler, operation, at, key, method, path, bodyPair));
    }
  }
  const webhookEntries: OperationEntry[] = [];
  const webhooks = isObject(document.webhooks) ? document.webhooks : {};
  for (const [name, rawItem] of Object.entries(webhooks)) {
    const [item, itemAt] = resolveObject(compiler, rawItem, childPointer("#/webhooks", name));
    const method = METHODS.find((m) => isObject(item[m]));
    if (method === undefined) continue;
    webhookEntries.push(
      collectOperation(
        compiler,
        item[method] as JsonObject,
        childPointer(itemAt, method),
        name,
        method,
        undefined,
        bodyPair,
      ),
    );
  }

  const fastPath =
    options.fastPath === false ? undefined : new FastPath(compiler, language === "ts");
  compiler.fastPath = fastPath;
  if (fastPath !== undefined) compiler.use("$withFastPath");
  compiler.compilePending();
  compiler.shareStrictTwins();
  const ordered = orderDefinitions(compiler.definitions);
  let anonymous = 0;
  for (const definition of compiler.definitions) {
    if (definition.name === "") {
      const tokens = definition.pointer.split("/").slice(-2).join("_");
      const suffix = `${definition.variant.strict ? "Strict" : ""}${definition.variant.request ? "Request" : ""}${definition.variant.strict && !definition.variant.closed ? "Open" : ""}`;
      definition.name = claim(`_${identifierFor(tokens.replace(/^#_?/, ""))}${suffix}`);
      anonymous++;
    }
  }
  void anonymous;

  const ts = language === "ts";
  const validatorType = (pointer: string, request: boolean): string => {
    const type = emitter.nameOf(pointer, request) ?? emitter.declaration(pointer, request);
    return `z.ZodType<${type}, ${type}>`;
  };
  const lines: string[] = [];
  lines.push(
    `// Generated by @graph-recording/openapi-zod from ${options.source ?? "an OpenAPI document"}. Do not edit: regenerate instead.`,
    "",
    'import * as z from "zod";',
    "",
  );
  if (ts) lines.push(BUILDERS, "");
  if (ts) {
    for (const [name, pointer, request] of typeDeclarations) {
      lines.push(
        `/** \`${pointer}\` (${request ? "request" : "response"}). */`,
        `export type ${name} = ${emitter.declaration(pointer, request)};`,
        "",
      );
    }
  }
  if (compiler.helpers.size > 0) {
    for (const name of helperClosure(compiler.helpers)) {
      lines.push(renderHelper((helpers[name] as { code: string }).code, language), "");
    }
  }
  const byId = compiler.definitions;
  // An alias is declared right after the validator it names: tsc's control-flow analysis walks back from
  // each top-level reference to its declaration, so distance there costs type-checking time.
  const aliasesOf = new Map<number, Array<[string, string, boolean]>>();
  for (const [alias, definition, pointer, request] of aliases) {
    const list = aliasesOf.get(definition.id) ?? [];
    list.push([alias, pointer, request]);
    aliasesOf.set(definition.id, list);
  }
  // Each validator is built by a function declaration called once: references inside a function
  // declaration are resolved without walking the module's control flow back to their declarations,
  // which an arrow function (or a top-level expression) would do for every reference.
  const builder = (name: string, returnType: string, value: string): string[] => [
    `function ${name}()${ts && returnType !== "" ? `: ${returnType}` : ""} {`,
    `  return ${value.replace(/\n/g, "\n  ")};`,
    "}",
    "",
  ];
  for (const { definition, cyclic, component } of ordered) {
    const expression = definition.expression
      .replace(/\uE000(\d+)\uE000/g, (_, id: string) => {
        const target = byId[Number(id)] as Definition;
        return component.has(target.id) && cyclic ? `z.lazy(() => ${target.name})` : target.name;
      })
      .replace(/\uE001(\d+)\uE001/g, (_, id: string) => (byId[Number(id)] as Definition).name)
      .replace(/\uE002([^\uE003]*)\uE003/g, "");
    const annotation = !ts
      ? ""
      : definition.exported
        ? `: ${validatorType(definition.pointer, definition.variant.request)}`
        : cyclic
          ? ": $Schema"
          : "";
    const built = ts ? builderCalls(expression) : expression;
    const value =
      definition.fast === undefined ? built : `$withFastPath(${built}, ${fastName(definition)})`;
    lines.push(`/** ${describeDefinition(definition)} */`);
    lines.push(
      `${definition.exported ? "export " : ""}const ${definition.name}${annotation} = /* @__PURE__ */ ${builderName(definition.name)}();`,
      // An exported validator's builder returns \`any\`: the constant's annotation is the declared type users
      // see, which the Zod expression (built through the untyped-generics facade) cannot state itself.
      ...builder(builderName(definition.name), definition.exported ? "any" : "", value),
    );
    for (const [alias, pointer, request] of aliasesOf.get(definition.id) ?? []) {
      lines.push(
        `/** Same validator as \`${definition.name}\`. */`,
        `export const ${alias}${ts ? `: ${validatorType(pointer, request)}` : ""} = ${definition.name};`,
        "",
      );
    }
  }

  if (fastPath !== undefined) {
    const resolveFast = (code: string) =>
      code
        .replace(/\uE004(\d+)\uE004/g, (_, id: string) => fastName(byId[Number(id)] as Definition))
        .replace(/\uE000(\d+)\uE000/g, (_, id: string) => {
          const target = byId[Number(id)] as Definition;
          return target.fast === undefined ? target.name : fastName(target);
        });
    lines.push(
      "// Compiled checks of the fast path: the same verdicts as the Zod schemas above, without their issues.",
    );
    for (const constant of fastPath.constants) lines.push(resolveFast(constant));
    lines.push("");
    for (const { definition } of ordered) {
      if (definition.fast === undefined) continue;
      lines.push(
        `function ${fastName(definition)}(v${ts ? ": any" : ""})${ts ? ": boolean" : ""} {`,
        `  return ${resolveFast(definition.fast)};`,
        "}",
        "",
      );
    }
  }

  // Lookup tables carry explicit types in TypeScript (`typeof` each constant): declaration emit stays small
  // and tsc does not re-infer thousands of object members.
  const emitTable = (exportName: string, doc: string, tree: Tree) => {
    lines.push(`/** ${doc} */`);
    lines.push(`export const ${exportName} = /* @__PURE__ */ ${builderName(exportName)}();`);
    lines.push(
      ...builder(
        builderName(exportName),
        renderTree(tree, "type", ""),
        renderTree(tree, "value", ""),
      ),
    );
  };
  const ref = (definition: Definition): Tree => ({ ref: definition });
  const table = (entries: Array<[string, Tree]>): Tree => ({ entries });
  const pair = (p: BodyPair): Tree =>
    table([
      ["open", ref(p.open)],
      ["strict", ref(p.strict)],
    ]);
  const componentTable = (pick: (set: (typeof componentEntries)[number][1]) => Definition) =>
    table(componentEntries.map(([name, set]) => [name, ref(pick(set))]));
  // The four component records share two declared types (open and strict validators of a component
  // have the same TypeScript type), written once instead of `typeof` each constant.
  const recordType = (typeName: string, request: boolean): string => {
    if (!ts) return "";
    const members = componentEntries.map(
      ([name]) =>
        `  readonly ${propertyKey(name)}: ${validatorType(childPointer("#/components/schemas", name), request)};`,
    );
    lines.push(
      `/** Validators of \`components.schemas\` keyed by component name, ${request ? "request" : "response"} direction. */`,
      // A type literal, not an interface: it stays assignable to \`Record<string, z.ZodType>\`.
      members.length === 0
        ? `export type ${typeName} = {};`
        : `export type ${typeName} = {\n${members.join("\n")}\n};`,
      "",
    );
    return typeName;
  };
  const responseRecord = recordType(claimType("ComponentSchemas"), false);
  const requestRecord = recordType(claimType("ComponentRequestSchemas"), true);
  const emitRecord = (exportName: string, doc: string, type: string, tree: Tree) => {
    lines.push(`/** ${doc} */`);
    lines.push(`export const ${exportName} = /* @__PURE__ */ ${builderName(exportName)}();`);
    lines.push(...builder(builderName(exportName), type, renderTree(tree, "value", "")));
  };
  emitRecord(
    "schemas",
    "Open-mode validators of `components.schemas`, response direction, keyed by component name.",
    responseRecord,
    componentTable((s) => s.open),
  );
  emitRecord(
    "strictSchemas",
    "Strict-mode validators of `components.schemas`, response direction.",
    responseRecord,
    componentTable((s) => s.strict),
  );
  emitRecord(
    "requestSchemas",
    "Open-mode validators of `components.schemas`, request direction.",
    requestRecord,
    componentTable((s) => s.openRequest),
  );
  emitRecord(
    "strictRequestSchemas",
    "Strict-mode validators of `components.schemas`, request direction.",
    requestRecord,
    componentTable((s) => s.strictRequest),
  );

  const operationTree = (entry: OperationEntry, withPath: boolean): Tree => {
    const entries: Array<[string, Tree]> = [["method", { literal: JSON.stringify(entry.method) }]];
    if (withPath) entries.push(["path", { literal: JSON.stringify(entry.path) }]);
    if (entry.request) entries.push(["request", pair(entry.request)]);
    entries.push([
      "responses",
      table(entry.responses.map(([status, body]) => [status, pair(body)])),
    ]);
    return table(entries);
  };
  emitTable(
    "operations",
    "Request and response body validators (JSON media types) by operationId.",
    table(operations.map((entry) => [entry.key, operationTree(entry, true)])),
  );
  emitTable(
    "webhooks",
    "Payload and response body validators (JSON media types) by webhook name.",
    table(webhookEntries.map((entry) => [entry.key, operationTree(entry, false)])),
  );

  const pointerEntries: Array<[string, Tree]> = [];
  const seenPointers = new Set<string>();
  for (const [name, set] of componentEntries) {
    const pointer = childPointer("#/components/schemas", name);
    seenPointers.add(pointer);
    pointerEntries.push([pointer, pair({ open: set.open, strict: set.strict })]);
  }
  for (const [pointer, body] of bodies) {
    if (seenPointers.has(pointer)) continue;
    seenPointers.add(pointer);
    pointerEntries.push([pointer, pair(body)]);
  }
  emitTable(
    "schemaPointers",
    "The open and strict validator of every exported schema, keyed by its JSON pointer in the document.",
    table(pointerEntries),
  );
  return lines.join("\n");
}

/** Reads an OpenAPI document (YAML or JSON) from disk and generates the module. */
export async function generateZodFromFile(
  path: string,
  options: GenerateOptions = {},
): Promise<string> {
  const document = await loadDocument(path);
  return generateZod(document, { source: options.source ?? path, ...options });
}

const fastName = (definition: Definition) => `$check_${definition.name}`;
const builderName = (name: string) => `$build_${name}`;

/** Global types the emitted helpers and annotations name, which a declared type must not shadow. */
const TYPE_RESERVED = new Set(
  "Array Boolean Date Error Function Map Number Object Promise PropertyKey Readonly ReadonlyArray ReadonlySet Record RegExp Set String Symbol $Schema $Evaluation $Seen $Test".split(
    " ",
  ),
);

/** The declared type name for an OpenAPI name: its identifier with an upper-case first letter. */
export function typeNameFor(name: string): string {
  const id = identifierFor(name);
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** The facade the TypeScript output builds its validators with (see the comment it carries). */
const BUILDERS = `/**
 * Zod's builders with short, non-generic signatures (the same object as \`z\`): exported validators carry
 * declared types, so type-checking this module does not infer Zod's generic types through every schema.
 */
type $Schema = z.ZodType<any, any>;
const $z: {
  unknown(): $Schema;
  never(): $Schema;
  null(): $Schema;
  boolean(): $Schema;
  string(): z.ZodString;
  number(): z.ZodNumber;
  enum(values: readonly [string, ...string[]]): $Schema;
  literal(value: z.core.util.Literal): $Schema;
  literal(values: readonly z.core.util.Literal[]): $Schema;
  array(items: $Schema): z.ZodArray<$Schema>;
  tuple(items: readonly [$Schema, ...$Schema[]], rest?: $Schema): $Schema;
  tuple(items: readonly [], rest?: $Schema): $Schema;
  looseObject(shape: Record<string, $Schema>): $Schema;
  strictObject(shape: Record<string, $Schema>): $Schema;
  object(shape: Record<string, $Schema>): { catchall(schema: $Schema): $Schema };
  intersection(left: $Schema, right: $Schema): $Schema;
  union(options: readonly $Schema[]): $Schema;
  xor(options: readonly $Schema[]): $Schema;
  custom(): $Schema;
  lazy(getter: () => $Schema): $Schema;
} = z;`;

/**
 * Hands out unique identifiers: the wanted one, or the first of `wanted2`, `wanted3`, ... not yet
 * taken (the reserved names count as taken).
 */
function nameClaimer(reserved: Iterable<string>): (wanted: string) => string {
  const taken = new Set<string>(reserved);
  return (wanted) => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`;
    taken.add(name);
    return name;
  };
}

/** Points the Zod builder calls of an expression (\`z.looseObject(\`) at \`$z\`, leaving string literals alone. */
function builderCalls(expression: string): string {
  let out = "";
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i] as string;
    if (c === '"') {
      let end = i + 1;
      while (end < expression.length && expression[end] !== '"')
        end += expression[end] === "\\" ? 2 : 1;
      out += expression.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === "z" && expression[i + 1] === "." && !/[\w$.]/.test(expression[i - 1] ?? ""))
      out += "$";
    out += c;
  }
  return out;
}

function describeDefinition(definition: Definition): string {
  const mode = definition.variant.strict
    ? definition.variant.closed
      ? "strict"
      : "strict, open at this level"
    : "open";
  return `\`${definition.pointer}\` (${mode}, ${definition.variant.request ? "request" : "response"}).`;
}

/** Follows the `$ref`s of a path item, request body or response to the object they lead to, and its pointer. */
function resolveObject(
  compiler: SchemaCompiler,
  value: unknown,
  pointer: string,
): [JsonObject, string] {
  let resolved: { value: unknown; pointer: string };
  try {
    resolved = resolveRefs({ document: compiler.document }, pointer.slice(1), value);
  } catch (error) {
    throw generatorError(error);
  }
  const at = `#${resolved.pointer}`;
  if (!isObject(resolved.value)) {
    throw new OpenApiZodError({
      kind: "document",
      pointer: at,
      message: "Expected an object",
      hint: "Fix the document structure at this location.",
    });
  }
  return [resolved.value, at];
}

function jsonSchemaPointer(
  compiler: SchemaCompiler,
  container: JsonObject,
  at: string,
): string | undefined {
  if (!isObject(container.content)) return undefined;
  for (const [mediaType, media] of Object.entries(container.content)) {
    if (!isJsonMediaType(mediaType) || !isObject(media) || media.schema === undefined) continue;
    const pointer = childPointer(at, "content", mediaType, "schema");
    compiler.schemaAt(pointer, pointer);
    return pointer;
  }
  return undefined;
}

function collectOperation(
  compiler: SchemaCompiler,
  operation: JsonObject,
  at: string,
  key: string,
  method: string,
  path: string | undefined,
  bodyPair: (pointer: string, request: boolean, baseName: string) => BodyPair,
): OperationEntry {
  const base = identifierFor(key.replace(/[{}]/g, ""));
  const entry: OperationEntry = { key, method, responses: [] };
  if (path !== undefined) entry.path = path;
  if (operation.requestBody !== undefined) {
    const [body, bodyAt] = resolveObject(
      compiler,
      operation.requestBody,
      childPointer(at, "requestBody"),
    );
    const pointer = jsonSchemaPointer(compiler, body, bodyAt);
    if (pointer !== undefined) entry.request = bodyPair(pointer, true, `${base}RequestBody`);
  }
  if (isObject(operation.responses)) {
    for (const [status, raw] of Object.entries(operation.responses)) {
      const [response, responseAt] = resolveObject(
        compiler,
        raw,
        childPointer(at, "responses", status),
      );
      const pointer = jsonSchemaPointer(compiler, response, responseAt);
      if (pointer !== undefined)
        entry.responses.push([
          status,
          bodyPair(pointer, false, `${base}Response${identifierFor(status)}`),
        ]);
    }
  }
  return entry;
}

type Tree = { ref: Definition } | { literal: string } | { entries: Array<[string, Tree]> };

/** Renders a lookup table as a value (`{ a: aSchema }`) or as its type (`{ readonly a: typeof aSchema }`). */
function renderTree(tree: Tree, mode: "value" | "type", indentation: string): string {
  if ("ref" in tree) return mode === "value" ? tree.ref.name : `typeof ${tree.ref.name}`;
  if ("literal" in tree) return tree.literal;
  if (tree.entries.length === 0)
    return mode === "value" ? "{}" : "{ readonly [key: string]: never }";
  const key = (k: string) => (mode === "type" ? `readonly ${propertyKey(k)}` : propertyKey(k));
  const separator = mode === "value" ? "," : ";";
  const flat = tree.entries.every(([, t]) => !("entries" in t)) && tree.entries.length <= 2;
  if (flat)
    return `{ ${tree.entries.map(([k, t]) => `${key(k)}: ${renderTree(t, mode, indentation)}`).join(`${separator} `)} }`;
  const inner = `${indentation}  `;
  const body = tree.entries
    .map(([k, t]) => `${inner}${key(k)}: ${renderTree(t, mode, inner)}${separator}`)
    .join("\n");
  return `{\n${body}\n${indentation}}`;
}

interface Ordered {
  definition: Definition;
  cyclic: boolean;
  component: Set<number>;
}

/** Dependencies first (Tarjan's strongly connected components); members of a cycle reference each other lazily. */
function orderDefinitions(definitions: Definition[]): Ordered[] {
  const edges = definitions.map((d) => {
    const out = new Set<number>();
    for (const match of d.expression.matchAll(/\uE000(\d+)\uE000/g)) out.add(Number(match[1]));
    return [...out].sort((a, b) => a - b);
  });
  const index = new Array<number>(definitions.length).fill(-1);
  const low = new Array<number>(definitions.length).fill(0);
  const onStack = new Array<boolean>(definitions.length).fill(false);
  const stack: number[] = [];
  const result: Ordered[] = [];
  let counter = 0;
  for (let start = 0; start < definitions.length; start++) {
    if (index[start] !== -1) continue;
    // Iterative Tarjan: each frame is [node, next edge position].
    const frames: Array<[number, number]> = [[start, 0]];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [node, position] = frame;
      const next = (edges[node] as number[])[position];
      if (next !== undefined) {
        frame[1]++;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = true;
          frames.push([next, 0]);
        } else if (onStack[next]) {
          low[node] = Math.min(low[node] as number, index[next] as number);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined)
        low[parent[0]] = Math.min(low[parent[0]] as number, low[node] as number);
      if (low[node] === index[node]) {
        const members: number[] = [];
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = false;
          members.push(member);
        } while (member !== node);
        members.sort((a, b) => a - b);
        const component = new Set(members);
        const cyclic = members.length > 1 || (edges[node] as number[]).includes(node);
        for (const id of members)
          result.push({ definition: definitions[id] as Definition, cyclic, component });
      }
    }
  }
  return result;
}
