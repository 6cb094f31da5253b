/**
 * The validator backed by `@graph-recording/zod` (an optional peer, imported on first use): it
 * looks up `operations[operationId]` (or `webhooks[name]` for notification payloads), takes
 * `.request` or `.responses[status]`, runs the open or strict schema, and turns Zod issue paths
 * into JSON pointers. The same function serves the client and the notification receiver.
 */
import type { Validate } from "./validation.js";

interface ZodLike {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}
interface ZodModule {
  webhooks?: ZodModule["operations"];
  operations: Record<
    string,
    {
      request?: { open: ZodLike; strict: ZodLike };
      responses: Record<string, { open: ZodLike; strict: ZodLike }>;
    }
  >;
}

function pointer(path: PropertyKey[]): string {
  return path
    .map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

/**
 * Validates against the generated Zod schemas. `strict` = closed world (undeclared properties are
 * issues); the default is the spec's open semantics. `load` replaces the dynamic import (tests,
 * bundlers that need a static import).
 *
 * @example
 * createRecordingClient({ getToken, validation: { mode: "warn", validate: zodValidator(), onInvalid: log } });
 */
export function zodValidator(
  options: { strict?: boolean; load?: () => Promise<unknown> } = {},
): Validate {
  let module: Promise<ZodModule> | undefined;
  const specifier = "@graph-recording/zod";
  const load = options.load ?? (() => import(/* @vite-ignore */ specifier));
  return async (input) => {
    module ??= load().then((loaded) => loaded as ZodModule);
    const loaded = await module;
    // Webhook payloads (commsNotifications, changeNotifications) are looked up by webhook name.
    const schemas = loaded.operations[input.operationId] ?? loaded.webhooks?.[input.operationId];
    if (!schemas) return [{ path: "", message: `no validator for operation ${input.operationId}` }];
    const pair =
      input.direction === "request"
        ? schemas.request
        : (schemas.responses[String(input.status)] ??
          schemas.responses[`${String(input.status).charAt(0)}XX`] ??
          schemas.responses.default);
    if (!pair) return undefined;
    const result = (options.strict ? pair.strict : pair.open).safeParse(input.body);
    return result.success
      ? undefined
      : (result.error?.issues ?? []).map((issue) => ({
          path: pointer(issue.path),
          message: issue.message,
        }));
  };
}
