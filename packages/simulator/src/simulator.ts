/**
 * `startSimulator`: starts the Graph origin and the media origin on 127.0.0.1 and returns their
 * URLs, the control API and `close()`.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { operations as generatedOperations } from "@graph-recording/zod";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import { CONTROL_PREFIX, createGraphApp, createMediaApp } from "./app.js";
import { ChangeNotifier } from "./change-notifications.js";
import { type ClockMode, SimulatorClock } from "./clock.js";
import { createControl, type SimulatorControl } from "./control.js";
import { createControlRoutes } from "./control-routes.js";
import { FaultInjector } from "./faults.js";
import { Outbound } from "./outbound.js";
import type { PipelineDeps, SimEnv } from "./pipeline.js";
import { RequestLog } from "./request-log.js";
import { TokenSigner } from "./rich-notifications.js";
import type { HandlerContext } from "./routes/context.js";
import { checkScenario, type OperationScenario, SimulatorState } from "./state.js";
import { type RequestValidator, requestValidatorFrom } from "./validation.js";

/** Options of {@link startSimulator}; every field is optional. */
export interface SimulatorOptions {
  /** Port of the Graph origin (default 0: an ephemeral port). */
  port?: number;
  /** Port of the media origin serving recordingLocation (default 0: ephemeral). */
  mediaPort?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** `virtual` (default): time moves only through `advanceClock`; `real`: with the wall clock. */
  clock?: ClockMode;
  /** Real clock only: simulated ms per real ms (default 1). */
  speed?: number;
  /** Simulated time at start (default: now). */
  startTime?: Date | string | number;
  /** Graph bearer tokens accepted (default `["simulator-token"]`). */
  accessTokens?: string[];
  /** Tenant id used in payloads. */
  tenantId?: string;
  /** User id that `/me` stands for, and default meeting organizer. */
  meUserId?: string;
  /** Default page size of recording collections (default 10). */
  pageSize?: number;
  /** How long recordingLocation audio stays downloadable, in simulated ms (default 30 min). */
  recordingRetentionMs?: number;
  /** Real-time limit for a callback or notification receiver to answer (default 10 s). */
  deliveryTimeoutMs?: number;
  /** Real-time limit for the subscription validation handshake (default 10 s, as Graph). */
  validationTimeoutMs?: number;
  /** Default scenario of every operation (see {@link OperationScenario}). */
  operations?: OperationScenario;
  /**
   * Request body validator, keyed by operationId. Default: the strict validators generated from
   * the spec (`@graph-recording/zod`); pass `acceptAllRequests` to switch validation off.
   */
  validateRequest?: RequestValidator;
  /** Sample rate of the synthesised audio (default 16000). */
  sampleRate?: number;
  /** Id of the application (subscriptions' applicationId, validation tokens' audience). */
  applicationId?: string;
  /**
   * Retry change notifications the receiver failed (no answer or 5xx) after 1, 2, 4, ...
   * simulated minutes for up to 4 hours, as Graph does (default true).
   */
  retryNotifications?: boolean;
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
}

/** A running simulator. */
export interface Simulator {
  /** Origin of the Graph host, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Beta service root (`<url>/beta`): the base URL to give a Graph client. */
  baseUrl: string;
  /** v1.0 service root (`<url>/v1.0`). */
  v1BaseUrl: string;
  /** Origin of the media host that serves recordingLocation audio. */
  mediaUrl: string;
  /** Base URL of the control API over HTTP. */
  controlUrl: string;
  /** A Graph bearer token the simulator accepts. */
  accessToken: string;
  /** The control API. */
  control: SimulatorControl;
  /** Stops both servers, drops open connections, cancels timers and outbound requests. */
  close(): Promise<void>;
}

/** Thrown for invalid simulator options. */
export class SimulatorOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SimulatorOptionsError";
  }
}

const DEFAULT_TENANT = "a1d286db-6149-4b3d-95ad-23c9e1bf6853";
const DEFAULT_ME = "8b081ef6-4792-4def-b2c9-c363a1bf41d5";
const DEFAULT_APPLICATION = "6f0cbd3e-1f7a-4a55-9d2b-3c1e7c5a9b10";

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new SimulatorOptionsError(`${name} must be a number >= ${min}, got ${String(value)}`);
  }
  return value;
}

function port(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new SimulatorOptionsError(
      `${name} must be an integer from 0 to 65535, got ${String(value)}`,
    );
  }
  return value;
}

function startTime(value: SimulatorOptions["startTime"]): number | undefined {
  if (value === undefined) return undefined;
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) throw new SimulatorOptionsError(`startTime is not a date: ${String(value)}`);
  return t;
}

function scenario(value: OperationScenario | undefined): OperationScenario {
  if (value === undefined) return {};
  try {
    return checkScenario(value, "operations");
  } catch (err) {
    throw new SimulatorOptionsError(err instanceof Error ? err.message : String(err));
  }
}

function listen(app: Hono<SimEnv>, host: string, portNumber: number): Promise<Server> {
  const server = createAdaptorServer({
    fetch: app.fetch,
    overrideGlobalObjects: false,
  }) as Server;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(portNumber, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function origin(server: Server, host: string): string {
  const address = server.address() as AddressInfo;
  const name = host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${address.port}`;
}

/**
 * Starts a simulator of the Graph call-recording endpoints.
 * @example
 * const sim = await startSimulator();
 * const call = sim.control.createCall({ callbackUri: "http://127.0.0.1:3978/callback" });
 * await fetch(`${sim.baseUrl}/communications/calls/${call.id}/recordResponse`, {
 *   method: "POST",
 *   headers: { authorization: `Bearer ${sim.accessToken}`, "content-type": "application/json" },
 *   body: JSON.stringify({ maxRecordDurationInSeconds: 5 }),
 * });
 * await sim.control.advanceClock(5_000); // the operation completes and the callback is sent
 * await sim.close();
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? "127.0.0.1";
  const tokens = new Set(options.accessTokens ?? ["simulator-token"]);
  if (tokens.size === 0)
    throw new SimulatorOptionsError("accessTokens must hold at least one token");
  const clock = new SimulatorClock({
    mode: options.clock ?? "virtual",
    speed: positive("speed", options.speed, 1, Number.MIN_VALUE),
    startTime: startTime(options.startTime),
  });
  const outbound = new Outbound(() => clock.date());
  const signer = new TokenSigner();
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION;
  let mediaOrigin = "";
  let graphOrigin = "";
  const state = new SimulatorState(clock, outbound, {
    tenantId: options.tenantId ?? DEFAULT_TENANT,
    meUserId: options.meUserId ?? DEFAULT_ME,
    sampleRate: positive("sampleRate", options.sampleRate, 16_000, 8000),
    recordingRetentionMs: positive(
      "recordingRetentionMs",
      options.recordingRetentionMs,
      30 * 60_000,
    ),
    deliveryTimeoutMs: positive("deliveryTimeoutMs", options.deliveryTimeoutMs, 10_000),
    defaultScenario: scenario(options.operations),
    mediaUrl: () => mediaOrigin,
    graphUrl: () => graphOrigin,
    applicationId,
    issueCallbackToken: (tenantId) =>
      signer.callbackToken({ applicationId, tenantId, now: clock.now() }),
    retryNotifications: options.retryNotifications ?? true,
  });
  const notifier = new ChangeNotifier(state, signer);
  const faults = new FaultInjector();
  const log = new RequestLog();
  const deps: PipelineDeps = {
    faults,
    log,
    clock,
    maxBodyBytes: positive("maxBodyBytes", options.maxBodyBytes, 1024 * 1024),
  };
  const ctx: HandlerContext = {
    state,
    deps,
    pageSize: positive("pageSize", options.pageSize, 10),
    validationTimeoutMs: positive("validationTimeoutMs", options.validationTimeoutMs, 10_000),
  };
  const control = createControl({
    state,
    clock,
    faults,
    log,
    tokens,
    notifier,
    signer,
    serviceRoot: () => `${graphOrigin}/beta`,
  });
  const graphApp = createGraphApp({
    ctx,
    validate: options.validateRequest ?? defaultRequestValidator(),
    acceptsToken: (token) => tokens.has(token),
    control: createControlRoutes(control),
  });
  const mediaApp = createMediaApp(ctx);

  const graphServer = await listen(graphApp, host, port("port", options.port));
  let mediaServer: Server;
  try {
    mediaServer = await listen(mediaApp, host, port("mediaPort", options.mediaPort));
  } catch (err) {
    await stop(graphServer);
    throw err;
  }
  graphOrigin = origin(graphServer, host);
  mediaOrigin = origin(mediaServer, host);

  let closing: Promise<void> | undefined;
  return {
    url: graphOrigin,
    baseUrl: `${graphOrigin}/beta`,
    v1BaseUrl: `${graphOrigin}/v1.0`,
    mediaUrl: mediaOrigin,
    controlUrl: `${graphOrigin}${CONTROL_PREFIX}`,
    accessToken: [...tokens][0] as string,
    control,
    close() {
      closing ??= (async () => {
        clock.dispose();
        outbound.close();
        await Promise.all([stop(graphServer), stop(mediaServer)]);
        await clock.idle();
      })();
      return closing;
    },
  };
}

let strictRequests: RequestValidator | undefined;

/** The strict generated validators, built once for every simulator of the process. */
function defaultRequestValidator(): RequestValidator {
  strictRequests ??= requestValidatorFrom(generatedOperations, { mode: "strict" });
  return strictRequests;
}
