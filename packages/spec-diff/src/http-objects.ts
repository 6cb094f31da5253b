// Parameters, request bodies, media types, responses and headers of an operation or webhook,
// and the components of those kinds.

import { childPointer } from "@graph-recording/openapi-zod/document";
import type { DiffContext, Directions } from "./context.js";
import {
  asNode,
  diffOther,
  type Node,
  resolveSide,
  sameComponentRef,
  unionKeys,
} from "./diff-helpers.js";
import { isRecord, jsonEqual, show } from "./json-values.js";
import { diffSchema } from "./schema-diff.js";

/** A parameter as declared (`raw`), resolved, and where it is declared. */
export interface ParameterEntry {
  pointer: string;
  raw: Node;
  resolved: Node;
}

/** Compares the effective parameters of an operation, keyed by location and name. */
export function diffParameters(
  ctx: DiffContext,
  was: Map<string, ParameterEntry>,
  now: Map<string, ParameterEntry>,
  directions: Directions,
) {
  for (const [key, before] of was) {
    const after = now.get(key);
    const label = key.replace(":", " parameter ");
    if (!after) {
      ctx.report(before.pointer, "breaking", "parameter-removed", `${label} removed`);
    } else if (!sameComponentRef(before.raw, after.raw)) {
      diffParameterObject(ctx, before.resolved, after.resolved, after.pointer, directions, label);
    }
  }
  for (const [key, after] of now) {
    if (was.has(key)) continue;
    const label = key.replace(":", " parameter ");
    if (after.resolved.required === true && directions.has("input")) {
      ctx.report(after.pointer, "breaking", "required-parameter-added", `required ${label} added`);
    } else {
      ctx.report(after.pointer, "additive", "parameter-added", `${label} added`);
    }
  }
}

/** Compares a Parameter or Header Object (they share their fields). */
export function diffParameterObject(
  ctx: DiffContext,
  was: Node,
  now: Node,
  pointer: string,
  directions: Directions,
  label: string,
) {
  for (const key of unionKeys(was, now)) {
    const at = childPointer(pointer, key);
    const before = was[key];
    const after = now[key];
    if (jsonEqual(before, after) || key === "$ref") continue;
    switch (key) {
      case "name":
      case "in":
        break;
      case "required":
        diffRequiredFlag(ctx, before === true, after === true, at, directions, label);
        break;
      case "schema":
        diffSchema(ctx, before ?? true, after ?? true, { pointer: at, directions });
        break;
      case "content":
        diffContent(ctx, asNode(before), asNode(after), at, directions);
        break;
      case "deprecated":
        ctx.report(
          at,
          "additive",
          after === true ? "deprecated" : "undeprecated",
          `${label} ${after === true ? "marked deprecated" : "no longer deprecated"}`,
        );
        break;
      case "style":
      case "explode":
      case "allowReserved":
      case "allowEmptyValue":
        ctx.report(
          at,
          "breaking",
          "serialization-changed",
          `${label}: ${key} changed from ${show(before ?? "default")} to ${show(after ?? "default")}`,
        );
        break;
      default:
        diffOther(ctx, key, before, after, at);
    }
  }
}

/** `required` on a parameter, header or request body: narrowing for senders, widening for receivers. */
function diffRequiredFlag(
  ctx: DiffContext,
  was: boolean,
  now: boolean,
  pointer: string,
  directions: Directions,
  label: string,
) {
  if (now) {
    const sent = directions.has("input");
    ctx.report(
      pointer,
      sent ? "breaking" : "additive",
      "became-required",
      `${label} became required${sent ? "" : " (always present in what clients receive)"}`,
    );
  } else if (was) {
    const received = directions.has("output");
    ctx.report(
      pointer,
      received ? "breaking" : "additive",
      "became-optional",
      `${label} became optional${received ? " (may now be absent from what clients receive)" : ""}`,
    );
  }
}

/** Compares an operation's request body, following a `$ref` unless both sides share it. */
export function diffRequestBody(
  ctx: DiffContext,
  was: unknown,
  now: unknown,
  pointer: string,
  directions: Directions,
) {
  if (!isRecord(now)) {
    ctx.report(pointer, "breaking", "request-body-removed", "request body removed");
    return;
  }
  const after = resolveSide(ctx, "after", now, pointer);
  if (!isRecord(was)) {
    const required = after.required === true && directions.has("input");
    ctx.report(
      pointer,
      required ? "breaking" : "additive",
      required ? "required-request-body-added" : "request-body-added",
      `${required ? "required " : ""}request body added`,
    );
    return;
  }
  if (sameComponentRef(was, now)) return;
  diffRequestBodyObject(ctx, resolveSide(ctx, "before", was, pointer), after, pointer, directions);
}

/** Compares two resolved Request Body Objects. */
export function diffRequestBodyObject(
  ctx: DiffContext,
  was: Node,
  now: Node,
  pointer: string,
  directions: Directions,
) {
  for (const key of unionKeys(was, now)) {
    const at = childPointer(pointer, key);
    if (jsonEqual(was[key], now[key]) || key === "$ref") continue;
    if (key === "required") {
      diffRequiredFlag(ctx, was[key] === true, now[key] === true, at, directions, "request body");
    } else if (key === "content") {
      diffContent(ctx, asNode(was[key]), asNode(now[key]), at, directions);
    } else {
      diffOther(ctx, key, was[key], now[key], at);
    }
  }
}

function diffContent(
  ctx: DiffContext,
  was: Node,
  now: Node,
  pointer: string,
  directions: Directions,
) {
  for (const mediaType of unionKeys(was, now)) {
    const at = childPointer(pointer, mediaType);
    const before = was[mediaType];
    const after = now[mediaType];
    if (!isRecord(after)) {
      ctx.report(at, "breaking", "media-type-removed", `media type ${mediaType} removed`);
    } else if (!isRecord(before)) {
      ctx.report(at, "additive", "media-type-added", `media type ${mediaType} added`);
    } else {
      for (const key of unionKeys(before, after)) {
        const keyAt = childPointer(at, key);
        if (jsonEqual(before[key], after[key])) continue;
        if (key === "schema") {
          diffSchema(ctx, before[key] ?? true, after[key] ?? true, { pointer: keyAt, directions });
        } else {
          diffOther(ctx, key, before[key], after[key], keyAt);
        }
      }
    }
  }
}

/** Compares the responses of an operation, status by status. */
export function diffResponses(
  ctx: DiffContext,
  was: Node,
  now: Node,
  pointer: string,
  directions: Directions,
) {
  for (const status of unionKeys(was, now)) {
    const at = childPointer(pointer, status);
    const before = was[status];
    const after = now[status];
    if (status.startsWith("x-")) {
      diffOther(ctx, status, before, after, at);
    } else if (!isRecord(after)) {
      ctx.report(at, "breaking", "response-removed", `response ${status} removed`);
    } else if (!isRecord(before)) {
      ctx.report(at, "additive", "response-added", `response ${status} added`);
    } else if (!sameComponentRef(before, after) && !jsonEqual(before, after)) {
      diffResponseObject(
        ctx,
        resolveSide(ctx, "before", before, at),
        resolveSide(ctx, "after", after, at),
        at,
        directions,
      );
    }
  }
}

/** Compares two resolved Response Objects: headers, content, documentation. */
export function diffResponseObject(
  ctx: DiffContext,
  was: Node,
  now: Node,
  pointer: string,
  directions: Directions,
) {
  for (const key of unionKeys(was, now)) {
    const at = childPointer(pointer, key);
    if (jsonEqual(was[key], now[key]) || key === "$ref") continue;
    if (key === "headers") diffHeaders(ctx, asNode(was[key]), asNode(now[key]), at, directions);
    else if (key === "content")
      diffContent(ctx, asNode(was[key]), asNode(now[key]), at, directions);
    else diffOther(ctx, key, was[key], now[key], at);
  }
}

function diffHeaders(
  ctx: DiffContext,
  was: Node,
  now: Node,
  pointer: string,
  directions: Directions,
) {
  const byName = (headers: Node) =>
    new Map(
      Object.entries(headers).map(([name, header]) => [name.toLowerCase(), { name, header }]),
    );
  const before = byName(was);
  const after = byName(now);
  for (const [key, { name, header }] of before) {
    const match = after.get(key);
    if (!match) {
      ctx.report(
        childPointer(pointer, name),
        "breaking",
        "header-removed",
        `header ${name} removed`,
      );
    } else if (
      !sameComponentRef(header, match.header) &&
      isRecord(header) &&
      isRecord(match.header)
    ) {
      const at = childPointer(pointer, match.name);
      diffParameterObject(
        ctx,
        resolveSide(ctx, "before", header, at),
        resolveSide(ctx, "after", match.header, at),
        at,
        directions,
        `header ${match.name}`,
      );
    }
  }
  for (const [key, { name, header }] of after) {
    if (before.has(key)) continue;
    const at = childPointer(pointer, name);
    const required = isRecord(header) && resolveSide(ctx, "after", header, at).required === true;
    const sent = required && directions.has("input");
    ctx.report(
      at,
      sent ? "breaking" : "additive",
      sent ? "required-header-added" : "header-added",
      `${sent ? "required " : ""}header ${name} added`,
    );
  }
}
