/**
 * Reads spec/openapi.yaml (located relative to the repository root) and checks payloads against
 * it with Ajv's JSON Schema 2020-12 validator: response bodies by operationId and status,
 * request bodies by operationId, webhook payloads by webhook name.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  childPointer,
  parseSpecDocument,
  resolveRefs,
  type SpecDocument,
} from "@graph-recording/openapi-zod/document";
import { Ajv2020 } from "ajv/dist/2020.js";

/** Where the spec lives, from this package. */
export const SPEC_PATH = fileURLToPath(new URL("../../../spec/openapi.yaml", import.meta.url));

type Json = Record<string, unknown>;

/** One operation of the spec. */
export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** JSON pointer of the operation object. */
  pointer: string;
  operation: Json;
  betaOnly: boolean;
}

/** The parsed spec with lookups and validators. */
export class SpecContract {
  readonly doc: Json;
  private readonly spec: SpecDocument;
  private readonly ajv: InstanceType<typeof Ajv2020>;

  constructor(text: string) {
    this.spec = parseSpecDocument(text, { file: SPEC_PATH, versions: ["3.1"] });
    this.doc = this.spec.document;
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    this.ajv.addSchema(this.doc, "spec");
  }

  /** Every operation under `paths`. */
  operations(): SpecOperation[] {
    const out: SpecOperation[] = [];
    const paths = this.doc.paths as Record<string, Json>;
    for (const [path, item] of Object.entries(paths)) {
      const servers = (item.servers as Array<{ url: string }> | undefined) ?? [];
      const betaOnly = servers.length > 0 && servers.every((s) => s.url.endsWith("/beta"));
      for (const method of ["get", "post", "patch", "delete", "put"]) {
        const operation = item[method] as Json | undefined;
        if (!operation) continue;
        out.push({
          operationId: String(operation.operationId),
          method: method.toUpperCase(),
          path,
          pointer: childPointer("/paths", path, method),
          operation,
          betaOnly,
        });
      }
    }
    return out;
  }

  /** Follows local `$ref`s (responses, request bodies), returning the object and its pointer. */
  resolve(node: Json, pointer: string): { node: Json; pointer: string } {
    const resolved = resolveRefs(this.spec, pointer, node);
    return { node: resolved.value as Json, pointer: resolved.pointer };
  }

  /** The response object the spec declares for a status (exact, then `4XX`, then `default`). */
  response(
    op: SpecOperation,
    status: number,
  ): { node: Json; pointer: string; key: string } | undefined {
    const responses = op.operation.responses as Json;
    for (const key of [String(status), `${String(status)[0]}XX`, "default"]) {
      if (responses[key]) {
        const resolved = this.resolve(
          responses[key] as Json,
          childPointer(op.pointer, "responses", key),
        );
        return { ...resolved, key };
      }
    }
    return undefined;
  }

  /** Validates a JSON value against the schema at a pointer; returns the error texts. */
  validate(schemaPointer: string, value: unknown): string[] {
    const validate = this.ajv.getSchema(`spec#${schemaPointer}`);
    if (!validate) return [`no schema at ${schemaPointer}`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || "/"} ${e.message} (${e.schemaPath})`,
    );
  }

  /** Pointer of the JSON schema of a request body, if the operation takes one. */
  requestSchemaPointer(op: SpecOperation): string | undefined {
    const body = op.operation.requestBody as Json | undefined;
    if (!body) return undefined;
    const { node, pointer } = this.resolve(body, `${op.pointer}/requestBody`);
    const content = node.content as Record<string, Json> | undefined;
    return content?.["application/json"]
      ? childPointer(pointer, "content", "application/json", "schema")
      : undefined;
  }

  /** The request examples of an operation, with their verdict (`x-expect`). */
  requestExamples(op: SpecOperation): Array<{ name: string; value: unknown; expect: string }> {
    const body = op.operation.requestBody as Json | undefined;
    if (!body) return [];
    const { node, pointer } = this.resolve(body, `${op.pointer}/requestBody`);
    const media = (node.content as Record<string, Json> | undefined)?.["application/json"];
    const examples = (media?.examples ?? {}) as Record<string, Json>;
    return Object.entries(examples).map(([name, example]) => {
      const at = childPointer(pointer, "content", "application/json", "examples", name);
      const resolved = this.resolve(example, at).node;
      return { name, value: resolved.value, expect: String(resolved["x-expect"] ?? "valid") };
    });
  }

  /** Pointer of a webhook's JSON request schema. */
  webhookSchemaPointer(name: string): string {
    return childPointer(
      "/webhooks",
      name,
      "post",
      "requestBody",
      "content",
      "application/json",
      "schema",
    );
  }
}

/** Loads the spec, or returns undefined when the repository has none. */
export function loadSpec(): SpecContract | undefined {
  return existsSync(SPEC_PATH) ? new SpecContract(readFileSync(SPEC_PATH, "utf8")) : undefined;
}
