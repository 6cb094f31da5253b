/**
 * The bits of OData URL syntax the recording endpoints use: function parameters in a path
 * segment (`getAllRecordings(meetingOrganizerUserId='…',startDateTime=…)`, with `@alias`
 * values taken from the query), `$top`, the skip/delta token parameters, and the one `$filter`
 * form Graph documents on recordings (`contentCorrelationId eq '…'`).
 */
import { GraphHttpError } from "./errors.js";

function badRequest(message: string): GraphHttpError {
  return new GraphHttpError({ status: 400, code: "BadRequest", message });
}

/**
 * Parses `name(a='x',b=2024-01-01T00:00:00Z)` into its parameters. String literals are quoted
 * with `'` (a doubled `''` is a quote); `@alias` values are looked up in the query string.
 */
export function functionParameters(segment: string, query: URLSearchParams): Map<string, string> {
  const params = new Map<string, string>();
  const open = segment.indexOf("(");
  if (open < 0) return params;
  if (!segment.endsWith(")")) throw badRequest(`Malformed function call in segment '${segment}'.`);
  const inner = segment.slice(open + 1, -1);
  let i = 0;
  while (i < inner.length) {
    while (inner[i] === " " || inner[i] === ",") i++;
    if (i >= inner.length) break;
    const eq = inner.indexOf("=", i);
    if (eq < 0) throw badRequest(`Malformed function parameter in segment '${segment}'.`);
    const name = inner.slice(i, eq).trim();
    i = eq + 1;
    while (inner[i] === " ") i++;
    let value: string;
    if (inner[i] === "'") {
      let out = "";
      i++;
      for (;;) {
        if (i >= inner.length) throw badRequest(`Unterminated string for parameter '${name}'.`);
        if (inner[i] === "'") {
          if (inner[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += inner[i];
        i++;
      }
      value = out;
    } else {
      const end = inner.indexOf(",", i);
      value = inner.slice(i, end < 0 ? inner.length : end).trim();
      i = end < 0 ? inner.length : end;
      if (value.startsWith("@")) {
        // An alias the query does not give is null (OData), which means "not set".
        const aliased = query.get(value);
        if (aliased === null) continue;
        value = aliased.startsWith("'") && aliased.endsWith("'") ? aliased.slice(1, -1) : aliased;
      }
    }
    if (value === "null") continue;
    params.set(name, value);
  }
  return params;
}

/** Reads `$top` (an int32 >= 1), or undefined when absent. */
export function topParameter(query: URLSearchParams): number | undefined {
  const raw = query.get("$top");
  if (raw === null) return undefined;
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) {
    throw badRequest(
      `Invalid value '${raw}' for query option $top: expected an integer from 1 to 2147483647.`,
    );
  }
  return n;
}

const SKIP_NAMES = ["$skiptoken", "$skipToken", "skipToken", "skiptoken"];
const DELTA_NAMES = ["$deltatoken", "$deltaToken", "deltaToken", "deltatoken"];

/** Reads the skip or delta token from the query, whichever spelling the client used. */
export function tokenParameter(query: URLSearchParams): string | undefined {
  for (const name of [...SKIP_NAMES, ...DELTA_NAMES]) {
    const value = query.get(name);
    if (value !== null) return value;
  }
  return undefined;
}

/**
 * Returns `url` with every token parameter removed and `name=value` added. The other query
 * options are kept exactly as the client sent them, and `$` stays literal, as in Graph's links.
 */
export function linkWith(url: URL, name: string, value: string): string {
  const tokenNames = new Set([...SKIP_NAMES, ...DELTA_NAMES]);
  const kept = url.search
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => {
      if (pair === "") return false;
      const key = pair.split("=", 1)[0] ?? "";
      let decoded = key;
      try {
        decoded = decodeURIComponent(key);
      } catch {
        // keep the raw key
      }
      return !tokenNames.has(decoded);
    });
  kept.push(`${name}=${encodeURIComponent(value)}`);
  return `${url.origin}${url.pathname}?${kept.join("&")}`;
}

/** Reads a date-time parameter. */
export function dateParameter(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw badRequest(`Parameter '${name}' is not a date-time: '${raw}'.`);
  return t;
}

/** A parsed `$filter` on recordings. */
export interface RecordingFilter {
  contentCorrelationId?: string;
  organizerUserId?: string;
}

/**
 * Parses the `$filter` forms Graph documents for recordings: `contentCorrelationId eq '…'` and
 * `MeetingOrganizer/User/Id eq '…'`, joined by `and`.
 */
export function recordingFilter(query: URLSearchParams): RecordingFilter {
  const raw = query.get("$filter");
  if (raw === null) return {};
  const filter: RecordingFilter = {};
  for (const clause of raw.split(/\s+and\s+/i)) {
    const m = /^\s*([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(clause);
    const property = m?.[1]?.toLowerCase();
    const value = m?.[2]?.replaceAll("''", "'");
    if (property === "contentcorrelationid" && value !== undefined) {
      filter.contentCorrelationId = value;
    } else if (property === "meetingorganizer/user/id" && value !== undefined) {
      filter.organizerUserId = value;
    } else {
      throw badRequest(
        `Unsupported $filter clause '${clause.trim()}': use contentCorrelationId eq '…' or MeetingOrganizer/User/Id eq '…'.`,
      );
    }
  }
  return filter;
}
