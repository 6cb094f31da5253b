/**
 * What the rendered pages must show, read from spec/openapi.yaml: every operation and webhook with
 * its tag and summary, and whether it carries examples of its own (the conformance report has a
 * section for each one that does).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface MediaType {
  examples?: Record<string, unknown>;
  example?: unknown;
}
interface Bodyish {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  requestBody?: Bodyish;
  responses?: Record<string, Bodyish>;
}
type Document = {
  paths?: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, Bodyish>>;
};

/** One operation (`path` set) or webhook (`webhook` set) of the spec. */
export interface SpecOperation {
  operationId: string;
  method: string;
  path?: string;
  webhook?: string;
  summary: string;
  tag: string;
  hasExamples: boolean;
}

function resolve(document: Document, body: Bodyish | undefined): Bodyish | undefined {
  const ref = body?.$ref;
  if (!ref) return body;
  const [, , section, name] = ref.split("/"); // #/components/<section>/<name>
  const target = document.components?.[section ?? ""]?.[name ?? ""];
  if (!target) throw new Error(`spec/openapi.yaml: unresolved $ref ${ref}`);
  return resolve(document, target);
}

/**
 * Whether the operation has examples not already shown under an earlier operation: a request
 * body or response shared through `components` is reported once, under the first operation (in
 * document order) that references it.
 */
function carriesExamples(document: Document, operation: Operation, claimed: Set<string>): boolean {
  const bodies = [operation.requestBody, ...Object.values(operation.responses ?? {})];
  let found = false;
  for (const body of bodies) {
    const hasExamples = Object.values(resolve(document, body)?.content ?? {}).some(
      (media) => Object.keys(media.examples ?? {}).length > 0 || media.example !== undefined,
    );
    if (!hasExamples) continue;
    if (body?.$ref) {
      if (claimed.has(body.$ref)) continue;
      claimed.add(body.$ref);
    }
    found = true;
  }
  return found;
}

/** Every operation and webhook of the spec at `specPath`, in document order. */
export function specOperations(specPath: string): SpecOperation[] {
  const document = parse(readFileSync(specPath, "utf8")) as Document;
  const found: SpecOperation[] = [];
  const claimed = new Set<string>();
  const collect = (items: Document["paths"], kind: "path" | "webhook") => {
    for (const [key, item] of Object.entries(items ?? {})) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const operationId = operation.operationId ?? `${method} ${key}`;
        found.push({
          operationId,
          method: method.toUpperCase(),
          ...(kind === "path" ? { path: key } : { webhook: key }),
          summary: operation.summary ?? operationId,
          tag: operation.tags?.[0] ?? "default",
          hasExamples: carriesExamples(document, operation, claimed),
        });
      }
    }
  };
  collect(document.paths, "path");
  collect(document.webhooks, "webhook");
  return found;
}
