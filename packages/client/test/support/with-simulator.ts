/**
 * The client's tests against @graph-recording/simulator: simulators that close after each test,
 * scenes set up with plain `fetch` and the control API, so that the request log holds only what
 * the client under test sent, what the simulator received and created, and a way to move its
 * virtual clock at an exact point of a conversation instead of sleeping.
 */
import {
  type RecordedRequest,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from "@graph-recording/simulator";
import { afterEach } from "vitest";

/** Returns a starter of simulators; each one is closed after the test that started it. */
export function useSimulators(): (options?: SimulatorOptions) => Promise<Simulator> {
  const running: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()));
  });
  return async (options) => {
    const sim = await startSimulator(options);
    running.push(sim);
    return sim;
  };
}

/** Sends a Graph request with the simulator's token, outside the client under test. */
async function graphFetch(sim: Simulator, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${sim.accessToken}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: the simulator answered ${response.status}`);
  return response;
}

/** A call's operation, as the simulator answered the action that started it. */
export interface StartedOperation {
  callId: string;
  operationId: string;
  operation: Record<string, unknown>;
}

async function startOperation(sim: Simulator, immediate: { audioMs: number } | undefined) {
  const call = sim.control.createCall();
  if (immediate) sim.control.scriptOperations(call.id, [{ immediate: true, ...immediate }]);
  const response = await graphFetch(sim, `/communications/calls/${call.id}/recordResponse`, {
    maxRecordDurationInSeconds: 5,
  });
  const operation = (await response.json()) as Record<string, unknown>;
  sim.control.clearLogs();
  return { callId: call.id, operationId: String(operation.id), operation };
}

/** An operation the simulator is running on a new call (the request log is cleared). */
export function runningOperation(sim: Simulator): Promise<StartedOperation> {
  return startOperation(sim, undefined);
}

/**
 * A recordOperation that completed at once, holding `recordingLocation` and
 * `recordingAccessToken` (the request log is cleared).
 */
export function finishedOperation(sim: Simulator, audioMs = 3_000): Promise<StartedOperation> {
  return startOperation(sim, { audioMs });
}

/** What a completed recordOperation hands a bot, and the bytes its recordingLocation serves. */
export interface FinishedRecording {
  recordingLocation: string;
  recordingAccessToken: string;
  /** The whole file, as one plain download returns it. */
  audio: Buffer;
  /** The strong ETag the media host sends for it. */
  etag: string;
}

/** A completed recordOperation with `audioMs` of audio (the request log is cleared). */
export async function finishedRecording(
  sim: Simulator,
  audioMs: number,
): Promise<FinishedRecording> {
  const { operation } = await finishedOperation(sim, audioMs);
  const recordingLocation = String(operation.recordingLocation);
  const recordingAccessToken = String(operation.recordingAccessToken);
  const media = await fetch(recordingLocation, {
    headers: { authorization: `Bearer ${recordingAccessToken}` },
  });
  const audio = Buffer.from(await media.arrayBuffer());
  sim.control.clearLogs();
  return { recordingLocation, recordingAccessToken, audio, etag: media.headers.get("etag") ?? "" };
}

/** A meeting of the simulator's `me` user with `count` recordings, oldest first. */
export async function meetingWithRecordings(
  sim: Simulator,
  count: number,
): Promise<{ meetingId: string; organizerUserId: string; recordingIds: string[] }> {
  const meeting = sim.control.createMeeting();
  const recordingIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const recording = await sim.control.addRecording(meeting.id);
    recordingIds.push(String(recording.id));
  }
  return { meetingId: meeting.id, organizerUserId: meeting.organizerUserId, recordingIds };
}

/** The bytes of a recording's `/content`, downloaded outside the client under test. */
export async function recordingContent(
  sim: Simulator,
  meetingId: string,
  recordingId: string,
): Promise<Buffer> {
  const response = await graphFetch(
    sim,
    `/me/onlineMeetings/${meetingId}/recordings/${recordingId}/content`,
  );
  const bytes = Buffer.from(await response.arrayBuffer());
  sim.control.clearLogs();
  return bytes;
}

/** The requests the simulator received for one operationId of the spec, oldest first. */
export function received(simulator: Simulator, operationId: string): RecordedRequest[] {
  return simulator.control.requests({ operationId });
}

/** The operations of a call that carry this clientContext: more than one is a duplicated action. */
export function operationsWith(
  simulator: Simulator,
  callId: string,
  clientContext: string,
): Record<string, unknown>[] {
  return simulator.control
    .operations(callId)
    .filter((operation) => operation.clientContext === clientContext);
}

/** Every clientContext that more than one operation of these calls carries. */
export function duplicatedContexts(simulator: Simulator, callIds: readonly string[]): string[] {
  const duplicated: string[] = [];
  for (const callId of callIds) {
    const seen = new Map<unknown, number>();
    for (const operation of simulator.control.operations(callId)) {
      seen.set(operation.clientContext, (seen.get(operation.clientContext) ?? 0) + 1);
    }
    for (const [context, count] of seen) if (count > 1) duplicated.push(String(context));
  }
  return duplicated;
}

const POLL = /\/communications\/calls\/[^/]+\/operations\/[^/?]+$/;

/**
 * A fetch for the client under test that moves the simulator's virtual clock by `ms` right after
 * the `afterPolls`-th answer to `GET .../operations/{id}` arrived, before the client sees it. The
 * next poll is then the first to find the operation in its new state, whatever the machine's load.
 */
export function fetchAdvancingClock(
  simulator: Simulator,
  options: { afterPolls: number; ms: number },
): typeof globalThis.fetch {
  let polls = 0;
  return async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    if (method === "GET" && POLL.test(url.pathname) && ++polls === options.afterPolls) {
      await simulator.control.advanceClock(options.ms);
    }
    return response;
  };
}

/** Resolves once `holds()` is true, looking every few milliseconds; rejects naming `what` after 10 s. */
export async function until(holds: () => boolean, what: string): Promise<void> {
  const giveUp = Date.now() + 10_000;
  while (!holds()) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
