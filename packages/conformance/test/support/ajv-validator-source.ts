import { escapeToken, pointerTokens } from "@graph-recording/openapi-zod/document";
// TEST-ONLY: a validator module in the shape `@graph-recording/openapi-zod` generates (the
// `schemas`, `operations`, `webhooks`, `schemaPointers` records, each with a Zod-like `safeParse`),
// built from Ajv instead of Zod. It lets the pipeline be tested on small fixture specs without the
// generator; the end-to-end tests use the real generated validators.
import {
  createAjvValidators,
  type GeneratedValidators,
  type SafeParser,
  type SpecDocument,
  type ValidatorPair,
} from "../../src/index.js";

type Direction = "request" | "response";
// biome-ignore lint/suspicious/noExplicitAny: walks an arbitrary OpenAPI document; the test source is not typed.
type Loose = any;

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function segments(pointer: string): Array<string | number> {
  return (pointerTokens(pointer) ?? []).map((token) =>
    /^(0|[1-9]\d*)$/.test(token) ? Number(token) : token,
  );
}

/** Builds contract-shaped validators for a spec from Ajv (test-only). */
export function ajvValidatorSource(spec: SpecDocument): GeneratedValidators {
  const ajv = createAjvValidators(spec);
  const parser = (pointer: string, mode: "open" | "strict", direction: Direction): SafeParser => ({
    safeParse(value: unknown) {
      const verdict = ajv.validate({ pointer, mode, direction }, value);
      if (verdict.valid) return { success: true };
      return {
        success: false,
        error: {
          issues: verdict.issues.map((issue) => ({
            code: issue.code ?? "custom",
            path: segments(issue.path),
            message: issue.message,
          })),
        },
      };
    },
  });
  const pair = (pointer: string, direction: Direction): ValidatorPair => ({
    open: parser(pointer, "open", direction),
    strict: parser(pointer, "strict", direction),
  });
  const result: GeneratedValidators = {
    schemas: {},
    strictSchemas: {},
    requestSchemas: {},
    strictRequestSchemas: {},
    operations: {},
    webhooks: {},
    schemaPointers: {},
  };
  const document = spec.document as Record<string, Loose>;
  for (const name of Object.keys(document.components?.schemas ?? {})) {
    const pointer = `/components/schemas/${escapeToken(name)}`;
    result.schemas[name] = parser(pointer, "open", "response");
    result.strictSchemas[name] = parser(pointer, "strict", "response");
    result.requestSchemas[name] = parser(pointer, "open", "request");
    result.strictRequestSchemas[name] = parser(pointer, "strict", "request");
    result.schemaPointers[pointer] = pair(pointer, "response");
  }
  const resolve = (value: Loose, pointer: string): [Loose, string] => {
    while (value && typeof value.$ref === "string") {
      pointer = value.$ref.slice(1);
      value = segments(pointer).reduce((node: Loose, key) => node?.[key], document);
    }
    return [value, pointer];
  };
  const jsonSchemaPointer = (holder: Loose, pointer: string): string | undefined => {
    const [resolved, at] = resolve(holder, pointer);
    const mediaType = Object.keys(resolved?.content ?? {}).find((type) => /json/i.test(type));
    return mediaType ? `${at}/content/${escapeToken(mediaType)}/schema` : undefined;
  };
  const entry = (operation: Loose, pointer: string) => {
    const responses: Record<string, ValidatorPair> = {};
    for (const [status, response] of Object.entries<Loose>(operation.responses ?? {})) {
      const schema = jsonSchemaPointer(response, `${pointer}/responses/${escapeToken(status)}`);
      if (schema) {
        responses[status] = pair(schema, "response");
        result.schemaPointers[schema] = responses[status];
      }
    }
    const requestSchema = operation.requestBody
      ? jsonSchemaPointer(operation.requestBody, `${pointer}/requestBody`)
      : undefined;
    const request = requestSchema ? pair(requestSchema, "request") : undefined;
    if (requestSchema && request) result.schemaPointers[requestSchema] = request;
    return { responses, ...(request ? { request } : {}) };
  };
  for (const [path, item] of Object.entries<Loose>(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      result.operations[operation.operationId] = {
        method: method.toUpperCase(),
        path,
        ...entry(operation, `/paths/${escapeToken(path)}/${method}`),
      };
    }
  }
  for (const [name, item] of Object.entries<Loose>(document.webhooks ?? {})) {
    for (const method of methods) {
      if (!item[method]) continue;
      result.webhooks[name] = {
        method: method.toUpperCase(),
        ...entry(item[method], `/webhooks/${escapeToken(name)}/${method}`),
      };
    }
  }
  return result;
}
