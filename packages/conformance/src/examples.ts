import { childPointer, isRefObject } from "@graph-recording/openapi-zod/document";
import { type Defect, readVerdict } from "./example-verdict.js";
import { asRecord, entries, subschemas } from "./schema-tree.js";

export type { Defect } from "./example-verdict.js";

import { type Resolved, resolveRefs, type SpecDocument } from "./spec-document.js";

/** Which way a payload travels, which decides how readOnly and writeOnly apply. */
export type Direction = "request" | "response";

/** What an example illustrates: an operation's request or response, a webhook, a schema, ... */
export interface ExampleTarget {
  kind: "operation" | "webhook" | "callback" | "schema" | "parameter" | "header" | "component";
  /** Heading the reports group examples under, e.g. `recordResponse (POST /communications/...)`. */
  group: string;
  operationId?: string;
  method?: string;
  path?: string;
  webhook?: string;
  callback?: string;
  /** Response status code (`200`, `2XX`, `default`) for response examples. */
  status?: string;
  mediaType?: string;
  /** Component schema name for examples written on `components.schemas` entries. */
  schemaName?: string;
  /** `name (in)` for parameter examples, the header name for header examples. */
  parameter?: string;
}

/** One example found in a spec, with everything needed to check it. */
export interface ExampleCase {
  /** Unique within one spec: the pointer where the example is used. */
  id: string;
  /** The key in its `examples` map, `example`, or `examples[i]` for schema-level arrays. */
  name: string;
  /** Where the example is written (the `examples` entry, possibly a `$ref`). */
  pointer: string;
  /** Where its value lives after following `$ref` (a `components.examples` entry, for instance). */
  definitionPointer: string;
  /** Source line of the definition in the spec file. */
  line?: number;
  value: unknown;
  /** JSON pointer of the schema the example illustrates. */
  schemaPointer: string;
  /**
   * `media-type`: written beside a schema (media type, parameter, header), illustrating the whole
   * body or value; `schema`: written inside a schema, illustrating that (sub)schema only.
   */
  level: "media-type" | "schema";
  direction: Direction;
  target: ExampleTarget;
  /** `x-source`: the document the example was taken from. */
  source?: string;
  expect: "valid" | "invalid";
  /** False when the example carries no `x-expect` (schema-level and bare `example` values). */
  expectDeclared: boolean;
  defects: Defect[];
  /** Problems with how the example is written in the spec; any of them fails the example. */
  problems: string[];
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Walks a spec and returns every example in it, each with the schema it illustrates. */
export function collectExamples(spec: SpecDocument): ExampleCase[] {
  const walker = new ExampleWalker(spec);
  walker.walkDocument();
  return walker.cases;
}

class ExampleWalker {
  readonly cases: ExampleCase[] = [];
  private readonly usedDefinitions = new Set<string>();
  private readonly walkedSchemas = new Set<string>();
  private readonly checkedKeys = new Set<string>();

  constructor(private readonly spec: SpecDocument) {}

  walkDocument(): void {
    const document = this.spec.document;
    for (const [path, item] of entries(document.paths)) {
      this.walkPathItem(childPointer("/paths", path), item, path, (method, operation) => ({
        kind: "operation",
        group: operationGroup(operation, method, path),
        method: method.toUpperCase(),
        path,
        ...operationIdOf(operation),
      }));
    }
    for (const [name, item] of entries(document.webhooks)) {
      this.walkPathItem(childPointer("/webhooks", name), item, `webhook ${name}`, (method) => ({
        kind: "webhook",
        group: `webhook ${name}`,
        webhook: name,
        method: method.toUpperCase(),
      }));
    }
    this.walkUnusedComponents();
  }

  private walkPathItem(
    pointer: string,
    item: unknown,
    label: string,
    targetFor: (method: string, operation: Record<string, unknown>) => ExampleTarget,
  ): void {
    const resolved = this.follow(pointer, item);
    const pathItem = asRecord(resolved.value);
    if (!pathItem) return;
    this.walkParameters(childPointer(resolved.pointer, "parameters"), pathItem.parameters, {
      kind: "parameter",
      group: label,
    });
    for (const method of methods) {
      const operation = asRecord(pathItem[method]);
      if (!operation) continue;
      const operationPointer = childPointer(resolved.pointer, method);
      this.walkOperation(operationPointer, operation, targetFor(method, operation));
    }
  }

  private walkOperation(
    pointer: string,
    operation: Record<string, unknown>,
    target: ExampleTarget,
  ): void {
    this.walkParameters(childPointer(pointer, "parameters"), operation.parameters, target);
    if (operation.requestBody !== undefined) {
      const body = this.follow(childPointer(pointer, "requestBody"), operation.requestBody);
      this.walkContent(body, { ...target }, "request");
    }
    for (const [status, response] of entries(operation.responses)) {
      const resolved = this.follow(childPointer(pointer, "responses", status), response);
      const responseTarget = { ...target, status };
      this.walkContent(resolved, responseTarget, "response");
      this.walkHeaders(resolved, responseTarget);
    }
    for (const [name, callback] of entries(operation.callbacks)) {
      const resolved = this.follow(childPointer(pointer, "callbacks", name), callback);
      for (const [expression, item] of entries(resolved.value)) {
        const label = `${target.group} callback ${name}`;
        this.walkPathItem(childPointer(resolved.pointer, expression), item, label, (method) => ({
          ...target,
          kind: "callback",
          group: `${target.group} callback ${name}`,
          callback: name,
          method: method.toUpperCase(),
          path: expression,
        }));
      }
    }
  }

  private walkParameters(pointer: string, parameters: unknown, target: ExampleTarget): void {
    if (!Array.isArray(parameters)) return;
    parameters.forEach((parameter, index) => {
      const resolved = this.follow(childPointer(pointer, index), parameter);
      const record = asRecord(resolved.value);
      if (!record) return;
      const label = `${String(record.name)} (${String(record.in)})`;
      this.walkExampleHolder(resolved.pointer, record, {
        target: { ...target, parameter: label },
        direction: "request",
      });
    });
  }

  private walkHeaders(response: Resolved, target: ExampleTarget): void {
    const headers = asRecord(response.value)?.headers;
    for (const [name, header] of entries(headers)) {
      const resolved = this.follow(childPointer(response.pointer, "headers", name), header);
      const record = asRecord(resolved.value);
      if (!record) continue;
      this.walkExampleHolder(resolved.pointer, record, {
        target: { ...target, parameter: `${name} (header)` },
        direction: "response",
      });
    }
  }

  private walkContent(holder: Resolved, target: ExampleTarget, direction: Direction): void {
    const content = asRecord(holder.value)?.content;
    for (const [mediaType, media] of entries(content)) {
      const record = asRecord(media);
      if (!record) continue;
      const pointer = childPointer(holder.pointer, "content", mediaType);
      this.walkMediaType(pointer, record, { target: { ...target, mediaType }, direction });
    }
  }

  /** A parameter or header: examples beside `schema`, or in `content` like a media type. */
  private walkExampleHolder(
    pointer: string,
    holder: Record<string, unknown>,
    context: { target: ExampleTarget; direction: Direction },
  ): void {
    if (holder.content !== undefined) {
      this.walkContent({ value: holder, pointer }, context.target, context.direction);
      return;
    }
    this.walkMediaType(pointer, holder, context);
  }

  /** A media type object (or a parameter/header with `schema`): its examples and its schema's. */
  private walkMediaType(
    pointer: string,
    media: Record<string, unknown>,
    context: { target: ExampleTarget; direction: Direction },
  ): void {
    const schemaPointer = childPointer(pointer, "schema");
    if (media.example !== undefined) {
      this.addCase({
        name: "example",
        pointer: childPointer(pointer, "example"),
        definitionPointer: childPointer(pointer, "example"),
        value: media.example,
        schemaPointer,
        ...context,
        verdict: undefined,
      });
    }
    for (const [name, example] of entries(media.examples)) {
      this.addExampleObject(childPointer(pointer, "examples", name), example, {
        name,
        schemaPointer,
        ...context,
      });
    }
    if (media.schema !== undefined) this.walkSchema(schemaPointer, media.schema, context);
  }

  private addExampleObject(
    pointer: string,
    example: unknown,
    context: {
      name: string;
      schemaPointer: string;
      target: ExampleTarget;
      direction: Direction;
    },
  ): void {
    const problems: string[] = [];
    let resolved: Resolved = { value: example, pointer };
    if (isRefObject(example)) {
      resolved = this.follow(pointer, example);
      this.usedDefinitions.add(resolved.pointer);
    }
    const record = asRecord(resolved.value);
    if (!record) {
      problems.push("an Example Object must be an object with `value`");
    }
    let value: unknown = record?.value;
    if (record && !("value" in record)) {
      value = undefined;
      problems.push(
        record.externalValue !== undefined
          ? `externalValue ${JSON.stringify(record.externalValue)} is not checked; inline the example as \`value\``
          : "the Example Object has no `value`",
      );
    }
    this.addCase({
      ...context,
      pointer,
      definitionPointer: resolved.pointer,
      value,
      verdict: record ?? {},
      extraProblems: problems,
    });
  }

  /** Schema-level `examples` (and the deprecated `example`) anywhere in a schema, not through $ref. */
  private walkSchema(
    pointer: string,
    schema: unknown,
    context: { target: ExampleTarget; direction: Direction },
  ): void {
    if (this.walkedSchemas.has(pointer)) return;
    this.walkedSchemas.add(pointer);
    const record = asRecord(schema);
    if (!record) return;
    if (Array.isArray(record.examples)) {
      record.examples.forEach((value, index) => {
        this.addCase({
          name: `examples[${index}]`,
          pointer: childPointer(pointer, "examples", index),
          definitionPointer: childPointer(pointer, "examples", index),
          value,
          schemaPointer: pointer,
          ...context,
          verdict: undefined,
          level: "schema",
        });
      });
    }
    if (record.example !== undefined) {
      this.addCase({
        name: "example",
        pointer: childPointer(pointer, "example"),
        definitionPointer: childPointer(pointer, "example"),
        value: record.example,
        schemaPointer: pointer,
        ...context,
        verdict: undefined,
        level: "schema",
      });
    }
    for (const [keyword, child] of subschemas(record)) {
      this.walkSchema(childPointer(pointer, ...keyword), child, context);
    }
  }

  /** Component entries that no operation or webhook reached, each checked on its own. */
  private walkUnusedComponents(): void {
    const components = asRecord(this.spec.document.components) ?? {};
    for (const [name, schema] of entries(components.schemas)) {
      const pointer = childPointer("/components/schemas", name);
      this.walkSchema(pointer, schema, {
        target: { kind: "schema", group: `schema ${name}`, schemaName: name },
        direction: "response",
      });
    }
    const standalone = (kind: string): ExampleTarget => ({ kind: "component", group: kind });
    for (const [name, body] of entries(components.requestBodies)) {
      const pointer = childPointer("/components/requestBodies", name);
      if (this.usedDefinitions.has(pointer)) continue;
      this.walkContent(
        { value: body, pointer },
        standalone(`components/requestBodies/${name}`),
        "request",
      );
    }
    for (const [name, response] of entries(components.responses)) {
      const pointer = childPointer("/components/responses", name);
      if (this.usedDefinitions.has(pointer)) continue;
      const target = standalone(`components/responses/${name}`);
      this.walkContent({ value: response, pointer }, target, "response");
      this.walkHeaders({ value: response, pointer }, target);
    }
    for (const [kind, direction] of [
      ["parameters", "request"],
      ["headers", "response"],
    ] as const) {
      for (const [name, holder] of entries(components[kind])) {
        const pointer = childPointer(`/components/${kind}`, name);
        const record = asRecord(holder);
        if (this.usedDefinitions.has(pointer) || !record) continue;
        const target = { ...standalone(`components/${kind}/${name}`), parameter: name };
        this.walkExampleHolder(pointer, record, { target, direction });
      }
    }
    for (const [name, item] of entries(components.pathItems)) {
      const pointer = childPointer("/components/pathItems", name);
      if (this.usedDefinitions.has(pointer)) continue;
      this.walkPathItem(pointer, item, `components/pathItems/${name}`, (method, operation) => ({
        kind: "operation",
        group: `components/pathItems/${name} ${method.toUpperCase()}`,
        method: method.toUpperCase(),
        ...operationIdOf(operation),
      }));
    }
    for (const [name, example] of entries(components.examples)) {
      const pointer = childPointer("/components/examples", name);
      if (this.usedDefinitions.has(pointer)) continue;
      this.addCase({
        name,
        pointer,
        definitionPointer: pointer,
        value: asRecord(example)?.value,
        schemaPointer: "",
        target: { kind: "component", group: "components/examples (not referenced)" },
        direction: "response",
        verdict: asRecord(example) ?? {},
        extraProblems: [
          "no media type, parameter or header references this example, so no schema says what it illustrates; reference it with $ref or remove it",
        ],
      });
    }
  }

  /** Follows `$ref`s, remembering which component definitions were reached. */
  private follow(pointer: string, value: unknown): Resolved {
    const resolved = resolveRefs(this.spec, pointer, value);
    if (resolved.pointer !== pointer) this.usedDefinitions.add(resolved.pointer);
    return resolved;
  }

  private addCase(input: {
    name: string;
    pointer: string;
    definitionPointer: string;
    value: unknown;
    schemaPointer: string;
    target: ExampleTarget;
    direction: Direction;
    /** The Example Object carrying `x-expect` etc., or undefined for bare values. */
    verdict: Record<string, unknown> | undefined;
    level?: ExampleCase["level"];
    extraProblems?: string[];
  }): void {
    const key = `${input.definitionPointer} ${input.schemaPointer} ${input.direction}`;
    // A shared component (a response reused by several operations) is checked once.
    if (this.checkedKeys.has(key)) return;
    this.checkedKeys.add(key);
    const problems = [...(input.extraProblems ?? [])];
    const verdict = readVerdict(input.verdict, problems);
    const location = this.spec.locate(input.definitionPointer);
    const source = input.verdict?.["x-source"];
    if (source !== undefined && typeof source !== "string") {
      problems.push("x-source must be a string");
    }
    this.cases.push({
      id: input.pointer,
      name: input.name,
      pointer: input.pointer,
      definitionPointer: input.definitionPointer,
      ...(location ? { line: location.line } : {}),
      value: input.value,
      schemaPointer: input.schemaPointer,
      level: input.level ?? "media-type",
      direction: input.direction,
      target: input.target,
      ...(typeof source === "string" ? { source } : {}),
      ...verdict,
      problems,
    });
  }
}

function operationGroup(operation: Record<string, unknown>, method: string, path: string): string {
  const route = `${method.toUpperCase()} ${path}`;
  return typeof operation.operationId === "string" ? `${operation.operationId} (${route})` : route;
}

function operationIdOf(operation: Record<string, unknown>): { operationId?: string } {
  return typeof operation.operationId === "string" ? { operationId: operation.operationId } : {};
}
