import type { ValidationMode } from "./ajv-validators.js";
import { suggestion } from "./close-matches.js";
import { UsageError } from "./errors.js";
import type {
  GeneratedOperation,
  GeneratedValidators,
  GeneratedWebhook,
} from "./validator-source.js";
import type { SafeParser } from "./verdict.js";

/** What a payload should match: a component schema, an operation's body, or a webhook payload. */
export type PayloadTarget =
  | { schema: string; request?: boolean; mode?: ValidationMode }
  | { operation: string; request?: boolean; status?: string | number; mode?: ValidationMode }
  | { webhook: string; status?: string | number; mode?: ValidationMode };

/** A target resolved to one generated validator. */
export interface ResolvedTarget {
  /** e.g. `recordResponse response 200 (strict)`. */
  label: string;
  parser: SafeParser;
}

/**
 * Resolves a target to its generated validator (strict unless `mode: "open"`).
 *
 * @throws UsageError (`unknown-target`) naming the unknown schema, operation, webhook or status,
 * with the closest known names.
 */
export function resolveTarget(
  validators: GeneratedValidators,
  target: PayloadTarget,
): ResolvedTarget {
  const mode = target.mode ?? "strict";
  if ("schema" in target) {
    const record = target.request
      ? mode === "strict"
        ? validators.strictRequestSchemas
        : validators.requestSchemas
      : mode === "strict"
        ? validators.strictSchemas
        : validators.schemas;
    const parser = record[target.schema];
    if (!parser) {
      throw new UsageError(
        "unknown-target",
        `unknown schema ${JSON.stringify(target.schema)}${suggestion(target.schema, Object.keys(validators.schemas), "schemas")}`,
      );
    }
    const direction = target.request ? "request" : "response";
    return { label: `schema ${target.schema} (${direction}, ${mode})`, parser };
  }
  if ("operation" in target) {
    const operation = validators.operations[target.operation];
    if (!operation) {
      throw new UsageError(
        "unknown-target",
        `unknown operation ${JSON.stringify(target.operation)}${suggestion(target.operation, Object.keys(validators.operations), "operations")}`,
      );
    }
    return bodyTarget(`operation ${target.operation}`, operation, target, mode);
  }
  const webhook = validators.webhooks[target.webhook];
  if (!webhook) {
    throw new UsageError(
      "unknown-target",
      `unknown webhook ${JSON.stringify(target.webhook)}${suggestion(target.webhook, Object.keys(validators.webhooks), "webhooks")}`,
    );
  }
  const request = target.status === undefined;
  return bodyTarget(`webhook ${target.webhook}`, webhook, { request, status: target.status }, mode);
}

function bodyTarget(
  name: string,
  entry: GeneratedOperation | GeneratedWebhook,
  target: { request?: boolean; status?: string | number | undefined },
  mode: ValidationMode,
): ResolvedTarget {
  if (target.request) {
    if (!entry.request) {
      throw new UsageError("unknown-target", `${name} has no JSON request body`);
    }
    return { label: `${name} request (${mode})`, parser: entry.request[mode] };
  }
  const status = target.status === undefined ? successStatus(name, entry) : String(target.status);
  const response = entry.responses[status] ?? entry.responses[`${status[0]}XX`] ?? undefined;
  if (!response) {
    const known = Object.keys(entry.responses);
    throw new UsageError(
      "unknown-target",
      `${name} declares no JSON response body for status ${status}${known.length ? `; it declares ${known.join(", ")}` : ""}`,
    );
  }
  return { label: `${name} response ${status} (${mode})`, parser: response[mode] };
}

/** The lowest declared 2xx status with a JSON body (exact codes before `2XX`). */
function successStatus(name: string, entry: GeneratedOperation | GeneratedWebhook): string {
  const statuses = Object.keys(entry.responses)
    .filter((status) => /^2(\d\d|XX)$/i.test(status))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const status = statuses[0];
  if (!status) {
    throw new UsageError(
      "unknown-target",
      `${name} declares no success (2xx) response with a JSON body; pass --status`,
    );
  }
  return status;
}
