import { asRecord } from "./schema-tree.js";
import type { GeneratedValidators } from "./validator-source.js";

/** One body to validate, taken from a HAR entry. */
export interface HarBody {
  /** e.g. `capture.har entries[3] response (POST /communications/calls/abc/record)`. */
  input: string;
  /** The matched operation, or undefined when the entry matches none. */
  operationId?: string;
  direction: "request" | "response";
  status?: number;
  /** The body text, when it is JSON. */
  text?: string;
  /** Why the body cannot be validated (no operation matched, not a HAR file): a failure. */
  problem?: string;
  /** Why the body is not validated (not JSON): reported, neither valid nor invalid. */
  skipped?: string;
}

interface Route {
  operationId: string;
  method: string;
  pattern: RegExp;
  literalLength: number;
}

/** Builds a matcher from the generated operations' method and path template. */
export function operationMatcher(
  validators: GeneratedValidators,
  basePaths: readonly string[],
): (method: string, url: string) => string | undefined {
  const routes: Route[] = Object.entries(validators.operations).map(([operationId, operation]) => ({
    operationId,
    method: operation.method.toUpperCase(),
    pattern: templatePattern(operation.path),
    literalLength: operation.path.replace(/\{[^}]*\}/g, "").length,
  }));
  // The most literal template wins: /users/delta before /users/{id}.
  routes.sort((a, b) => b.literalLength - a.literalLength);
  const bases = [...new Set(basePaths.map((base) => base.replace(/\/+$/, "")))].sort(
    (a, b) => b.length - a.length,
  );
  return (method, url) => {
    const path = pathOf(url);
    const candidates = bases
      .filter((base) => base === "" || path === base || path.startsWith(`${base}/`))
      .map((base) => path.slice(base.length) || "/");
    if (!candidates.includes(path)) candidates.push(path);
    for (const candidate of candidates) {
      const route = routes.find(
        (entry) => entry.method === method.toUpperCase() && entry.pattern.test(candidate),
      );
      if (route) return route.operationId;
    }
    return undefined;
  };
}

/** The decoded path of a URL (each segment decoded, so `%27` and `%40` match `'` and `@`). */
function pathOf(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url, "http://localhost").pathname;
  } catch {
    pathname = url.split("?")[0] ?? url;
  }
  return pathname
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}/?$`);
}

/**
 * The path part of each server URL, with its variables expanded to every enum value (or the
 * default): `https://graph.microsoft.com/{version}` -> `/v1.0`, `/beta`.
 */
export function serverBasePaths(document: Record<string, unknown>): string[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const paths = servers.flatMap((server) => {
    const record = asRecord(server);
    return expandVariables(String(record?.url ?? ""), asRecord(record?.variables) ?? {}).map(
      pathOfServer,
    );
  });
  return [...new Set([...paths, ""])];
}

function expandVariables(url: string, variables: Record<string, unknown>): string[] {
  const match = /\{([^}]*)\}/.exec(url);
  if (!match) return [url];
  const variable = asRecord(variables[match[1] ?? ""]);
  const values = Array.isArray(variable?.enum)
    ? variable.enum.map(String)
    : variable?.default !== undefined
      ? [String(variable.default)]
      : [];
  return values.flatMap((value) =>
    expandVariables(
      url.slice(0, match.index) + value + url.slice(match.index + match[0].length),
      variables,
    ),
  );
}

function pathOfServer(url: string): string {
  try {
    return new URL(url, "http://localhost").pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

/**
 * Splits a HAR log into the request and response bodies to validate, each matched to an operation
 * by method and path template.
 */
export function harBodies(
  har: unknown,
  options: { file: string; match: (method: string, url: string) => string | undefined },
): HarBody[] {
  const entries = asRecord(asRecord(har)?.log)?.entries;
  if (!Array.isArray(entries)) {
    return [
      {
        input: options.file,
        direction: "request",
        problem: "not a HAR file: log.entries is missing",
      },
    ];
  }
  return entries.flatMap((entry, index) => {
    const request = asRecord(asRecord(entry)?.request);
    const response = asRecord(asRecord(entry)?.response);
    const method = String(request?.method ?? "GET").toUpperCase();
    const url = String(request?.url ?? "");
    const route = `${method} ${url}`;
    const where = `${options.file} entries[${index}]`;
    const operationId = options.match(method, url);
    if (!operationId) {
      return [
        {
          input: `${where} (${route})`,
          direction: "request" as const,
          problem: `${route} matches no operation of the spec`,
        },
      ];
    }
    const bodies: HarBody[] = [];
    const requestText = bodyText(asRecord(request?.postData));
    if (requestText !== undefined) {
      bodies.push({
        input: `${where} request (${route})`,
        operationId,
        direction: "request",
        ...requestText,
      });
    }
    const status = Number(response?.status);
    // A HAR records status 0 for a request that got no response (aborted, blocked).
    const answered = Number.isInteger(status) && status > 0;
    const responseText = answered ? bodyText(asRecord(response?.content)) : undefined;
    if (!answered) {
      bodies.push({
        input: `${where} response (${route})`,
        operationId,
        direction: "response",
        skipped: "no response was recorded (status 0)",
      });
    } else if (responseText !== undefined) {
      bodies.push({
        input: `${where} response ${status} (${route})`,
        operationId,
        direction: "response",
        status,
        ...responseText,
      });
    }
    return bodies;
  });
}

/** The JSON text of a HAR postData or content; undefined when there is no body. */
function bodyText(
  body: Record<string, unknown> | undefined,
): { text: string } | { skipped: string } | undefined {
  if (!body) return undefined;
  const raw = typeof body.text === "string" ? body.text : "";
  if (raw === "") return undefined;
  const mimeType = String(body.mimeType ?? "");
  if (mimeType && !/json/i.test(mimeType)) return { skipped: `the body is ${mimeType}, not JSON` };
  const text = body.encoding === "base64" ? Buffer.from(raw, "base64").toString("utf8") : raw;
  return { text };
}
