/**
 * The control API: what a test (or a developer at the CLI) uses to set the scene and look behind
 * it. Exposed as an object by `startSimulator` and over HTTP under `/_simulator`.
 */
import type { ChangeNotifier, LifecycleEvent } from "./change-notifications.js";
import type { SimulatorClock } from "./clock.js";
import type { FaultInjector } from "./faults.js";
import { operationJson } from "./operation-payloads.js";
import type { Delivery, DeliveryKind } from "./outbound.js";
import type { RecordedRequest, RequestFilter, RequestLog } from "./request-log.js";
import type { TokenSigner } from "./rich-notifications.js";
import { recordingJson } from "./routes/recordings.js";
import { subscriptionJson } from "./routes/subscriptions.js";
import { type OperationScenario, type SimulatorState, SimulatorUsageError } from "./state.js";

/** Options of {@link SimulatorControl.createCall}. */
export interface CreateCallOptions {
  /** Call id (default: a new UUID). */
  id?: string;
  /** Where the simulator POSTs commsNotifications when an operation ends. */
  callbackUri?: string;
  /**
   * Bearer token sent with every callback, for the bot to compare. Without it, each callback
   * carries a fresh JWT as Graph's do (issuer `https://api.botframework.com`, audience the
   * application id, `tid`, a day's validity), signed by the simulator's key: verify it with
   * `tokenKeys()`.
   */
  callbackToken?: string;
  tenantId?: string;
  /** How operations on this call unfold unless a queued scenario says otherwise. */
  scenario?: OperationScenario;
}

/** A call as the control API reports it. */
export interface CallInfo {
  id: string;
  callbackUri: string | undefined;
  /** The fixed callback token, or undefined when each callback carries a fresh signed JWT. */
  callbackToken: string | undefined;
  tenantId: string;
}

/** Options of {@link SimulatorControl.createMeeting}. */
export interface CreateMeetingOptions {
  id?: string;
  /** Organizer's user id (default: the simulator's `me`). */
  organizerUserId?: string;
  tenantId?: string;
}

/** A meeting as the control API reports it. */
export interface MeetingInfo {
  id: string;
  organizerUserId: string;
  tenantId: string;
}

/** Options of {@link SimulatorControl.addRecording}. */
export interface AddRecordingOptions {
  id?: string;
  callId?: string;
  contentCorrelationId?: string;
  /** Default: the simulator's current time. */
  createdDateTime?: string | Date;
  /** Audio length (default 3000 ms). */
  durationMs?: number;
}

/** Everything a test can do to the simulator besides sending it Graph requests. */
export interface SimulatorControl {
  /** Registers a call that actions can target. */
  createCall(options?: CreateCallOptions): CallInfo;
  /** A call, with the recording status last reported through updateRecordingStatus. */
  getCall(callId: string): CallInfo & { recordingStatus: string; ended: boolean };
  /** Ends a call: later requests on it answer 404. */
  endCall(callId: string): void;
  /** Queues how the next operations on a call unfold, one scenario per operation, in order. */
  scriptOperations(callId: string, scenarios: OperationScenario[]): void;
  /** Every operation started on a call, oldest first (beta shape): to count duplicates. */
  operations(callId: string): Record<string, unknown>[];
  /** An operation's current JSON (beta shape), as `GET operations/{id}` would return it. */
  getOperation(callId: string, operationId: string): Record<string, unknown>;
  /** Registers an online meeting. */
  createMeeting(options?: CreateMeetingOptions): MeetingInfo;
  /**
   * Adds a finished recording to a meeting; resolves with its callRecording JSON once the
   * subscribers were notified.
   */
  addRecording(meetingId: string, options?: AddRecordingOptions): Promise<Record<string, unknown>>;
  /** Makes every skip and delta token issued so far answer 410 `resyncRequired`. */
  expireDeltaTokens(): void;
  /** Scripted faults. */
  readonly faults: FaultInjector;
  /** Moves the clock forward, runs what fell due and waits for the callbacks it sent. */
  advanceClock(ms: number): Promise<void>;
  /** The simulator's current time. */
  now(): Date;
  /** Waits until outbound deliveries already started have finished. */
  settle(): Promise<void>;
  /** Requests received, oldest first. */
  requests(filter?: RequestFilter): RecordedRequest[];
  /** Outbound requests (callbacks, handshakes, change notifications), oldest first. */
  deliveries(filter?: { kind?: DeliveryKind }): Delivery[];
  /** Active subscriptions. */
  subscriptions(): Record<string, unknown>[];
  /**
   * Sends a lifecycle notification (`subscriptionRemoved` also removes the subscription) to
   * the subscription's lifecycleNotificationUrl; resolves with the delivery.
   */
  sendLifecycleNotification(subscriptionId: string, event: LifecycleEvent): Promise<Delivery>;
  /** Sends a recorded delivery again, unchanged: the duplicate a receiver must tolerate. */
  redeliver(deliveryId: number): Promise<Delivery>;
  /**
   * The JWKS that verifies the tokens the simulator signs: the `validationTokens` of
   * notifications with resource data, and the default bearer tokens of call callbacks.
   */
  tokenKeys(): { keys: Array<Record<string, unknown>> };
  /** Replaces the set of Graph bearer tokens accepted (others get 401). */
  acceptTokens(tokens: string[]): void;
  /** Forgets recorded requests and deliveries. */
  clearLogs(): void;
}

/** Services the control API drives. */
export interface ControlDeps {
  state: SimulatorState;
  clock: SimulatorClock;
  faults: FaultInjector;
  log: RequestLog;
  tokens: Set<string>;
  notifier: ChangeNotifier;
  signer: TokenSigner;
  /** Service root used in JSON that holds URLs (recordingContentUrl). */
  serviceRoot: () => string;
}

/** Builds the control API over the simulator's services. */
export function createControl(deps: ControlDeps): SimulatorControl {
  const { state, clock } = deps;
  return {
    createCall(options = {}) {
      const call = state.createCall(options);
      return {
        id: call.id,
        callbackUri: call.callbackUri,
        callbackToken: call.callbackToken,
        tenantId: call.tenantId,
      };
    },
    getCall(callId) {
      const call = state.requireCall(callId);
      return {
        id: call.id,
        callbackUri: call.callbackUri,
        callbackToken: call.callbackToken,
        tenantId: call.tenantId,
        recordingStatus: call.recordingStatus,
        ended: call.ended,
      };
    },
    endCall(callId) {
      state.requireCall(callId).ended = true;
    },
    scriptOperations(callId, scenarios) {
      state.queueScenarios(callId, scenarios);
    },
    operations(callId) {
      return [...state.requireCall(callId).operations.values()].map((op) =>
        operationJson(op, { beta: true }),
      );
    },
    getOperation(callId, operationId) {
      const call = state.requireCall(callId);
      const op = call.operations.get(operationId);
      if (!op) throw new Error(`no operation ${operationId} on call ${callId}`);
      return operationJson(op, { beta: true });
    },
    createMeeting(options = {}) {
      const meeting = state.createMeeting(options);
      return {
        id: meeting.id,
        organizerUserId: meeting.organizerUserId,
        tenantId: meeting.tenantId,
      };
    },
    async addRecording(meetingId, options = {}) {
      const recording = state.addRecording(meetingId, options);
      await deps.notifier.recordingAdded(recording);
      return recordingJson(recording, state, deps.serviceRoot());
    },
    expireDeltaTokens() {
      state.expireDeltaTokens();
    },
    faults: deps.faults,
    advanceClock(ms) {
      return clock.advance(ms);
    },
    now() {
      return clock.date();
    },
    async settle() {
      await clock.idle();
    },
    requests(filter) {
      return deps.log.list(filter);
    },
    deliveries(filter = {}) {
      return state.outbound
        .list()
        .filter((d) => filter.kind === undefined || d.kind === filter.kind);
    },
    subscriptions() {
      return [...state.subscriptions.values()].map((s) =>
        subscriptionJson(s, state.config.applicationId),
      );
    },
    sendLifecycleNotification(subscriptionId, event) {
      return deps.notifier.lifecycle(subscriptionId, event);
    },
    async redeliver(deliveryId) {
      try {
        return await state.outbound.resend(deliveryId, state.config.deliveryTimeoutMs);
      } catch (err) {
        throw new SimulatorUsageError(err instanceof Error ? err.message : String(err), 404);
      }
    },
    tokenKeys() {
      return deps.signer.jwks();
    },
    acceptTokens(tokens) {
      deps.tokens.clear();
      for (const t of tokens) deps.tokens.add(t);
    },
    clearLogs() {
      deps.log.clear();
      state.outbound.clear();
    },
  };
}
