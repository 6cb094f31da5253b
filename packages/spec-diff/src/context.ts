import {
  pointerTokens,
  type ResolvedRef,
  resolveRefs,
  SpecDocumentError,
} from "@graph-recording/openapi-zod/document";
import { isRecord } from "./json-values.js";
import { type ChangeClass, type SpecChange, sortChanges } from "./model.js";

/**
 * Which way data flows, seen from the code that uses our packages: `input` is what it sends
 * (operation requests, webhook responses), `output` what it receives (operation responses,
 * webhook requests).
 */
export type Direction = "input" | "output";

/** The directions a schema or component is used in. */
export type Directions = ReadonlySet<Direction>;

/** Where a comparison stands: the pointer it reports at and the directions the data flows in. */
export interface DiffSite {
  pointer: string;
  directions: Directions;
}

/** Both directions: the conservative choice for anything whose use is unknown. */
export const bothDirections: Directions = new Set<Direction>(["input", "output"]);

/** A spec that cannot be compared: names the JSON pointer and what is wrong. */
export class SpecInputError extends Error {
  constructor(
    readonly source: string,
    readonly pointer: string,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`${source}${pointer ? ` at ${pointer}` : ""}: ${problem}`, options);
    this.name = "SpecInputError";
  }
}

/** The SpecInputError for a spec that cannot be read or followed; any other error as it is. */
export function specInputError(error: unknown, source: string): unknown {
  if (!(error instanceof SpecDocumentError)) return error;
  const { line, column, pointer } = error.location;
  const position =
    line === undefined ? "" : `line ${line}${column === undefined ? "" : `, column ${column}`}: `;
  return new SpecInputError(source, pointer ?? "", `${position}${error.reason}`, { cause: error });
}

/** The two documents under comparison, the uses of their components, and the changes found. */
export class DiffContext {
  readonly changes: SpecChange[] = [];
  private readonly reported = new Set<string>();
  private readonly componentUse = new Map<string, Set<Direction>>();

  constructor(
    readonly before: Record<string, unknown>,
    readonly after: Record<string, unknown>,
  ) {
    for (const document of [before, after]) {
      for (const [key, directions] of componentDirections(document)) {
        const known = this.componentUse.get(key) ?? new Set<Direction>();
        for (const direction of directions) known.add(direction);
        this.componentUse.set(key, known);
      }
    }
  }

  /** Records one change. */
  report(pointer: string, changeClass: ChangeClass, rule: string, message: string): void {
    // A path-level parameter is compared once per operation that inherits it: report it once.
    const key = `${pointer}\u0000${rule}\u0000${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.changes.push({ pointer, class: changeClass, rule, message });
  }

  /** The directions a component (`schemas/recordOperation`) is used in; both when unused. */
  directionsOf(kind: string, name: string): Directions {
    const found = this.componentUse.get(`${kind}/${name}`);
    return found && found.size > 0 ? found : bothDirections;
  }

  /** The sorted list of changes. */
  sorted(): SpecChange[] {
    return sortChanges(this.changes);
  }
}

/** The component a local reference points to (`{ kind: "schemas", name }`), if it does. */
export function componentOfRef(ref: unknown): { kind: string; name: string } | undefined {
  if (typeof ref !== "string" || !ref.startsWith("#/components/")) return undefined;
  const tokens = pointerTokens(ref);
  if (tokens?.length !== 3) return undefined;
  return { kind: tokens[1] as string, name: tokens[2] as string };
}

/**
 * Follows a local `$ref` (and chains of them) in `document`; siblings of `$ref` override the
 * target's keywords, the outermost reference's first. Throws a SpecInputError naming the pointer
 * of a reference that is external, dangling, circular or not to an object.
 */
export function resolveRef(
  document: Record<string, unknown>,
  value: Record<string, unknown>,
  where: { source: string; pointer: string },
): Record<string, unknown> {
  let resolved: ResolvedRef;
  try {
    resolved = resolveRefs({ document }, where.pointer, value);
  } catch (error) {
    throw specInputError(error, where.source);
  }
  if (!isRecord(resolved.value)) {
    const ref = resolved.refs.at(-1)?.$ref;
    throw new SpecInputError(
      where.source,
      where.pointer,
      `$ref ${JSON.stringify(ref)} points to ${JSON.stringify(resolved.value)}, not an object`,
    );
  }
  let merged = resolved.value;
  for (const { $ref: _target, ...siblings } of resolved.refs.toReversed()) {
    merged = { ...merged, ...siblings };
  }
  return merged;
}

/** The direction of a path item's requests and of its responses. */
export interface PathItemFlow {
  request: Direction;
  response: Direction;
}

/** Operations: the application sends the request and receives the response. */
export const operationFlow: PathItemFlow = { request: "input", response: "output" };

/** Webhooks are sent to the application: it receives the request and sends the response. */
export const webhookFlow: PathItemFlow = { request: "output", response: "input" };

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The HTTP methods of a path item, in a fixed order. */
export function operationMethods(pathItem: Record<string, unknown>): string[] {
  return httpMethods.filter((method) => isRecord(pathItem[method]));
}

/**
 * For every component reachable from an operation or webhook, the directions it is used in.
 * Keys read `schemas/<name>`, `responses/<name>`, ...
 */
function componentDirections(document: Record<string, unknown>): Map<string, Set<Direction>> {
  const use = new Map<string, Set<Direction>>();
  const mark = (value: unknown, direction: Direction): void => {
    if (Array.isArray(value)) {
      for (const item of value) mark(item, direction);
      return;
    }
    if (!isRecord(value)) return;
    const component = componentOfRef(value.$ref);
    if (component) {
      const key = `${component.kind}/${component.name}`;
      const known = use.get(key) ?? new Set<Direction>();
      if (!known.has(direction)) {
        known.add(direction);
        use.set(key, known);
        const components = document.components;
        const byKind = isRecord(components) ? components[component.kind] : undefined;
        mark(isRecord(byKind) ? byKind[component.name] : undefined, direction);
      }
    }
    for (const [key, child] of Object.entries(value)) if (key !== "$ref") mark(child, direction);
  };
  const visitPathItems = (items: unknown, flow: PathItemFlow): void => {
    if (!isRecord(items)) return;
    for (const pathItem of Object.values(items)) {
      if (!isRecord(pathItem)) continue;
      mark(pathItem.parameters, flow.request);
      for (const method of operationMethods(pathItem)) {
        const operation = pathItem[method] as Record<string, unknown>;
        mark(operation.parameters, flow.request);
        mark(operation.requestBody, flow.request);
        mark(operation.responses, flow.response);
      }
    }
  };
  visitPathItems(document.paths, operationFlow);
  visitPathItems(document.webhooks, webhookFlow);
  return use;
}
