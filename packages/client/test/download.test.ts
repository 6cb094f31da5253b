/**
 * Recording downloads against @graph-recording/simulator: recordingLocation on its media host
 * (its own token, Range and If-Range against a strong ETag) and a callRecording's `/content` on
 * the Graph host (Graph token, Range ignored). Breaks, stalls, redirects and 402 are scripted
 * faults; the request log shows which credentials reached which origin.
 */
import type { Simulator } from "@graph-recording/simulator";
import { afterEach, describe, expect, it } from "vitest";
import {
  createRecordingClient,
  downloadRecordedAudio,
  meetingRecordings,
  PaymentRequiredError,
} from "../src/index.js";
import { collect, serve, type TestServer } from "./support/server.js";
import {
  finishedRecording,
  meetingWithRecordings,
  recordingContent,
  useSimulators,
} from "./support/with-simulator.js";

const simulator = useSimulators();
const foreignOrigins: TestServer[] = [];
afterEach(async () => {
  await Promise.all(foreignOrigins.splice(0).map((s) => s.close()));
});

const MEDIA = { host: "media" } as const;
/** Eight seconds of 16 kHz 16-bit audio: 256 044 bytes, several chunks on the wire. */
const AUDIO_MS = 8_000;

/** A simulator with a completed recording, and a client on it. */
async function scene() {
  const sim = await simulator();
  const recording = await finishedRecording(sim, AUDIO_MS);
  const client = createRecordingClient({
    baseUrl: sim.baseUrl,
    getToken: async () => sim.accessToken,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  return { sim, client, recording };
}

/** A meeting recording whose `/content` the client downloads, and its bytes. */
async function contentScene() {
  const sim = await simulator();
  const { meetingId, recordingIds } = await meetingWithRecordings(sim, 1);
  const recordingId = recordingIds[0] ?? "";
  const content = await recordingContent(sim, meetingId, recordingId);
  const client = createRecordingClient({
    baseUrl: sim.baseUrl,
    getToken: async () => sim.accessToken,
  });
  const download = () =>
    meetingRecordings(client).downloadRecordingContent({ meetingId, recordingId });
  return { sim, content, download };
}

const CONTENT = { operationId: "me_onlineMeeting_getRecordingContent" } as const;
const mediaRequests = (sim: Simulator) => sim.control.requests(MEDIA);

describe("recording download", () => {
  it("streams recordingLocation with its own token and never the Graph token", async () => {
    const { sim, client, recording } = await scene();
    const download = await downloadRecordedAudio(client, recording);
    // recordingLocation answers chunked: no length is known up front.
    expect(download).toMatchObject({
      contentLength: undefined,
      contentType: "application/octet-stream",
    });
    expect((await collect(download.body)).equals(recording.audio)).toBe(true);
    expect(download.resumes).toBe(0);
    const [request, ...more] = mediaRequests(sim);
    expect(more).toEqual([]);
    expect(request).toMatchObject({ operationId: "recordingLocation", status: 200 });
    expect(request?.headers.authorization).toBe(`Bearer ${recording.recordingAccessToken}`);
    expect(sim.control.requests({ host: "graph" })).toEqual([]);
    expect(JSON.stringify(sim.control.requests())).not.toContain(sim.accessToken);
  });

  it("drops the recording token when its URL redirects anywhere else", async () => {
    const { sim, client, recording } = await scene();
    const cdn = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "audio/wav" });
      res.end(recording.audio);
    });
    foreignOrigins.push(cdn);
    sim.control.faults.script({ kind: "redirect", location: `${cdn.url}/blob` }, { match: MEDIA });
    const download = await downloadRecordedAudio(client, recording);
    expect((await collect(download.body)).equals(recording.audio)).toBe(true);
    const [atMedia] = mediaRequests(sim);
    expect(atMedia).toMatchObject({ status: 302, fault: "redirect" });
    expect(atMedia?.headers.authorization).toBe(`Bearer ${recording.recordingAccessToken}`);
    expect(cdn.requests.map((r) => r.path)).toEqual(["/blob"]);
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    const atCdn = JSON.stringify(cdn.requests);
    expect(atCdn).not.toContain(recording.recordingAccessToken);
    expect(atCdn).not.toContain(sim.accessToken);
  });

  it("resumes with Range and If-Range after the connection breaks", async () => {
    const { sim, client, recording } = await scene();
    sim.control.faults.script({ kind: "truncate", bytes: 70_000 }, { match: MEDIA });
    const download = await downloadRecordedAudio(client, recording);
    // The broken answer announced the whole length before it was cut.
    expect(download.contentLength).toBe(recording.audio.length);
    expect((await collect(download.body)).equals(recording.audio)).toBe(true);
    expect(download.resumes).toBe(1);
    const [broken, resumed, ...more] = mediaRequests(sim);
    expect(more).toEqual([]);
    expect(broken).toMatchObject({ fault: "truncate", status: 200 });
    expect(broken?.headers.range).toBeUndefined();
    expect(resumed).toMatchObject({ status: 206 });
    const start = Number(/^bytes=(\d+)-$/.exec(resumed?.headers.range ?? "")?.[1]);
    expect(start).toBeLessThanOrEqual(70_000);
    expect(resumed?.headers["if-range"]).toBe(recording.etag);
    expect(resumed?.headers.authorization).toBe(`Bearer ${recording.recordingAccessToken}`);
  });

  it("resumes after an idle stall", async () => {
    const { sim, client, recording } = await scene();
    sim.control.faults.script({ kind: "stall", afterBytes: 10_000 }, { match: MEDIA });
    const download = await downloadRecordedAudio(client, recording, { idleTimeoutMs: 100 });
    expect((await collect(download.body)).equals(recording.audio)).toBe(true);
    expect(download.resumes).toBe(1);
    const [stalled, resumed, ...more] = mediaRequests(sim);
    expect(more).toEqual([]);
    expect(stalled).toMatchObject({ fault: "stall", status: 200 });
    // The connection stayed open, so every byte sent before the stall was read.
    expect(resumed).toMatchObject({ status: 206 });
    expect(resumed?.headers.range).toBe("bytes=10000-");
    expect(resumed?.headers["if-range"]).toBe(recording.etag);
  });

  it("skips what was delivered when the server ignores Range", async () => {
    const { sim, content, download: open } = await contentScene();
    sim.control.faults.script({ kind: "truncate", bytes: 50_000 }, { match: CONTENT });
    const download = await open();
    expect(download).toMatchObject({
      contentLength: content.length,
      contentType: "application/octet-stream",
    });
    expect((await collect(download.body)).equals(content)).toBe(true);
    expect(download.resumes).toBe(1);
    const [broken, resumed, ...more] = sim.control.requests(CONTENT);
    expect(more).toEqual([]);
    expect(broken).toMatchObject({ fault: "truncate", status: 200 });
    // `/content` answers the whole file again: the Range was ignored.
    expect(resumed?.headers.range).toMatch(/^bytes=\d+-$/);
    expect(resumed).toMatchObject({ status: 200 });
    for (const request of [broken, resumed]) {
      expect(request?.headers.authorization).toBe(`Bearer ${sim.accessToken}`);
    }
  });

  it("errors the stream once resumptions run out", async () => {
    const { sim, client, recording } = await scene();
    sim.control.faults.script({ kind: "truncate", bytes: 1000 }, { match: MEDIA, repeat: true });
    const download = await downloadRecordedAudio(client, recording, { maxResumes: 2 });
    const error = await collect(download.body).catch((e) => e);
    expect(error).toMatchObject({ kind: "network" });
    expect(error.message).toMatch(
      /^downloadRecordedAudio: the download broke after \d+ bytes and 2 resumptions$/,
    );
    expect(mediaRequests(sim).map((r) => r.fault)).toEqual(["truncate", "truncate", "truncate"]);
  });

  it("delivers the first bytes before the server has sent the rest", async () => {
    const { sim, client, recording } = await scene();
    // The media host sends 1000 bytes, then holds the rest of this answer for good.
    sim.control.faults.script({ kind: "stall", afterBytes: 1000 }, { match: MEDIA });
    const download = await downloadRecordedAudio(client, recording, { idleTimeoutMs: 200 });
    const reader = download.body.getReader();
    const first = await reader.read();
    const firstBytes = Buffer.from(first.value ?? new Uint8Array());
    expect(firstBytes.length).toBeGreaterThan(0);
    expect(firstBytes.length).toBeLessThanOrEqual(1000);
    expect(firstBytes.equals(recording.audio.subarray(0, firstBytes.length))).toBe(true);
    expect(mediaRequests(sim)).toHaveLength(1);
    // The rest comes through a resumption once the held answer goes idle.
    const chunks = [firstBytes];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      chunks.push(Buffer.from(chunk.value));
    expect(Buffer.concat(chunks).equals(recording.audio)).toBe(true);
  });

  it("maps 402 on /content to PaymentRequiredError", async () => {
    const { sim, download } = await contentScene();
    sim.control.faults.script(
      {
        kind: "status",
        status: 402,
        code: "paymentRequired",
        message: "metered API not enabled",
      },
      { match: CONTENT },
    );
    const error = await download().catch((e) => e);
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error).toMatchObject({ kind: "payment-required", status: 402, code: "paymentRequired" });
    const [request, ...more] = sim.control.requests(CONTENT);
    expect(more).toEqual([]);
    expect(request?.headers.authorization).toBe(`Bearer ${sim.accessToken}`);
    expect(error.requestId).toBe(request?.requestId);
  });

  it("cancels the download when the caller aborts", async () => {
    const { sim, client, recording } = await scene();
    sim.control.faults.script({ kind: "stall", afterBytes: 1000 }, { match: MEDIA });
    const controller = new AbortController();
    const download = await downloadRecordedAudio(client, recording, {
      signal: controller.signal,
    });
    const reader = download.body.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ kind: "aborted" });
    expect(mediaRequests(sim)).toHaveLength(1);
  });
});
