/**
 * The client's tests against @graph-recording/simulator: simulators that close after each test,
 * and scenes set up with plain `fetch` and the control API, so that the request log holds only
 * what the client under test sent.
 */
import { type Simulator, type SimulatorOptions, startSimulator } from "@graph-recording/simulator";
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
