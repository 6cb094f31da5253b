// `components`: each component is compared once, here, whatever refers to it.

import { childPointer } from "@graph-recording/openapi-zod/document";
import type { DiffContext, Direction } from "./context.js";
import { bothDirections } from "./context.js";
import {
  asNode,
  diffOther,
  documentationKeys,
  type Node,
  resolveSide,
  unionKeys,
} from "./diff-helpers.js";
import { diffParameterObject, diffRequestBodyObject, diffResponseObject } from "./http-objects.js";
import { isRecord, jsonEqual } from "./json-values.js";
import { diffSchema } from "./schema-diff.js";

const componentKinds = new Set([
  "schemas",
  "parameters",
  "requestBodies",
  "responses",
  "headers",
  "examples",
  "securitySchemes",
  "links",
  "callbacks",
  "pathItems",
]);

/** Compares `components`, kind by kind and name by name. */
export function diffComponents(ctx: DiffContext, was: Node, now: Node) {
  for (const kind of unionKeys(was, now)) {
    const pointer = childPointer("/components", kind);
    if (!componentKinds.has(kind)) {
      diffOther(ctx, kind, was[kind], now[kind], pointer);
      continue;
    }
    const before = asNode(was[kind]);
    const after = asNode(now[kind]);
    for (const name of unionKeys(before, after)) {
      const at = childPointer(pointer, name);
      const examples = kind === "examples";
      if (after[name] === undefined) {
        ctx.report(
          at,
          examples ? "patch" : "breaking",
          examples ? "example-removed" : "component-removed",
          `${kind} component ${name} removed`,
        );
      } else if (before[name] === undefined) {
        ctx.report(
          at,
          examples ? "patch" : "additive",
          examples ? "example-added" : "component-added",
          `${kind} component ${name} added`,
        );
      } else if (!jsonEqual(before[name], after[name])) {
        diffComponent(ctx, kind, name, before[name], after[name], at);
      }
    }
  }
}

function diffComponent(
  ctx: DiffContext,
  kind: string,
  name: string,
  was: unknown,
  now: unknown,
  pointer: string,
) {
  const directions = ctx.directionsOf(kind, name);
  if (kind === "schemas") {
    diffSchema(ctx, was, now, { pointer, directions });
    return;
  }
  if (kind === "examples") {
    ctx.report(pointer, "patch", "example-changed", `example ${name} changed`);
    return;
  }
  if (!isRecord(was) || !isRecord(now)) {
    diffOther(ctx, name, was, now, pointer);
    return;
  }
  const before = resolveSide(ctx, "before", was, pointer);
  const after = resolveSide(ctx, "after", now, pointer);
  // A component nothing uses is compared as if used the way its kind usually is.
  const usual = (direction: Direction) =>
    directions === bothDirections ? new Set<Direction>([direction]) : directions;
  switch (kind) {
    case "parameters":
      diffParameterObject(ctx, before, after, {
        pointer,
        directions: usual("input"),
        label: `parameter ${name}`,
      });
      break;
    case "headers":
      diffParameterObject(ctx, before, after, {
        pointer,
        directions: usual("output"),
        label: `header ${name}`,
      });
      break;
    case "requestBodies":
      diffRequestBodyObject(ctx, before, after, { pointer, directions: usual("input") });
      break;
    case "responses":
      diffResponseObject(ctx, before, after, { pointer, directions: usual("output") });
      break;
    default:
      diffGeneric(ctx, before, after, pointer);
  }
}

/** Security schemes, links, callbacks: documentation is patch, any other change breaking. */
function diffGeneric(ctx: DiffContext, was: unknown, now: unknown, pointer: string) {
  if (jsonEqual(was, now)) return;
  if (isRecord(was) && isRecord(now)) {
    for (const key of unionKeys(was, now)) {
      const at = childPointer(pointer, key);
      if (documentationKeys.has(key) || key.startsWith("x-"))
        diffOther(ctx, key, was[key], now[key], at);
      else diffGeneric(ctx, was[key], now[key], at);
    }
    return;
  }
  const key = pointer.split("/").pop() ?? "";
  diffOther(ctx, key, was, now, pointer);
}
