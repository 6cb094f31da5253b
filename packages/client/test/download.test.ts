import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  createRecordingClient,
  downloadRecordedAudio,
  meetingRecordings,
  PaymentRequiredError,
} from "../src/index.js";
import { collect, json, odataError, serve, type TestServer } from "./support/server.js";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(handler: Parameters<typeof serve>[0]) {
  const started = await serve(handler);
  servers.push(started);
  return started;
}

const media = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => i % 251));

/** Sends `media` from `start`, honouring Range unless told not to; `cut` stops after that many bytes. */
function sendMedia(
  res: ServerResponse,
  range: string | undefined,
  options: { cut?: number; stall?: boolean; ignoreRange?: boolean } = {},
) {
  const start = range && !options.ignoreRange ? Number(/bytes=(\d+)-/.exec(range)?.[1] ?? 0) : 0;
  const body = media.subarray(start);
  const headers: Record<string, string> = {
    "content-type": "audio/wav",
    "content-length": String(body.length),
    "accept-ranges": "bytes",
    etag: '"v1"',
  };
  if (start > 0) headers["content-range"] = `bytes ${start}-${media.length - 1}/${media.length}`;
  res.writeHead(start > 0 ? 206 : 200, headers);
  if (options.cut === undefined) {
    res.end(body);
    return;
  }
  // Break the connection only once the partial body has been flushed.
  res.write(body.subarray(0, options.cut), () => {
    if (!options.stall) setTimeout(() => res.socket?.destroy(), 5);
  });
}

const recording = (url: string) => ({
  recordingLocation: `${url}/media/op-1?sig=abc`,
  recordingAccessToken: "REC_TOKEN",
});

describe("recording download", () => {
  it("streams recordingLocation with its own token and never the Graph token", async () => {
    const host = await server((req, res) => sendMedia(res, req.headers.range));
    const graph = await server((_req, res) => json(res, 200, {}));
    const client = createRecordingClient({
      baseUrl: graph.url,
      getToken: async () => "GRAPH_TOKEN",
    });
    const download = await downloadRecordedAudio(client, recording(host.url));
    expect(download).toMatchObject({ contentLength: media.length, contentType: "audio/wav" });
    expect((await collect(download.body)).equals(media)).toBe(true);
    expect(host.requests[0]?.headers.authorization).toBe("Bearer REC_TOKEN");
    expect(JSON.stringify(host.requests)).not.toContain("GRAPH_TOKEN");
  });

  it("drops the recording token when its URL redirects anywhere else", async () => {
    const cdn = await server((req, res) => sendMedia(res, req.headers.range));
    const host = await server((_req, res) =>
      res.writeHead(302, { location: `${cdn.url}/blob` }).end(),
    );
    const client = createRecordingClient({ baseUrl: "https://graph.microsoft.com/beta" });
    const download = await downloadRecordedAudio(client, recording(host.url));
    expect((await collect(download.body)).length).toBe(media.length);
    expect(host.requests[0]?.headers.authorization).toBe("Bearer REC_TOKEN");
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("resumes with Range after the connection breaks", async () => {
    const host = await server((req, res, _b, n) =>
      sendMedia(res, req.headers.range, n === 1 ? { cut: 70_000 } : {}),
    );
    const client = createRecordingClient({ baseUrl: "https://graph.microsoft.com/beta" });
    const download = await downloadRecordedAudio(client, recording(host.url));
    expect((await collect(download.body)).equals(media)).toBe(true);
    expect(download.resumes).toBe(1);
    expect(host.requests[1]?.headers.range).toMatch(/^bytes=\d+-$/);
    expect(host.requests[1]?.headers["if-range"]).toBe('"v1"');
    expect(host.requests[1]?.headers.authorization).toBe("Bearer REC_TOKEN");
  });

  it("resumes after an idle stall", async () => {
    const host = await server((req, res, _b, n) =>
      sendMedia(res, req.headers.range, n === 1 ? { cut: 10_000, stall: true } : {}),
    );
    const client = createRecordingClient({ baseUrl: "https://graph.microsoft.com/beta" });
    const download = await downloadRecordedAudio(client, recording(host.url), {
      idleTimeoutMs: 100,
    });
    expect((await collect(download.body)).equals(media)).toBe(true);
    expect(download.resumes).toBe(1);
  });

  it("skips what was delivered when the server ignores Range", async () => {
    const host = await server((req, res, _b, n) =>
      sendMedia(res, req.headers.range, n === 1 ? { cut: 50_000 } : { ignoreRange: true }),
    );
    const client = createRecordingClient({ baseUrl: "https://graph.microsoft.com/beta" });
    const download = await downloadRecordedAudio(client, recording(host.url));
    expect((await collect(download.body)).equals(media)).toBe(true);
  });

  it("errors the stream once resumptions run out", async () => {
    const host = await server((req, res) => sendMedia(res, req.headers.range, { cut: 1000 }));
    const client = createRecordingClient({ baseUrl: "https://graph.microsoft.com/beta" });
    const download = await downloadRecordedAudio(client, recording(host.url), { maxResumes: 2 });
    const error = await collect(download.body).catch((e) => e);
    expect(error).toMatchObject({ kind: "network" });
    expect(error.message).toMatch(
      /^downloadRecordedAudio: the download broke after \d+ bytes and 2 resumptions$/,
    );
    expect(host.requests).toHaveLength(3);
  });

  it("delivers the first bytes before the server has sent the rest", async () => {
    let release: () => void = () => undefined;
    const host = await server((_req, res) => {
      res.writeHead(200, { "content-type": "audio/wav" });
      res.write(media.subarray(0, 1000));
      release = () => res.end(media.subarray(1000));
    });
    const client = createRecordingClient({ baseUrl: "https://graph.microsoft.com/beta" });
    const download = await downloadRecordedAudio(client, recording(host.url));
    const reader = download.body.getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBeGreaterThan(0);
    release();
    let total = first.value?.byteLength ?? 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      total += chunk.value.byteLength;
    expect(total).toBe(media.length);
  });

  it("maps 402 on /content to PaymentRequiredError", async () => {
    const graph = await server((_req, res) =>
      json(res, 402, odataError("paymentRequired", "metered API not enabled")),
    );
    const client = createRecordingClient({
      baseUrl: graph.url,
      getToken: async () => "GRAPH_TOKEN",
    });
    const error = await meetingRecordings(client)
      .downloadRecordingContent({ meetingId: "m1", recordingId: "r1" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error).toMatchObject({ kind: "payment-required", status: 402, code: "paymentRequired" });
    expect(graph.requests[0]?.headers.authorization).toBe("Bearer GRAPH_TOKEN");
  });

  it("cancels the download when the caller aborts", async () => {
    const host = await server((req, res) =>
      sendMedia(res, req.headers.range, { cut: 1000, stall: true }),
    );
    const client = createRecordingClient({ baseUrl: "https://graph.microsoft.com/beta" });
    const controller = new AbortController();
    const download = await downloadRecordedAudio(client, recording(host.url), {
      signal: controller.signal,
    });
    const reader = download.body.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ kind: "aborted" });
  });
});
