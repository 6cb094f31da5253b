/**
 * The in-memory world the simulator serves: calls and their operations, online meetings and their
 * recordings, and subscriptions. Time-driven changes are tasks on the simulator clock; outbound
 * notifications go through {@link Outbound}.
 */
import type { SimulatorClock } from "./clock.js";
import { GraphHttpError } from "./errors.js";
import { base64Id, secret, unitHash, uuid } from "./ids.js";
import { commsNotificationsBody } from "./operation-payloads.js";
import type { Outbound } from "./outbound.js";
import type { ToneSpec } from "./wav.js";

/** Graph's `resultInfo`. */
export interface ResultInfo {
  code: number;
  subcode: number;
  message: string;
}

/** Values of Graph's `operationStatus`, as sent on the wire. */
export type OperationStatus = "notStarted" | "running" | "completed" | "failed";

/** Which action started an operation. */
export type OperationKind = "record" | "recordResponse" | "updateRecordingStatus";

/**
 * How an operation unfolds. Every field is optional; defaults: no time in `notStarted`, running
 * for `maxRecordDurationInSeconds` (record actions, 5 s unless the request says otherwise) or 1 s
 * (updateRecordingStatus), then `completed` with Graph's "max record duration reached" result.
 */
export interface OperationScenario {
  /** ms spent in `notStarted` before `running` (0: the action answers `running`). */
  notStartedMs?: number;
  /** ms spent `running` before the final state. */
  runningMs?: number;
  /** Final state. */
  outcome?: "completed" | "failed";
  /** `resultInfo` of the final state (default chosen by outcome). */
  resultInfo?: ResultInfo;
  /** `completionReason` of a finished record operation (beta). */
  completionReason?: string;
  /** Length of the recorded audio in ms (default: the time spent running, at most 120 s). */
  audioMs?: number;
  /** Answer the action with the final state already (no callback follows, as Graph documents). */
  immediate?: boolean;
  /** Send the commsNotifications callback when the operation ends (default true). */
  notify?: boolean;
}

/** A call the bot is in, created through the control API. */
export interface SimCall {
  id: string;
  callbackUri: string | undefined;
  /** Bearer token the simulator sends with each callback, for the bot to check. */
  /** Bearer token for the callbacks; undefined: a fresh signed JWT for each callback. */
  callbackToken: string | undefined;
  tenantId: string;
  ended: boolean;
  recordingStatus: string;
  scenarios: OperationScenario[];
  defaultScenario: OperationScenario | undefined;
  operations: Map<string, SimOperation>;
}

/** A commsOperation started by an action. */
export interface SimOperation {
  id: string;
  callId: string;
  kind: OperationKind;
  /** Started through `/app/...` or `/applications/...`: reported with the seed-era property names. */
  legacy: boolean;
  status: OperationStatus;
  clientContext: string | null;
  resultInfo: ResultInfo | null;
  completionReason: string | null;
  recording: SimAudio | undefined;
  etag: number;
  createdAt: number;
  lastActionAt: number;
}

/** Audio served at a recordingLocation. */
export interface SimAudio {
  location: string;
  accessToken: string;
  tone: ToneSpec;
  expired: boolean;
}

/** An online meeting that holds recordings. */
export interface SimMeeting {
  id: string;
  organizerUserId: string;
  tenantId: string;
  recordings: SimRecording[];
}

/** A callRecording. */
export interface SimRecording {
  id: string;
  meetingId: string;
  callId: string;
  contentCorrelationId: string;
  createdAt: number;
  endAt: number;
  /** Creation order across the tenant; drives paging snapshots and delta rounds. */
  seq: number;
  tone: ToneSpec;
}

/** A change-notification subscription for new recordings. */
export interface SimSubscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expiresAt: number;
  includeResourceData: boolean;
  encryptionCertificate: string | null;
  encryptionCertificateId: string | null;
  target: SubscriptionTarget;
}

/** Which recordings a subscription covers. */
export type SubscriptionTarget =
  | { kind: "tenant" }
  | { kind: "meeting"; meetingId: string }
  | { kind: "organizer"; userId: string };

/** Settings the state needs from the simulator. */
export interface StateConfig {
  tenantId: string;
  meUserId: string;
  sampleRate: number;
  recordingRetentionMs: number;
  deliveryTimeoutMs: number;
  defaultScenario: OperationScenario;
  /** Base URL of the media host (recordingLocation). */
  mediaUrl: () => string;
  /** Origin of the Graph host. */
  graphUrl: () => string;
  /** Id of the application the simulated tenant talks to (subscriptions, validation tokens). */
  applicationId: string;
  /** Issues the default bearer token of a call's callbacks. */
  issueCallbackToken: (tenantId: string) => string;
  /** Retry failed change notifications on the clock, as Graph does (for up to 4 hours). */
  retryNotifications: boolean;
}

/** Thrown when the control API is used wrongly (unknown call, duplicate id, ...). */
export class SimulatorUsageError extends Error {
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.name = "SimulatorUsageError";
    this.status = status;
  }
}

const MAX_RECORD_SECONDS = 120;
const MAX_CALLBACK_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Graph's result for a recording that ran to its maximum length (code 200, subcode 8515). */
const MAX_DURATION_RESULT: ResultInfo = {
  code: 200,
  subcode: 8515,
  message: "Action completed, max record duration reached.",
};

const UPDATE_STATUS_RESULT: ResultInfo = { code: 200, subcode: 0, message: "Action completed." };

const FAILED_RESULT: ResultInfo = {
  code: 500,
  subcode: 9999,
  message: "Action failed: the media platform could not complete the request.",
};

/** Values of Graph's `recordCompletionReason`, as the spec lists them. */
const COMPLETION_REASONS = new Set([
  "operationCanceled",
  "stopToneDetected",
  "maxRecordDurationReached",
  "initialSilenceTimeout",
  "maxSilenceTimeout",
  "playPromptFailed",
  "playBeepFailed",
  "mediaReceiveTimeout",
  "unspecifiedError",
  "none",
]);

/** Checks a scenario given to the control API; the message names the field and what is wrong. */
export function checkScenario(value: unknown, where: string): OperationScenario {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SimulatorUsageError(`${where}: a scenario must be an object`);
  }
  const s = value as Record<string, unknown>;
  for (const key of ["notStartedMs", "runningMs", "audioMs"]) {
    const v = s[key];
    if (v !== undefined && !(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
      throw new SimulatorUsageError(
        `${where}/${key}: expected a number of ms >= 0, got ${JSON.stringify(v)}`,
      );
    }
  }
  if (s.outcome !== undefined && s.outcome !== "completed" && s.outcome !== "failed") {
    throw new SimulatorUsageError(
      `${where}/outcome: expected "completed" or "failed", got ${JSON.stringify(s.outcome)}`,
    );
  }
  if (s.completionReason !== undefined && !COMPLETION_REASONS.has(s.completionReason as string)) {
    throw new SimulatorUsageError(
      `${where}/completionReason: expected one of ${[...COMPLETION_REASONS].join(", ")}, got ${JSON.stringify(s.completionReason)}`,
    );
  }
  if (s.resultInfo !== undefined) {
    const r = s.resultInfo as Record<string, unknown> | null;
    const ok =
      typeof r === "object" &&
      r !== null &&
      Number.isInteger(r.code) &&
      Number.isInteger(r.subcode) &&
      typeof r.message === "string";
    if (!ok) {
      throw new SimulatorUsageError(
        `${where}/resultInfo: expected { code: integer, subcode: integer, message: string }`,
      );
    }
  }
  for (const key of ["immediate", "notify"]) {
    if (s[key] !== undefined && typeof s[key] !== "boolean") {
      throw new SimulatorUsageError(
        `${where}/${key}: expected a boolean, got ${JSON.stringify(s[key])}`,
      );
    }
  }
  return s as OperationScenario;
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value)
    ? Math.min(max, Math.max(min, value))
    : fallback;
}

/** The simulator's world. */
export class SimulatorState {
  readonly calls = new Map<string, SimCall>();
  readonly meetings = new Map<string, SimMeeting>();
  readonly subscriptions = new Map<string, SimSubscription>();
  /** Raised by {@link expireDeltaTokens}; tokens of older generations answer `resyncRequired`. */
  tokenGeneration = 0;
  private recordingSeq = 0;
  private etagSeq = 54_450;

  constructor(
    readonly clock: SimulatorClock,
    readonly outbound: Outbound,
    readonly config: StateConfig,
  ) {}

  // ---------------------------------------------------------------- calls and operations

  /** Registers a call; the bot then records on it. */
  createCall(options: {
    id?: string;
    callbackUri?: string;
    callbackToken?: string;
    tenantId?: string;
    scenario?: OperationScenario;
  }): SimCall {
    const id = options.id ?? uuid();
    if (this.calls.has(id)) throw new SimulatorUsageError(`call ${id} already exists`, 409);
    if (options.callbackUri !== undefined) {
      try {
        new URL(options.callbackUri);
      } catch {
        throw new SimulatorUsageError(`callbackUri is not an absolute URL: ${options.callbackUri}`);
      }
    }
    const tenantId = options.tenantId ?? this.config.tenantId;
    const call: SimCall = {
      id,
      callbackUri: options.callbackUri,
      callbackToken: options.callbackToken,
      tenantId,
      ended: false,
      recordingStatus: "unknown",
      scenarios: [],
      defaultScenario:
        options.scenario === undefined ? undefined : checkScenario(options.scenario, "/scenario"),
      operations: new Map(),
    };
    this.calls.set(id, call);
    return call;
  }

  /** Looks a call up for the control API. */
  requireCall(callId: string): SimCall {
    const call = this.calls.get(callId);
    if (!call) throw new SimulatorUsageError(`no call with id ${callId}`, 404);
    return call;
  }

  /** Looks a call up for a Graph request (404 when unknown or ended, as Graph does). */
  graphCall(callId: string): SimCall {
    const call = this.calls.get(callId);
    if (!call || call.ended) {
      throw new GraphHttpError({
        status: 404,
        code: "itemNotFound",
        message: call ? `Call ${callId} has ended.` : `Call ${callId} was not found.`,
      });
    }
    return call;
  }

  /** Queues scenarios for the next operations started on a call, in order. */
  queueScenarios(callId: string, scenarios: OperationScenario[]): void {
    const call = this.requireCall(callId);
    if (!Array.isArray(scenarios)) throw new SimulatorUsageError("/scenarios: expected an array");
    const checked = scenarios.map((s, i) => checkScenario(s, `/scenarios/${i}`));
    call.scenarios.push(...checked);
  }

  /** Starts an operation for an action request (body already parsed). */
  startOperation(options: {
    call: SimCall;
    kind: OperationKind;
    body: Record<string, unknown>;
    legacy: boolean;
  }): SimOperation {
    const { call, kind, body } = options;
    const scenario = {
      ...this.config.defaultScenario,
      ...call.defaultScenario,
      ...call.scenarios.shift(),
    };
    const now = this.clock.now();
    const op: SimOperation = {
      id: uuid(),
      callId: call.id,
      kind,
      legacy: options.legacy,
      status: "notStarted",
      clientContext: typeof body.clientContext === "string" ? body.clientContext : null,
      resultInfo: null,
      completionReason: null,
      recording: undefined,
      etag: this.nextEtag(),
      createdAt: now,
      lastActionAt: now,
    };
    call.operations.set(op.id, op);
    if (kind === "updateRecordingStatus" && typeof body.status === "string") {
      call.recordingStatus = body.status;
    }
    const maxSeconds = clampInt(body.maxRecordDurationInSeconds, 1, MAX_RECORD_SECONDS, 5);
    const runningMs =
      scenario.runningMs ?? (kind === "updateRecordingStatus" ? 1000 : maxSeconds * 1000);
    const notStartedMs = scenario.notStartedMs ?? 0;
    const finish = () => this.finishOperation(call, op, scenario, runningMs);
    if (scenario.immediate) {
      op.status = "running";
      this.finishOperation(call, op, { ...scenario, notify: false }, runningMs);
      return op;
    }
    if (notStartedMs > 0) {
      this.clock.after(notStartedMs, () => this.touch(op, "running"));
    } else {
      op.status = "running";
    }
    this.clock.after(notStartedMs + runningMs, finish);
    return op;
  }

  private touch(op: SimOperation, status: OperationStatus): void {
    if (op.status === "completed" || op.status === "failed") return;
    op.status = status;
    op.etag = this.nextEtag();
    op.lastActionAt = this.clock.now();
  }

  private finishOperation(
    call: SimCall,
    op: SimOperation,
    scenario: OperationScenario,
    runningMs: number,
  ): Promise<unknown> | undefined {
    if (op.status === "completed" || op.status === "failed") return undefined;
    const outcome = scenario.outcome ?? "completed";
    const isRecord = op.kind !== "updateRecordingStatus";
    op.status = outcome;
    op.etag = this.nextEtag();
    op.lastActionAt = this.clock.now();
    if (outcome === "failed") {
      op.resultInfo = scenario.resultInfo ?? FAILED_RESULT;
      if (isRecord) op.completionReason = scenario.completionReason ?? "unspecifiedError";
    } else if (isRecord) {
      op.resultInfo = scenario.resultInfo ?? MAX_DURATION_RESULT;
      op.completionReason = scenario.completionReason ?? "maxRecordDurationReached";
      const audioMs = Math.min(scenario.audioMs ?? runningMs, MAX_RECORD_SECONDS * 1000);
      op.recording = {
        location: `${this.config.mediaUrl()}/recordings/${op.id}`,
        accessToken: secret(),
        tone: {
          durationMs: audioMs,
          frequencyHz: this.toneFor(op.id),
          sampleRate: this.config.sampleRate,
        },
        expired: false,
      };
      const audio = op.recording;
      this.clock.after(this.config.recordingRetentionMs, () => {
        audio.expired = true;
      });
    } else {
      op.resultInfo = scenario.resultInfo ?? UPDATE_STATUS_RESULT;
    }
    if (scenario.notify === false) return undefined;
    return this.notifyCall(call, op);
  }

  /**
   * Sends the commsNotifications callback for a finished operation. A bot may answer a
   * redirect (302 with `Location`) to move the call's callbacks to another deployment; the
   * simulator follows it (at most 3 hops) and keeps the new URL for later callbacks.
   */
  private async notifyCall(call: SimCall, op: SimOperation): Promise<void> {
    const body = JSON.stringify(commsNotificationsBody(op));
    for (let hop = 0; hop <= MAX_CALLBACK_REDIRECTS && call.callbackUri; hop++) {
      const delivery = await this.outbound.send({
        kind: "commsNotification",
        url: call.callbackUri,
        headers: {
          "content-type": "application/json; charset=utf-8",
          authorization: `Bearer ${call.callbackToken ?? this.config.issueCallbackToken(call.tenantId)}`,
        },
        body,
        timeoutMs: this.config.deliveryTimeoutMs,
      });
      const redirected = delivery.status !== undefined && REDIRECTS.has(delivery.status);
      if (!redirected || !delivery.location) return;
      call.callbackUri = new URL(delivery.location, call.callbackUri).href;
    }
  }

  /** Finds an operation for a Graph request. */
  graphOperation(call: SimCall, operationId: string): SimOperation {
    const op = call.operations.get(operationId);
    if (!op) {
      throw new GraphHttpError({
        status: 404,
        code: "itemNotFound",
        message: `Operation ${operationId} was not found on call ${call.id}.`,
      });
    }
    return op;
  }

  /** Finds the audio behind a recordingLocation (by operation id). */
  audioForOperation(operationId: string): SimAudio | undefined {
    for (const call of this.calls.values()) {
      const op = call.operations.get(operationId);
      if (op?.recording) return op.recording;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- meetings and recordings

  /** Registers an online meeting. */
  createMeeting(options: { id?: string; organizerUserId?: string; tenantId?: string }): SimMeeting {
    const id = options.id ?? base64Id("MSo");
    if (this.meetings.has(id)) throw new SimulatorUsageError(`meeting ${id} already exists`, 409);
    const meeting: SimMeeting = {
      id,
      organizerUserId: options.organizerUserId ?? this.config.meUserId,
      tenantId: options.tenantId ?? this.config.tenantId,
      recordings: [],
    };
    this.meetings.set(id, meeting);
    return meeting;
  }

  /** Looks a meeting up for the control API. */
  requireMeeting(meetingId: string): SimMeeting {
    const meeting = this.meetings.get(meetingId);
    if (!meeting) throw new SimulatorUsageError(`no meeting with id ${meetingId}`, 404);
    return meeting;
  }

  /** Adds a finished recording to a meeting (the caller notifies the subscriptions). */
  addRecording(
    meetingId: string,
    options: {
      id?: string;
      callId?: string;
      contentCorrelationId?: string;
      createdDateTime?: string | Date;
      durationMs?: number;
    },
  ): SimRecording {
    const meeting = this.requireMeeting(meetingId);
    const id = options.id ?? base64Id("VjIjIz");
    if (meeting.recordings.some((r) => r.id === id)) {
      throw new SimulatorUsageError(`recording ${id} already exists in meeting ${meetingId}`, 409);
    }
    const durationMs = options.durationMs ?? 3000;
    if (!(durationMs >= 0 && durationMs <= MAX_RECORD_SECONDS * 1000 * 60)) {
      throw new SimulatorUsageError(`durationMs must be between 0 and 7200000, got ${durationMs}`);
    }
    const created =
      options.createdDateTime === undefined
        ? this.clock.now()
        : new Date(options.createdDateTime).getTime();
    if (Number.isNaN(created)) {
      throw new SimulatorUsageError(
        `createdDateTime is not a date: ${String(options.createdDateTime)}`,
      );
    }
    const recording: SimRecording = {
      id,
      meetingId,
      callId: options.callId ?? uuid(),
      contentCorrelationId: options.contentCorrelationId ?? uuid(),
      createdAt: created,
      endAt: created + durationMs,
      seq: ++this.recordingSeq,
      tone: { durationMs, frequencyHz: this.toneFor(id), sampleRate: this.config.sampleRate },
    };
    meeting.recordings.push(recording);
    return recording;
  }

  /** Every recording, in creation order. */
  allRecordings(): SimRecording[] {
    const all: SimRecording[] = [];
    for (const meeting of this.meetings.values()) all.push(...meeting.recordings);
    return all.sort((a, b) => a.seq - b.seq);
  }

  /** The organizer of a recording's meeting. */
  organizerOf(recording: SimRecording): string {
    return this.meetings.get(recording.meetingId)?.organizerUserId ?? this.config.meUserId;
  }

  /** Makes every skip and delta token issued so far invalid (410 `resyncRequired`). */
  expireDeltaTokens(): void {
    this.tokenGeneration++;
  }

  /** Highest recording sequence number so far. */
  lastRecordingSeq(): number {
    return this.recordingSeq;
  }

  // ---------------------------------------------------------------- internals

  private nextEtag(): number {
    return ++this.etagSeq;
  }

  private toneFor(id: string): number {
    // A pitch between 300 and 900 Hz, stable per id, so two recordings never sound alike.
    return Math.round(300 + unitHash(id) * 600);
  }
}
