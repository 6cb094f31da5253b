/**
 * The validator backed by the schemas of `@graph-recording/zod`, which you import and pass in (so
 * the client has no dependency on it and the default bundle carries no schema): it looks up
 * `operations[operationId]` (or `webhooks[name]` for notification payloads), takes `.request` or
 * `.responses[status]`, runs the open or strict schema, and turns Zod issue paths into JSON
 * pointers. The same function serves the client and the notification receiver.
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

/** Throws a TypeError naming the argument when `value` lacks the generated module's shape. */
function checkModule(value: unknown, where: string): ZodModule {
  const operations = (value as { operations?: unknown } | null | undefined)?.operations;
  if (typeof operations !== "object" || operations === null) {
    throw new TypeError(
      `${where}: expected the @graph-recording/zod module (an object with "operations"), got ${value === null ? "null" : typeof value}; pass \`import * as graphZod from "@graph-recording/zod"\` or \`() => import("@graph-recording/zod")\``,
    );
  }
  return value as ZodModule;
}

function pointer(path: PropertyKey[]): string {
  return path
    .map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

/** The module `@graph-recording/zod` (or anything with its `operations`/`webhooks` shape). */
export type ZodSchemaModule = ZodModule;

/**
 * Validates against the generated Zod schemas. `schemas` is the `@graph-recording/zod` module,
 * or a function that imports it on first use (keeps the schemas off the startup path).
 * `strict` = closed world (undeclared properties are issues); the default is the spec's open
 * semantics.
 *
 * @example
 * import * as graphZod from "@graph-recording/zod";
 * createRecordingClient({ getToken, validation: { mode: "warn", validate: zodValidator(graphZod), onInvalid: log } });
 * // or lazily: zodValidator(() => import("@graph-recording/zod"), { strict: true })
 */
export function zodValidator(
  schemas: ZodSchemaModule | (() => Promise<ZodSchemaModule>),
  options: { strict?: boolean } = {},
): Validate {
  let module: Promise<ZodModule> | undefined;
  const load =
    typeof schemas === "function" ? schemas : () => Promise.resolve(schemas as ZodModule);
  if (typeof schemas !== "function") checkModule(schemas, "zodValidator(schemas)");
  const strict = options.strict === true;
  return async (input) => {
    module ??= load().then((loaded) => checkModule(loaded, "zodValidator(() => schemas)"));
    const loaded = await module;
    // Webhook payloads (commsNotifications, changeNotifications) are looked up by webhook name.
    const entry = loaded.operations[input.operationId] ?? loaded.webhooks?.[input.operationId];
    if (!entry) return [{ path: "", message: `no validator for operation ${input.operationId}` }];
    const pair =
      input.direction === "request"
        ? entry.request
        : (entry.responses[String(input.status)] ??
          entry.responses[`${String(input.status).charAt(0)}XX`] ??
          entry.responses.default);
    if (!pair) return undefined;
    const result = (strict ? pair.strict : pair.open).safeParse(input.body);
    return result.success
      ? undefined
      : (result.error?.issues ?? []).map((issue) => ({
          path: pointer(issue.path),
          message: issue.message,
        }));
  };
}
