import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator, wavBytes, wavSize } from "../src/index.js";
import { post } from "./support.js";

let sim: Simulator;

beforeEach(async () => {
  sim = await startSimulator({ recordingRetentionMs: 60_000 });
});
afterEach(async () => {
  await sim.close();
});

async function finishedRecording(seconds = 2) {
  const call = sim.control.createCall();
  const started = await (
    await post(sim, `/communications/calls/${call.id}/recordResponse`, {
      maxRecordDurationInSeconds: seconds,
    })
  ).json();
  await sim.control.advanceClock(seconds * 1000);
  return sim.control.getOperation(call.id, started.id) as {
    recordingLocation: string;
    recordingAccessToken: string;
  };
}

function parseWav(bytes: Buffer) {
  return {
    riff: bytes.toString("ascii", 0, 4),
    riffSize: bytes.readUInt32LE(4),
    wave: bytes.toString("ascii", 8, 12),
    fmt: bytes.toString("ascii", 12, 16),
    format: bytes.readUInt16LE(20),
    channels: bytes.readUInt16LE(22),
    sampleRate: bytes.readUInt32LE(24),
    bitsPerSample: bytes.readUInt16LE(34),
    data: bytes.toString("ascii", 36, 40),
    dataSize: bytes.readUInt32LE(40),
  };
}

describe("recordingLocation", () => {
  it("lives on its own origin, not the Graph origin", async () => {
    const op = await finishedRecording();
    expect(new URL(op.recordingLocation).origin).toBe(sim.mediaUrl);
    expect(sim.mediaUrl).not.toBe(sim.url);
  });

  it("streams a valid 16 kHz mono 16-bit WAV, chunked, with the recordingAccessToken", async () => {
    const op = await finishedRecording(2);
    const res = await fetch(op.recordingLocation, {
      headers: { authorization: `Bearer ${op.recordingAccessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("transfer-encoding")).toBe("chunked");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await res.arrayBuffer());
    const wav = parseWav(bytes);
    expect(wav).toEqual({
      riff: "RIFF",
      riffSize: bytes.length - 8,
      wave: "WAVE",
      fmt: "fmt ",
      format: 1,
      channels: 1,
      sampleRate: 16_000,
      bitsPerSample: 16,
      data: "data",
      dataSize: 2 * 16_000 * 2,
    });
    expect(bytes.length).toBe(44 + 64_000);
    // Audible: the samples are not silence.
    expect(
      Math.max(...Array.from({ length: 200 }, (_, i) => Math.abs(bytes.readInt16LE(44 + i * 2)))),
    ).toBeGreaterThan(10_000);
  });

  it.each([
    ["no Authorization header", undefined, "Access token is empty: send the recordingAccessToken."],
    [
      "the Graph token",
      "Bearer simulator-token",
      "Access token validation failure: this location takes its recordingAccessToken only.",
    ],
    [
      "a wrong token",
      "Bearer nope",
      "Access token validation failure: this location takes its recordingAccessToken only.",
    ],
  ])("answers 401 with %s", async (_name, authorization, message) => {
    const op = await finishedRecording();
    const res = await fetch(op.recordingLocation, {
      headers: authorization ? { authorization } : {},
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: "InvalidAuthenticationToken", message });
  });

  it("honours Range with 206 and Content-Range, matching the full file", async () => {
    const op = await finishedRecording(1);
    const auth = { authorization: `Bearer ${op.recordingAccessToken}` };
    const full = Buffer.from(
      await (await fetch(op.recordingLocation, { headers: auth })).arrayBuffer(),
    );
    const cases: Array<[string, number, number]> = [
      ["bytes=0-43", 0, 43],
      ["bytes=1000-", 1000, full.length - 1],
      ["bytes=-100", full.length - 100, full.length - 1],
      ["bytes=45-46", 45, 46],
    ];
    for (const [range, start, end] of cases) {
      const res = await fetch(op.recordingLocation, { headers: { ...auth, range } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${full.length}`);
      const part = Buffer.from(await res.arrayBuffer());
      expect(part.equals(full.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it("sends a strong ETag and serves a Range only when If-Range matches it", async () => {
    const op = await finishedRecording(1);
    const auth = { authorization: `Bearer ${op.recordingAccessToken}` };
    const whole = await fetch(op.recordingLocation, { headers: auth });
    const etag = whole.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const full = Buffer.from(await whole.arrayBuffer());
    const cases: Array<[string, string, number, Buffer]> = [
      ["the current ETag", etag ?? "", 206, full.subarray(1000)],
      ["another ETag", '"older-version"', 200, full],
      ["the weak form of the ETag", `W/${etag}`, 200, full],
      ["a date (no Last-Modified is sent)", "Mon, 23 Nov 2026 09:00:00 GMT", 200, full],
    ];
    for (const [name, ifRange, status, body] of cases) {
      const res = await fetch(op.recordingLocation, {
        headers: { ...auth, range: "bytes=1000-", "if-range": ifRange },
      });
      expect(res.status, name).toBe(status);
      expect(res.headers.get("etag"), name).toBe(etag);
      expect(Buffer.from(await res.arrayBuffer()).equals(body), name).toBe(true);
    }
  });

  it("answers 416 for a range past the end", async () => {
    const op = await finishedRecording(1);
    const res = await fetch(op.recordingLocation, {
      headers: { authorization: `Bearer ${op.recordingAccessToken}`, range: "bytes=999999-" },
    });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${44 + 32_000}`);
  });

  it("answers 404 once the retention time has passed", async () => {
    const op = await finishedRecording(1);
    await sim.control.advanceClock(60_000);
    const res = await fetch(op.recordingLocation, {
      headers: { authorization: `Bearer ${op.recordingAccessToken}` },
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("itemNotFound");
  });

  it("records what the media host received (to check which credentials reached it)", async () => {
    const op = await finishedRecording(1);
    await fetch(op.recordingLocation, {
      headers: { authorization: `Bearer ${op.recordingAccessToken}` },
    });
    const seen = sim.control.requests({ host: "media" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ operationId: "recordingLocation", status: 200 });
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${op.recordingAccessToken}`);
  });
});

describe("wav synthesis", () => {
  it("computes any byte range consistently with the whole file", () => {
    const spec = { durationMs: 250, frequencyHz: 440, sampleRate: 16_000 };
    const size = wavSize(spec);
    const whole = wavBytes(spec, 0, size);
    expect(whole.length).toBe(size);
    for (const [a, b] of [
      [0, 1],
      [43, 45],
      [44, 45],
      [45, 46],
      [101, 2001],
      [size - 3, size],
      [size, size + 10],
    ] as const) {
      expect(wavBytes(spec, a, b).equals(whole.subarray(a, b)), `${a}-${b}`).toBe(true);
    }
  });
});
