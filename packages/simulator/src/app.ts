/**
 * The two HTTP apps: the Graph API (under `/beta` and `/v1.0`, plus the control API under
 * `/_simulator`) and the media host that serves recordingLocation audio on its own origin.
 */
import { Hono } from "hono";
import { audioEtag, audioResponse } from "./audio.js";
import { GraphHttpError } from "./errors.js";
import { dispatch, type Exchange, type PipelineDeps, type SimEnv } from "./pipeline.js";
import type { GraphRequest, HandlerContext } from "./routes/context.js";
import { GRAPH_ROUTES, honoPattern, type RouteDef } from "./routes/table.js";
import type { RequestValidator } from "./validation.js";

/** Prefix of the control API on the Graph origin. */
export const CONTROL_PREFIX = "/_simulator";

/** Options of {@link createGraphApp}. */
export interface GraphAppOptions {
  ctx: HandlerContext;
  validate: RequestValidator;
  /** Whether a Graph bearer token is accepted. */
  acceptsToken: (token: string) => boolean;
  /** Control API routes, mounted under {@link CONTROL_PREFIX}. */
  control: Hono<SimEnv>;
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S.*)$/i.exec(header ?? "");
  return m?.[1]?.trim();
}

function unauthorized(message: string): GraphHttpError {
  return new GraphHttpError({
    status: 401,
    code: "InvalidAuthenticationToken",
    message,
    headers: {
      "www-authenticate": 'Bearer realm="graph-recording-simulator", error="invalid_token"',
    },
  });
}

function checkGraphToken(ex: Exchange, acceptsToken: (token: string) => boolean): void {
  const token = bearer(ex.c.req.header("authorization"));
  if (token === undefined) throw unauthorized("Access token is empty.");
  if (!acceptsToken(token)) throw unauthorized("Access token validation failure.");
}

function readJsonBody(ex: Exchange, operationId: string): Record<string, unknown> {
  if (ex.bodyText.trim() === "") {
    throw new GraphHttpError({
      status: 400,
      code: "BadRequest",
      message: `${operationId}: the request body is empty; a JSON object is required.`,
    });
  }
  const type = ex.c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new GraphHttpError({
      status: 415,
      code: "UnsupportedMediaType",
      message: `${operationId}: Content-Type '${type}' is not supported; send application/json.`,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(ex.bodyText);
  } catch (err) {
    throw new GraphHttpError({
      status: 400,
      code: "BadRequest",
      message: `${operationId}: unable to read JSON request payload: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new GraphHttpError({
      status: 400,
      code: "BadRequest",
      message: `${operationId}: the request body must be a JSON object.`,
    });
  }
  return body as Record<string, unknown>;
}

function unknownSegment(ex: Exchange): GraphHttpError {
  const segment = ex.path.split("/").filter(Boolean).pop() ?? "";
  return new GraphHttpError({
    status: 400,
    code: "BadRequest",
    message: `Resource not found for the segment '${segment}' (${ex.c.req.method} /${ex.version ?? ""}${ex.path}).`,
  });
}

async function runGraphRoute(
  ex: Exchange,
  route: RouteDef,
  options: GraphAppOptions,
): Promise<Response> {
  checkGraphToken(ex, options.acceptsToken);
  if (route.betaOnly && ex.version !== "beta") throw unknownSegment(ex);
  const body = route.body ? readJsonBody(ex, route.operationId) : undefined;
  const issues = options.validate({ operationId: route.operationId, body });
  if (issues.length > 0) {
    throw new GraphHttpError({
      status: 400,
      code: "invalidRequest",
      message: `${route.operationId}: the request body does not match the API: ${issues
        .map((i) => `${i.pointer || "/"} ${i.message}`)
        .join("; ")}`,
      details: issues.map((i) => ({ code: "invalidValue", message: i.message, target: i.pointer })),
    });
  }
  const req: GraphRequest = {
    ...ex,
    params: ex.c.req.param() as Record<string, string>,
    query: ex.url.searchParams,
    body,
    beta: ex.version === "beta",
    serviceRoot: `${ex.url.origin}/${ex.version ?? "beta"}`,
  };
  return route.handler(req, options.ctx);
}

/** The Graph API app. */
export function createGraphApp(options: GraphAppOptions): Hono<SimEnv> {
  const deps: PipelineDeps = options.ctx.deps;
  const api = new Hono<SimEnv>();
  for (const route of GRAPH_ROUTES) {
    api.on(route.method, honoPattern(route), (c) =>
      dispatch(c, deps, { host: "graph", operationId: route.operationId }, (ex) =>
        runGraphRoute(ex, route, options),
      ),
    );
  }
  const app = new Hono<SimEnv>();
  app.route(CONTROL_PREFIX, options.control);
  app.route("/beta", api);
  app.route("/v1.0", api);
  app.notFound((c) =>
    dispatch(c, deps, { host: "graph", operationId: undefined }, (ex) => {
      if (ex.version) throw unknownSegment(ex);
      throw new GraphHttpError({
        status: 404,
        code: "itemNotFound",
        message: `No Graph version in '${ex.path}': requests go under /beta or /v1.0.`,
      });
    }),
  );
  return app;
}

/** The media host serving recordingLocation audio, checked against recordingAccessToken. */
export function createMediaApp(ctx: HandlerContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.get("/recordings/:operationId", (c) =>
    dispatch(c, ctx.deps, { host: "media", operationId: "recordingLocation" }, (ex) => {
      const audio = ctx.state.audioForOperation(c.req.param("operationId"));
      if (!audio || audio.expired) {
        throw new GraphHttpError({
          status: 404,
          code: "itemNotFound",
          message: audio
            ? "The recording is no longer available: download it promptly after the operation completes."
            : "No recording at this location.",
        });
      }
      const token = bearer(ex.c.req.header("authorization"));
      if (token === undefined)
        throw unauthorized("Access token is empty: send the recordingAccessToken.");
      if (token !== audio.accessToken) {
        throw unauthorized(
          "Access token validation failure: this location takes its recordingAccessToken only.",
        );
      }
      return audioResponse({
        tone: audio.tone,
        range: ex.c.req.header("range"),
        contentType: "application/octet-stream",
        contentLength: false,
        etag: audioEtag(audio.tone),
        ifRange: ex.c.req.header("if-range"),
      });
    }),
  );
  app.notFound((c) =>
    dispatch(c, ctx.deps, { host: "media", operationId: undefined }, () => {
      throw new GraphHttpError({
        status: 404,
        code: "itemNotFound",
        message: "No recording at this location.",
      });
    }),
  );
  return app;
}
