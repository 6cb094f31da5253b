// Security requirements and servers: each one is a way in, so losing one is breaking.

import { childPointer } from "@graph-recording/openapi-zod/document";
import type { DiffContext, Direction } from "./context.js";
import { asNode, diffOther, type Node, unionKeys } from "./diff-helpers.js";
import { isRecord, jsonEqual } from "./json-values.js";
import { diffSchema } from "./schema-diff.js";

function securityAlternatives(value: unknown): Map<string, string> {
  const alternatives = new Map<string, string>();
  if (!Array.isArray(value)) return alternatives;
  for (const requirement of value) {
    if (!isRecord(requirement)) continue;
    const parts = Object.keys(requirement)
      .sort()
      .map((scheme) => {
        const scopes = Array.isArray(requirement[scheme])
          ? requirement[scheme].map(String).sort()
          : [];
        return scopes.length ? `${scheme} [${scopes.join(", ")}]` : scheme;
      });
    const label = parts.length ? parts.join(" + ") : "no authentication";
    alternatives.set(label, label);
  }
  return alternatives;
}

/** Each security requirement is one way in: losing one is breaking, gaining one additive. */
export function diffSecurity(ctx: DiffContext, was: unknown, now: unknown, pointer: string) {
  const before = securityAlternatives(was);
  const after = securityAlternatives(now);
  for (const label of before.keys()) {
    if (!after.has(label)) {
      ctx.report(
        pointer,
        "breaking",
        "security-requirement-removed",
        `security requirement ${label} no longer accepted`,
      );
    }
  }
  for (const label of after.keys()) {
    if (!before.has(label)) {
      ctx.report(
        pointer,
        "additive",
        "security-requirement-added",
        `security requirement ${label} now accepted`,
      );
    }
  }
}

/** Compares server lists by URL, and each server's variables like tiny schemas. */
export function diffServers(ctx: DiffContext, was: unknown, now: unknown, pointer: string) {
  const byUrl = (servers: unknown) =>
    new Map(
      (Array.isArray(servers) ? servers : [])
        .map((server, index) => [index, server] as const)
        .filter((entry): entry is readonly [number, Node] => isRecord(entry[1]))
        .map(([index, server]) => [String(server.url), { index, server }]),
    );
  const before = byUrl(was);
  const after = byUrl(now);
  for (const [url, { index, server }] of before) {
    const match = after.get(url);
    if (!match) {
      ctx.report(
        childPointer(pointer, index),
        "breaking",
        "server-removed",
        `server ${url} removed`,
      );
      continue;
    }
    const at = childPointer(pointer, match.index);
    for (const key of unionKeys(server, match.server)) {
      if (key === "url" || jsonEqual(server[key], match.server[key])) continue;
      if (key === "variables") {
        diffServerVariables(
          ctx,
          asNode(server[key]),
          asNode(match.server[key]),
          childPointer(at, key),
        );
      } else diffOther(ctx, key, server[key], match.server[key], childPointer(at, key));
    }
  }
  for (const [url, { index }] of after) {
    if (!before.has(url)) {
      ctx.report(childPointer(pointer, index), "additive", "server-added", `server ${url} added`);
    }
  }
}

function diffServerVariables(ctx: DiffContext, was: Node, now: Node, pointer: string) {
  for (const name of unionKeys(was, now)) {
    const at = childPointer(pointer, name);
    const before = asNode(was[name]);
    const after = asNode(now[name]);
    if (jsonEqual(before, after)) continue;
    // A server variable is a string with an optional enum and a default: a tiny schema.
    diffSchema(
      ctx,
      { type: "string", ...before },
      { type: "string", ...after },
      {
        pointer: at,
        directions: new Set<Direction>(["input"]),
      },
    );
  }
}
