import { childPointer, pointerTokens } from "@graph-recording/openapi-zod/document";
import { diffComponents } from "./components-diff.js";
import {
  DiffContext,
  operationFlow,
  operationMethods,
  type PathItemFlow,
  SpecInputError,
  webhookFlow,
} from "./context.js";
import { asNode, diffOther, type Node, resolveSide, unionKeys } from "./diff-helpers.js";
import {
  diffParameters,
  diffRequestBody,
  diffResponses,
  type ParameterEntry,
} from "./http-objects.js";
import { isRecord, jsonEqual, show } from "./json-values.js";
import { maxClass, type SpecDiff } from "./model.js";
import { diffSecurity, diffServers } from "./servers-security.js";

/**
 * Compares two OpenAPI 3.1 documents and classifies every change as breaking, additive or
 * patch (see the package README for the rules). Local `$ref`s are resolved; a component is
 * compared once, at its own pointer, however many places refer to it.
 *
 * @example
 * const diff = diffSpecs(parse(oldYaml), parse(newYaml));
 * diff.class; // "breaking" | "additive" | "patch" | "none"
 */
export function diffSpecs(before: unknown, after: unknown): SpecDiff {
  if (!isRecord(before)) throw new SpecInputError("the older spec", "", "not an object");
  if (!isRecord(after)) throw new SpecInputError("the newer spec", "", "not an object");
  const ctx = new DiffContext(before, after);
  for (const key of unionKeys(before, after)) {
    const pointer = childPointer("", key);
    const was = before[key];
    const now = after[key];
    if (jsonEqual(was, now)) continue;
    switch (key) {
      case "openapi":
      case "info":
      case "tags":
      case "externalDocs":
        ctx.report(pointer, "patch", "documentation", `${key} changed`);
        break;
      case "servers":
        diffServers(ctx, was, now, pointer);
        break;
      case "security":
        diffSecurity(ctx, was, now, pointer);
        break;
      case "paths":
        diffPathItems(ctx, asNode(was), asNode(now), pointer, operationFlow);
        break;
      case "webhooks":
        diffPathItems(ctx, asNode(was), asNode(now), pointer, webhookFlow);
        break;
      case "components":
        diffComponents(ctx, asNode(was), asNode(now));
        break;
      default:
        diffOther(ctx, key, was, now, pointer);
    }
  }
  const changes = ctx.sorted();
  return {
    changes,
    class: changes.reduce<SpecDiff["class"]>(
      (worst, change) => maxClass(worst, change.class),
      "none",
    ),
  };
}

function diffPathItems(
  ctx: DiffContext,
  was: Node,
  now: Node,
  pointer: string,
  flow: PathItemFlow,
) {
  const noun = flow === webhookFlow ? "webhook" : "path";
  for (const key of unionKeys(was, now)) {
    const at = childPointer(pointer, key);
    const before = was[key];
    const after = now[key];
    if (!isRecord(after)) {
      const methods = isRecord(before) ? operationMethods(before).map((m) => m.toUpperCase()) : [];
      ctx.report(
        at,
        "breaking",
        `${noun}-removed`,
        `${noun} ${key} removed${methods.length ? ` (${methods.join(", ")})` : ""}`,
      );
    } else if (!isRecord(before)) {
      ctx.report(at, "additive", `${noun}-added`, `${noun} ${key} added`);
    } else if (!jsonEqual(before, after)) {
      diffPathItem(
        ctx,
        resolveSide(ctx, "before", before, at),
        resolveSide(ctx, "after", after, at),
        at,
        flow,
      );
    }
  }
}

function diffPathItem(ctx: DiffContext, was: Node, now: Node, pointer: string, flow: PathItemFlow) {
  const methods = new Set([...operationMethods(was), ...operationMethods(now)]);
  for (const key of unionKeys(was, now)) {
    if (methods.has(key) || key === "parameters" || key === "$ref") continue;
    if (key === "servers") diffServers(ctx, was[key], now[key], childPointer(pointer, key));
    else diffOther(ctx, key, was[key], now[key], childPointer(pointer, key));
  }
  const shared = {
    before: parameterList(ctx, "before", was.parameters, childPointer(pointer, "parameters")),
    after: parameterList(ctx, "after", now.parameters, childPointer(pointer, "parameters")),
  };
  for (const method of methods) {
    const at = childPointer(pointer, method);
    const before = was[method];
    const after = now[method];
    const name = `${method.toUpperCase()} ${pointerTokens(pointer)?.at(-1)}`;
    if (!isRecord(after)) {
      ctx.report(at, "breaking", "operation-removed", `operation ${name} removed`);
    } else if (!isRecord(before)) {
      ctx.report(at, "additive", "operation-added", `operation ${name} added`);
    } else {
      diffOperation(ctx, before, after, at, flow, shared);
    }
  }
}

/** Parameters keyed by location and name (header names are case-insensitive). */
function parameterList(
  ctx: DiffContext,
  side: "before" | "after",
  value: unknown,
  pointer: string,
): Map<string, ParameterEntry> {
  const entries = new Map<string, ParameterEntry>();
  if (!Array.isArray(value)) return entries;
  value.forEach((raw, index) => {
    const at = childPointer(pointer, index);
    if (!isRecord(raw)) {
      throw new SpecInputError(
        side === "before" ? "the older spec" : "the newer spec",
        at,
        "a parameter must be an object",
      );
    }
    const resolved = resolveSide(ctx, side, raw, at);
    const location = String(resolved.in);
    const name =
      location === "header" ? String(resolved.name).toLowerCase() : String(resolved.name);
    entries.set(`${location}:${name}`, { pointer: at, raw, resolved });
  });
  return entries;
}

function diffOperation(
  ctx: DiffContext,
  was: Node,
  now: Node,
  pointer: string,
  flow: PathItemFlow,
  shared: { before: Map<string, ParameterEntry>; after: Map<string, ParameterEntry> },
) {
  for (const key of unionKeys(was, now)) {
    const at = childPointer(pointer, key);
    const before = was[key];
    const after = now[key];
    if (jsonEqual(before, after)) continue;
    switch (key) {
      case "parameters":
      case "security":
        break;
      case "operationId":
        if (after === undefined || before !== undefined) {
          ctx.report(
            at,
            "breaking",
            "operation-id-changed",
            `operationId changed from ${show(before ?? "none")} to ${show(after ?? "none")}: generated names follow it`,
          );
        } else {
          ctx.report(at, "additive", "operation-id-added", `operationId ${show(after)} added`);
        }
        break;
      case "deprecated":
        ctx.report(
          at,
          "additive",
          after === true ? "deprecated" : "undeprecated",
          after === true ? "operation marked deprecated" : "operation no longer deprecated",
        );
        break;
      case "requestBody":
        diffRequestBody(ctx, before, after, { pointer: at, directions: new Set([flow.request]) });
        break;
      case "responses":
        diffResponses(ctx, asNode(before), asNode(after), {
          pointer: at,
          directions: new Set([flow.response]),
        });
        break;
      case "servers":
        diffServers(ctx, before, after, at);
        break;
      default:
        diffOther(ctx, key, before, after, at);
    }
  }
  const effective = (own: Map<string, ParameterEntry>, inherited: Map<string, ParameterEntry>) =>
    new Map([...inherited, ...own]);
  diffParameters(
    ctx,
    effective(
      parameterList(ctx, "before", was.parameters, childPointer(pointer, "parameters")),
      shared.before,
    ),
    effective(
      parameterList(ctx, "after", now.parameters, childPointer(pointer, "parameters")),
      shared.after,
    ),
    new Set([flow.request]),
  );
  if (was.security !== undefined || now.security !== undefined) {
    diffSecurity(
      ctx,
      was.security ?? ctx.before.security,
      now.security ?? ctx.after.security,
      childPointer(pointer, "security"),
    );
  }
}
