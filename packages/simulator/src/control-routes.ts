/**
 * The control API over HTTP, under `/_simulator` on the Graph origin, for tools that do not run
 * in the same process (the CLI). Bodies are JSON; errors are `{ error: { code, message } }`.
 */
import { type Context, Hono } from "hono";
import type { LifecycleEvent } from "./change-notifications.js";
import type { SimulatorControl } from "./control.js";
import {
  type Fault,
  type FaultMatch,
  FaultScriptError,
  type FaultScriptOptions,
} from "./faults.js";
import type { DeliveryKind } from "./outbound.js";
import type { SimEnv } from "./pipeline.js";
import type { RequestFilter } from "./request-log.js";
import { SimulatorUsageError } from "./state.js";

class ControlInputError extends Error {}

async function jsonBody(c: Context<SimEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new ControlInputError(
      `body is not JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ControlInputError("body must be a JSON object");
  }
  return body as Record<string, unknown>;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ControlInputError(`/${name}: expected a string`);
  return value;
}

function faultMatch(raw: unknown): FaultMatch | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "object" || raw === null)
    throw new ControlInputError("/match: expected an object");
  const m = raw as Record<string, unknown>;
  const match: FaultMatch = {};
  if (m.operationId !== undefined) match.operationId = m.operationId as string | string[];
  if (m.method !== undefined) match.method = String(m.method);
  if (m.host === "graph" || m.host === "media") match.host = m.host;
  if (typeof m.path === "string") match.path = m.path;
  if (typeof m.pathPattern === "string") {
    try {
      match.path = new RegExp(m.pathPattern);
    } catch (err) {
      throw new ControlInputError(
        `/match/pathPattern: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  return match;
}

function reviveRetryAfter(steps: unknown): unknown {
  // `retryAfterDate` (ISO string) lets HTTP callers ask for an HTTP-date Retry-After.
  if (!Array.isArray(steps)) return steps;
  return steps.map((s) => {
    if (typeof s !== "object" || s === null || !("retryAfterDate" in s)) return s;
    const { retryAfterDate, ...rest } = s as Record<string, unknown>;
    return { ...rest, retryAfter: new Date(String(retryAfterDate)) };
  });
}

/** Builds the control routes over a control object. */
export function createControlRoutes(control: SimulatorControl): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.get("/health", (c) => c.json({ ok: true, now: control.now().toISOString() }));

  app.post("/calls", async (c) => {
    const body = await jsonBody(c);
    const call = control.createCall({
      id: optionalString(body, "id"),
      callbackUri: optionalString(body, "callbackUri"),
      callbackToken: optionalString(body, "callbackToken"),
      tenantId: optionalString(body, "tenantId"),
      scenario: body.scenario as never,
    });
    return c.json(call, 201);
  });
  app.post("/calls/:callId/end", (c) => {
    control.endCall(c.req.param("callId"));
    return c.body(null, 204);
  });
  app.post("/calls/:callId/scenarios", async (c) => {
    const body = await jsonBody(c);
    if (!Array.isArray(body.scenarios))
      throw new ControlInputError("/scenarios: expected an array");
    control.scriptOperations(c.req.param("callId"), body.scenarios);
    return c.body(null, 204);
  });

  app.post("/meetings", async (c) => {
    const body = await jsonBody(c);
    const meeting = control.createMeeting({
      id: optionalString(body, "id"),
      organizerUserId: optionalString(body, "organizerUserId"),
      tenantId: optionalString(body, "tenantId"),
    });
    return c.json(meeting, 201);
  });
  app.post("/meetings/:meetingId/recordings", async (c) => {
    const body = await jsonBody(c);
    const recording = await control.addRecording(c.req.param("meetingId"), {
      id: optionalString(body, "id"),
      callId: optionalString(body, "callId"),
      contentCorrelationId: optionalString(body, "contentCorrelationId"),
      createdDateTime: optionalString(body, "createdDateTime"),
      durationMs: body.durationMs as number | undefined,
    });
    return c.json(recording, 201);
  });

  app.get("/faults", (c) =>
    c.json(
      control.faults.list().map(({ match, ...script }) => {
        const { path, ...rest } = match;
        return {
          ...script,
          match: path instanceof RegExp ? { ...rest, pathPattern: path.source } : match,
          remaining: Number.isFinite(script.remaining) ? script.remaining : null,
        };
      }),
    ),
  );
  app.post("/faults", async (c) => {
    const body = await jsonBody(c);
    const options: FaultScriptOptions = {};
    const match = faultMatch(body.match);
    if (match) options.match = match;
    if (body.repeat !== undefined) options.repeat = body.repeat as number | true;
    const handle = control.faults.script(reviveRetryAfter(body.steps) as Fault[], options);
    return c.json({ id: handle.id }, 201);
  });
  app.delete("/faults", (c) => {
    control.faults.clear();
    return c.body(null, 204);
  });
  app.delete("/faults/:id", (c) => {
    control.faults.cancel(Number(c.req.param("id")));
    return c.body(null, 204);
  });

  app.get("/clock", (c) => c.json({ now: control.now().toISOString() }));
  app.post("/clock/advance", async (c) => {
    const body = await jsonBody(c);
    if (typeof body.ms !== "number")
      throw new ControlInputError("/ms: expected a number of milliseconds");
    await control.advanceClock(body.ms);
    return c.json({ now: control.now().toISOString() });
  });

  app.post("/delta-tokens/expire", (c) => {
    control.expireDeltaTokens();
    return c.body(null, 204);
  });

  app.get("/requests", (c) => {
    const filter: RequestFilter = {};
    const q = c.req.query();
    if (q.operationId) filter.operationId = q.operationId;
    if (q.method) filter.method = q.method;
    if (q.host === "graph" || q.host === "media") filter.host = q.host;
    return c.json(control.requests(filter));
  });
  app.get("/deliveries", (c) => {
    const kind = c.req.query("kind") as DeliveryKind | undefined;
    return c.json(control.deliveries(kind ? { kind } : {}));
  });
  app.get("/subscriptions", (c) => c.json(control.subscriptions()));
  app.post("/subscriptions/:subscriptionId/lifecycle", async (c) => {
    const body = await jsonBody(c);
    const event = optionalString(body, "event");
    if (event === undefined) throw new ControlInputError("/event: expected a lifecycle event name");
    const delivery = await control.sendLifecycleNotification(
      c.req.param("subscriptionId"),
      event as LifecycleEvent,
    );
    return c.json(delivery, 201);
  });
  app.post("/deliveries/:id/redeliver", async (c) =>
    c.json(await control.redeliver(Number(c.req.param("id"))), 201),
  );
  app.get("/jwks", (c) => c.json(control.tokenKeys()));

  // Registered last: a sub-app's notFound is not consulted once it is mounted with route().
  app.all("*", (c) =>
    c.json(
      { error: { code: "notFound", message: `No control route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((err, c) => {
    if (err instanceof ControlInputError || err instanceof FaultScriptError) {
      return c.json({ error: { code: "badRequest", message: err.message } }, 400);
    }
    if (err instanceof SimulatorUsageError) {
      return c.json({ error: { code: "badRequest", message: err.message } }, err.status as 400);
    }
    return c.json({ error: { code: "internal", message: err.message } }, 500);
  });
  return app;
}
