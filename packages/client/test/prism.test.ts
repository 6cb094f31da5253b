/**
 * Every wrapped call sent to a Prism mock server started from spec/openapi.yaml: Prism is an
 * independent peer that validates each request against the spec and logs every violation.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRawClient,
  createRecordingClient,
  meetingRecordings,
  type RecordingClient,
  subscriptions,
} from "../src/index.js";
import { collect } from "./support/server.js";

const here = dirname(fileURLToPath(import.meta.url));
const spec = join(here, "..", "..", "..", "spec", "openapi.yaml");
const prismBin = join(here, "..", "node_modules", ".bin", "prism");
const available = existsSync(spec) && existsSync(prismBin);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe.skipIf(!available)("against a Prism mock of spec/openapi.yaml", () => {
  let prism: ChildProcess;
  let base = "";
  let log = "";
  let client: RecordingClient;
  /** The log lines Prism wrote since `mark`. */
  let mark = 0;
  const violationsSinceMark = () =>
    log
      .slice(mark)
      .split("\n")
      .filter((line) => line.includes("Violation"));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    prism = spawn(prismBin, ["mock", spec, "-h", "127.0.0.1", "-p", String(port)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    prism.stdout?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    prism.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    for (let tries = 0; !log.includes("Prism is listening"); tries++) {
      if (tries > 300 || prism.exitCode !== null) throw new Error(`prism did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    client = createRecordingClient({
      baseUrl: base,
      getToken: async () => "prism-token",
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
  }, 60_000);

  afterAll(() => {
    prism?.kill();
  });

  const calls: [string, () => Promise<unknown>][] = [
    [
      "recordResponse",
      () =>
        client.recordResponse({
          callId: "57DAB8B1894C409AB240BD8BEAE78896",
          body: {
            prompts: [
              {
                "@odata.type": "#microsoft.graph.mediaPrompt",
                mediaInfo: { uri: "https://cdn.example/prompt.wav", resourceId: "p-1" },
              },
            ],
            maxRecordDurationInSeconds: 10,
            stopTones: ["#"],
          },
        }),
    ],
    [
      "updateRecordingStatus",
      () => client.updateRecordingStatus({ callId: "c-1", body: { status: "recording" } }),
    ],
    ["getOperation", () => client.getOperation({ callId: "c-1", operationId: "op-1" })],
    [
      "listRecordings (/users)",
      async () => {
        for await (const page of meetingRecordings(client)
          .listRecordings({ meetingId: "m-1", userId: "u-1", maxPages: 1 })
          .pages())
          return page;
      },
    ],
    [
      "listRecordings (/me)",
      async () => {
        for await (const page of meetingRecordings(client)
          .listRecordings({ meetingId: "m-1", maxPages: 1 })
          .pages())
          return page;
      },
    ],
    [
      "getRecording",
      () =>
        meetingRecordings(client).getRecording({
          meetingId: "m-1",
          recordingId: "r-1",
          userId: "u-1",
        }),
    ],
    [
      "getAllRecordings",
      async () => {
        for await (const page of meetingRecordings(client)
          .getAllRecordings({
            userId: "u-1",
            startDateTime: "2026-11-01T00:00:00Z",
            endDateTime: "2026-11-30T00:00:00Z",
            top: 10,
            maxPages: 1,
          })
          .pages())
          return page;
      },
    ],
    [
      "recordingsDelta",
      async () => {
        const store = { get: () => undefined, set: () => undefined, delete: () => undefined };
        for await (const page of meetingRecordings(client)
          .recordingsDelta({ userId: "u-1", store, key: "k", maxPages: 1 })
          .pages())
          return page;
      },
    ],
    [
      "downloadRecordingContent",
      async () => {
        const download = await meetingRecordings(client).downloadRecordingContent({
          meetingId: "m-1",
          recordingId: "r-1",
          userId: "u-1",
        });
        return collect(download.body);
      },
    ],
    [
      "createSubscription",
      () =>
        subscriptions(client).createSubscription({
          body: {
            changeType: "created",
            notificationUrl: "https://bot.example/notify",
            lifecycleNotificationUrl: "https://bot.example/lifecycle",
            resource: "communications/onlineMeetings/getAllRecordings",
            expirationDateTime: "2026-11-23T12:00:00Z",
            clientState: "state",
          },
        }),
    ],
    [
      "renewSubscription",
      () =>
        subscriptions(client).renewSubscription({
          subscriptionId: "s-1",
          body: { expirationDateTime: "2026-11-23T14:00:00Z" },
        }),
    ],
    [
      "deleteSubscription",
      () => subscriptions(client).deleteSubscription({ subscriptionId: "s-1" }),
    ],
  ];

  it.each(calls)(
    "%s: Prism accepts the request and the client reads the answer",
    async (_name, call) => {
      mark = log.length;
      const result = await call();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(violationsSinceMark()).toEqual([]);
      expect(log.slice(mark)).not.toMatch(/Responding with "4\d\d"/);
      if (_name !== "deleteSubscription") expect(result).toBeDefined();
    },
  );

  it("sees Prism reject a body the spec forbids (the peer really validates)", async () => {
    mark = log.length;
    const raw = createRawClient(client);
    const { response } = await raw.POST("/communications/calls/{callId}/updateRecordingStatus", {
      params: { path: { callId: "c-1" } },
      body: { status: "paused" } as never,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(violationsSinceMark().join("\n")).toContain("request.body.status");
  });
});
