// Parameters, request bodies, media types, responses and headers of an operation or webhook,
// and the components of those kinds.

import { childPointer } from "@graph-recording/openapi-zod/document";
import type { DiffContext, DiffSite } from "./context.js";
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

/** A comparison site that also names what is compared in messages (`query parameter $top`). */
interface LabelledSite extends DiffSite {
  label: string;
}

/** One member whose value differs between two objects, and the site it is compared at. */
interface ChangedMember {
  key: string;
  before: unknown;
  after: unknown;
  site: DiffSite;
}

/** The members whose values differ between two objects; a `$ref` itself is never one of them. */
function* changedMembers(was: Node, now: Node, site: DiffSite): Generator<ChangedMember> {
  for (const key of unionKeys(was, now)) {
    if (key === "$ref" || jsonEqual(was[key], now[key])) continue;
    const pointer = childPointer(site.pointer, key);
    yield { key, before: was[key], after: now[key], site: { ...site, pointer } };
  }
}

/** Compares the effective parameters of an operation, keyed by location and name. */
export function diffParameters(
  ctx: DiffContext,
  was: Map<string, ParameterEntry>,
  now: Map<string, ParameterEntry>,
  directions: DiffSite["directions"],
) {
  for (const [key, before] of was) {
    const after = now.get(key);
    const label = key.replace(":", " parameter ");
    if (!after) {
      ctx.report(before.pointer, "breaking", "parameter-removed", `${label} removed`);
    } else if (!sameComponentRef(before.raw, after.raw)) {
      diffParameterObject(ctx, before.resolved, after.resolved, {
        pointer: after.pointer,
        directions,
        label,
      });
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
export function diffParameterObject(ctx: DiffContext, was: Node, now: Node, site: LabelledSite) {
  const { label } = site;
  for (const { key, before, after, site: at } of changedMembers(was, now, site)) {
    switch (key) {
      case "name":
      case "in":
        break;
      case "required":
        diffRequiredFlag(ctx, before === true, after === true, { ...at, label });
        break;
      case "schema":
        diffSchema(ctx, before ?? true, after ?? true, at);
        break;
      case "content":
        diffContent(ctx, asNode(before), asNode(after), at);
        break;
      case "deprecated":
        ctx.report(
          at.pointer,
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
          at.pointer,
          "breaking",
          "serialization-changed",
          `${label}: ${key} changed from ${show(before ?? "default")} to ${show(after ?? "default")}`,
        );
        break;
      default:
        diffOther(ctx, key, before, after, at.pointer);
    }
  }
}

/** `required` on a parameter, header or request body: narrowing for senders, widening for receivers. */
function diffRequiredFlag(ctx: DiffContext, was: boolean, now: boolean, site: LabelledSite) {
  if (now) {
    const sent = site.directions.has("input");
    ctx.report(
      site.pointer,
      sent ? "breaking" : "additive",
      "became-required",
      `${site.label} became required${sent ? "" : " (always present in what clients receive)"}`,
    );
  } else if (was) {
    const received = site.directions.has("output");
    ctx.report(
      site.pointer,
      received ? "breaking" : "additive",
      "became-optional",
      `${site.label} became optional${received ? " (may now be absent from what clients receive)" : ""}`,
    );
  }
}

/** Compares an operation's request body, following a `$ref` unless both sides share it. */
export function diffRequestBody(ctx: DiffContext, was: unknown, now: unknown, site: DiffSite) {
  const { pointer } = site;
  if (!isRecord(now)) {
    ctx.report(pointer, "breaking", "request-body-removed", "request body removed");
    return;
  }
  const after = resolveSide(ctx, "after", now, pointer);
  if (!isRecord(was)) {
    const required = after.required === true && site.directions.has("input");
    ctx.report(
      pointer,
      required ? "breaking" : "additive",
      required ? "required-request-body-added" : "request-body-added",
      `${required ? "required " : ""}request body added`,
    );
    return;
  }
  if (sameComponentRef(was, now)) return;
  diffRequestBodyObject(ctx, resolveSide(ctx, "before", was, pointer), after, site);
}

/** Compares two resolved Request Body Objects. */
export function diffRequestBodyObject(ctx: DiffContext, was: Node, now: Node, site: DiffSite) {
  for (const { key, before, after, site: at } of changedMembers(was, now, site)) {
    if (key === "required") {
      diffRequiredFlag(ctx, before === true, after === true, { ...at, label: "request body" });
    } else if (key === "content") {
      diffContent(ctx, asNode(before), asNode(after), at);
    } else {
      diffOther(ctx, key, before, after, at.pointer);
    }
  }
}

function diffContent(ctx: DiffContext, was: Node, now: Node, site: DiffSite) {
  for (const mediaType of unionKeys(was, now)) {
    const at = { ...site, pointer: childPointer(site.pointer, mediaType) };
    const before = was[mediaType];
    const after = now[mediaType];
    if (!isRecord(after)) {
      ctx.report(at.pointer, "breaking", "media-type-removed", `media type ${mediaType} removed`);
    } else if (!isRecord(before)) {
      ctx.report(at.pointer, "additive", "media-type-added", `media type ${mediaType} added`);
    } else {
      for (const member of changedMembers(before, after, at)) {
        if (member.key === "schema") {
          diffSchema(ctx, member.before ?? true, member.after ?? true, member.site);
        } else {
          diffOther(ctx, member.key, member.before, member.after, member.site.pointer);
        }
      }
    }
  }
}

/** Compares the responses of an operation, status by status. */
export function diffResponses(ctx: DiffContext, was: Node, now: Node, site: DiffSite) {
  for (const status of unionKeys(was, now)) {
    const at = childPointer(site.pointer, status);
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
        { ...site, pointer: at },
      );
    }
  }
}

/** Compares two resolved Response Objects: headers, content, documentation. */
export function diffResponseObject(ctx: DiffContext, was: Node, now: Node, site: DiffSite) {
  for (const { key, before, after, site: at } of changedMembers(was, now, site)) {
    if (key === "headers") diffHeaders(ctx, asNode(before), asNode(after), at);
    else if (key === "content") diffContent(ctx, asNode(before), asNode(after), at);
    else diffOther(ctx, key, before, after, at.pointer);
  }
}

function diffHeaders(ctx: DiffContext, was: Node, now: Node, site: DiffSite) {
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
        childPointer(site.pointer, name),
        "breaking",
        "header-removed",
        `header ${name} removed`,
      );
    } else if (
      !sameComponentRef(header, match.header) &&
      isRecord(header) &&
      isRecord(match.header)
    ) {
      const at = childPointer(site.pointer, match.name);
      diffParameterObject(
        ctx,
        resolveSide(ctx, "before", header, at),
        resolveSide(ctx, "after", match.header, at),
        { ...site, pointer: at, label: `header ${match.name}` },
      );
    }
  }
  for (const [key, { name, header }] of after) {
    if (before.has(key)) continue;
    const at = childPointer(site.pointer, name);
    const required = isRecord(header) && resolveSide(ctx, "after", header, at).required === true;
    const sent = required && site.directions.has("input");
    ctx.report(
      at,
      sent ? "breaking" : "additive",
      sent ? "required-header-added" : "header-added",
      `${sent ? "required " : ""}header ${name} added`,
    );
  }
}
