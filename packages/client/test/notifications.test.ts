import {
  constants,
  createCipheriv,
  createHmac,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createRecordingClient, type NotificationError } from "../src/index.js";
import { createNotificationReceiver, toNodeHandler } from "../src/notifications.js";
import { until, useSimulators } from "./support/with-simulator.js";

const startSimulator = useSimulators();

const post = (body: unknown, headers: Record<string, string> = {}, path = "/notify") =>
  new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const completed = (etag = 'W/"1"') => ({
  "@odata.type": "#microsoft.graph.commsNotifications",
  value: [
    {
      "@odata.type": "#microsoft.graph.commsNotification",
      changeType: "deleted",
      resourceUrl: "/communications/calls/call-1/operations/op-1",
      resourceData: {
        "@odata.type": "#microsoft.graph.recordOperation",
        "@odata.etag": etag,
        id: "op-1",
        status: "completed",
        recordingLocation: "https://media.example/rec",
        recordingAccessToken: "REC_TOKEN",
      },
    },
  ],
});

const change = (overrides: Record<string, unknown> = {}) => ({
  value: [
    {
      subscriptionId: "5a0f7f5e-0000-4000-8000-000000000001",
      changeType: "created",
      clientState: "secret-state",
      resource: "communications/onlineMeetings('m1')/recordings('r1')",
      resourceData: { id: "r1", "@odata.type": "#Microsoft.Graph.callRecording", "@odata.id": "x" },
      subscriptionExpirationDateTime: "2026-11-23T10:00:00Z",
      tenantId: "5a0f7f5e-0000-4000-8000-000000000002",
      ...overrides,
    },
  ],
});

describe("subscription validation", () => {
  it("echoes the URL-decoded validationToken as text/plain", async () => {
    const receiver = createNotificationReceiver({});
    const response = await receiver.handle(
      new Request(
        "http://127.0.0.1/notify?validationToken=Validation%3A%20Testing%20client%20application%20reachability%20for%20subscription%20Request-Id%3A%2025d1b7a9",
        {
          method: "POST",
          headers: { "content-type": "text/plain; charset=utf-8" },
        },
      ),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(
      "Validation: Testing client application reachability for subscription Request-Id: 25d1b7a9",
    );
  });
});

describe("commsNotifications", () => {
  it("rejects a callback whose bearer token does not verify", async () => {
    const errors: NotificationError[] = [];
    const receiver = createNotificationReceiver({
      verifyBearer: (token) => token === "good",
      onError: (e) => errors.push(e),
    });
    const response = await receiver.handle(post(completed(), { authorization: "Bearer bad" }));
    expect(response.status).toBe(401);
    expect(errors.map((e) => e.reason)).toEqual(["bearer"]);
  });

  it("answers 202, deduplicates by operation and ETag, and hands final states to the hub", async () => {
    const seen: string[] = [];
    const client = createRecordingClient({ baseUrl: "https://graph.microsoft.com/beta" });
    const receiver = createNotificationReceiver({
      verifyBearer: (token) => token === "good",
      operationHub: client.operationHub,
      onOperation: (operation) => {
        seen.push(`${operation.id}:${operation.status}`);
      },
    });
    for (const etag of ['W/"1"', 'W/"1"', 'W/"2"']) {
      const response = await receiver.handle(
        post(completed(etag), { authorization: "Bearer good" }),
      );
      expect(response.status).toBe(202);
    }
    await receiver.idle();
    expect(seen).toEqual(["op-1:completed", "op-1:completed"]);
    expect(client.operationHub.peek("op-1")).toMatchObject({ status: "completed" });
  });

  it("rejects a body that is not JSON or not a notification", async () => {
    const receiver = createNotificationReceiver({ verifyBearer: () => true });
    expect((await receiver.handle(post("{oops"))).status).toBe(400);
    expect((await receiver.handle(post({ hello: "world" }))).status).toBe(400);
  });

  it("rejects a payload the validator refuses", async () => {
    const receiver = createNotificationReceiver({
      verifyBearer: () => true,
      validate: ({ operationId }) =>
        operationId === "commsNotifications"
          ? [{ path: "/value/0/changeType", message: "Invalid option" }]
          : [],
    });
    expect((await receiver.handle(post(completed(), { authorization: "Bearer x" }))).status).toBe(
      400,
    );
  });

  it("ends waitForOperation when the simulator's callback arrives while a poll is still out", async () => {
    const simulator = await startSimulator();
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => simulator.accessToken,
      poll: { initialDelayMs: 20, maxDelayMs: 40 },
    });
    const callbackToken = "callback-token-for-this-test";
    const receiver = createNotificationReceiver({
      verifyBearer: (token) => token === callbackToken,
      operationHub: client.operationHub,
    });
    const server = createServer(toNodeHandler(receiver));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const call = simulator.control.createCall({
        callbackUri: `http://127.0.0.1:${port}/callback`,
        callbackToken,
      });
      simulator.control.scriptOperations(call.id, [{ runningMs: 3_000 }]);
      // Polls never answer: only the callback can end this wait.
      simulator.control.faults.script([{ kind: "stall" }], {
        match: { operationId: "call_getOperation" },
        repeat: true,
      });
      const started = await client.recordResponse({ callId: call.id, body: {} });
      const waiting = client.waitForOperation(started, { timeoutMs: 20_000 });
      await until(
        () => simulator.control.requests({ operationId: "call_getOperation" }).length > 0,
        "the first poll",
      );
      // The operation ends on the virtual clock and the simulator posts its callback.
      await simulator.control.advanceClock(3_000);
      const truth = simulator.control.getOperation(call.id, String(started.operation?.id));
      await expect(waiting).resolves.toMatchObject({
        id: truth.id,
        status: "completed",
        recordingLocation: truth.recordingLocation,
        recordingAccessToken: truth.recordingAccessToken,
      });
      const callbacks = simulator.control.deliveries({ kind: "commsNotification" });
      expect(callbacks.map((delivery) => delivery.status)).toEqual([202]);
      expect(
        simulator.control.requests({ operationId: "call_getOperation" }).map((r) => r.fault),
      ).toEqual(["stall"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("change notifications", () => {
  it("answers 202 and drops a notification whose clientState does not match", async () => {
    const delivered: unknown[] = [];
    const errors: NotificationError[] = [];
    const receiver = createNotificationReceiver({
      clientState: "secret-state",
      onChangeNotification: (n) => {
        delivered.push(n.resource);
      },
      onError: (e) => errors.push(e),
    });
    expect((await receiver.handle(post(change({ clientState: "forged" })))).status).toBe(202);
    expect((await receiver.handle(post(change()))).status).toBe(202);
    expect((await receiver.handle(post(change()))).status).toBe(202);
    await receiver.idle();
    expect(delivered).toEqual(["communications/onlineMeetings('m1')/recordings('r1')"]);
    expect(errors.map((e) => e.reason)).toEqual(["client-state"]);
    expect(errors[0]?.message).not.toContain("forged");
    expect(errors[0]?.message).not.toContain("secret-state");
  });

  it("surfaces lifecycle events", async () => {
    const events: string[] = [];
    const receiver = createNotificationReceiver({
      clientState: "secret-state",
      onLifecycleEvent: (n) => {
        events.push(n.lifecycleEvent ?? "");
      },
    });
    await receiver.handle(post(change({ lifecycleEvent: "reauthorizationRequired" })));
    await receiver.idle();
    expect(events).toEqual(["reauthorizationRequired"]);
  });

  it("drops a batch whose validationTokens do not verify", async () => {
    const errors: string[] = [];
    const receiver = createNotificationReceiver({
      verifyValidationTokens: () => false,
      onChangeNotification: () => {
        throw new Error("must not be called");
      },
      onError: (e) => errors.push(e.reason),
    });
    await receiver.handle(post({ ...change(), validationTokens: ["eyJhbGciOi.eyJzdWIiOi.sig"] }));
    await receiver.idle();
    expect(errors).toEqual(["validation-tokens"]);
  });
});

describe("rich notifications", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();

  /** Encrypts a resource as Graph does; `plaintext` replaces its JSON (to send text that is not JSON). */
  function encrypt(
    resource: unknown,
    certificateId = "cert-1",
    plaintext = JSON.stringify(resource),
  ) {
    const key = randomBytes(32);
    const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return {
      data: data.toString("base64"),
      dataSignature: createHmac("sha256", key).update(data).digest("base64"),
      dataKey: publicEncrypt(
        { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" },
        key,
      ).toString("base64"),
      encryptionCertificateId: certificateId,
      encryptionCertificateThumbprint: "AB12",
    };
  }

  it("decrypts encryptedContent with the key of its certificate id", async () => {
    const resources: unknown[] = [];
    const receiver = createNotificationReceiver({
      decryptionKeys: { "cert-old": pem, "cert-1": pem },
      onChangeNotification: (_n, { resource }) => {
        resources.push(resource);
      },
    });
    const recording = {
      id: "r1",
      meetingId: "m1",
      content: null,
      createdDateTime: "2026-11-23T09:00:00Z",
    };
    await receiver.handle(
      post(change({ clientState: null, encryptedContent: encrypt(recording) })),
    );
    await receiver.idle();
    expect(resources).toEqual([recording]);
  });

  it.each([
    [
      "signature",
      (c: ReturnType<typeof encrypt>) => ({
        ...c,
        dataSignature: Buffer.alloc(32).toString("base64"),
      }),
    ],
    [
      "unknown-key",
      (c: ReturnType<typeof encrypt>) => ({ ...c, encryptionCertificateId: "cert-unknown" }),
    ],
    [
      "decryption",
      (c: ReturnType<typeof encrypt>) => ({ ...c, dataKey: Buffer.alloc(256).toString("base64") }),
    ],
  ])("refuses content with a bad %s and never hands it over", async (reason, tamper) => {
    const errors: NotificationError[] = [];
    const receiver = createNotificationReceiver({
      decryptionKeys: (id) => (id === "cert-1" ? pem : undefined),
      onChangeNotification: () => {
        throw new Error("must not be called");
      },
      onError: (e) => errors.push(e),
    });
    await receiver.handle(
      post(change({ clientState: null, encryptedContent: tamper(encrypt({ id: "r1" })) })),
    );
    await receiver.idle();
    expect(errors.map((e) => e.reason)).toEqual([reason]);
    expect(JSON.stringify(errors[0])).not.toContain("PRIVATE KEY");
  });

  it.each([
    ["a short text", "'RESOURCE_SECRET'"],
    ["text around a fault", '{"id":"r1","note":RESOURCE_SECRET_AND_MORE}'],
  ])("keeps decrypted text that is not JSON out of the error: %s", async (_name, plaintext) => {
    const errors: NotificationError[] = [];
    const receiver = createNotificationReceiver({
      decryptionKeys: { "cert-1": pem },
      onChangeNotification: () => {
        throw new Error("must not be called");
      },
      onError: (e) => errors.push(e),
    });
    await receiver.handle(
      post(change({ clientState: null, encryptedContent: encrypt(null, "cert-1", plaintext) })),
    );
    await receiver.idle();
    expect(errors.map((e) => e.reason)).toEqual(["decryption"]);
    for (const text of [JSON.stringify(errors[0]), inspect(errors[0], { showHidden: true })])
      expect(text).not.toContain("RESOURCE");
  });
});

describe("node:http adapter", () => {
  it("serves validation and notifications over a real server", async () => {
    const operations: string[] = [];
    const receiver = createNotificationReceiver({
      verifyBearer: (token) => token === "good",
      onOperation: (operation) => {
        operations.push(String(operation.id));
      },
    });
    const server = createServer(toNodeHandler(receiver));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      const validation = await fetch(`${base}/notify?validationToken=a%2Bb%20c`, {
        method: "POST",
      });
      expect(validation.status).toBe(200);
      expect(await validation.text()).toBe("a+b c");
      const notified = await fetch(`${base}/notify`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer good" },
        body: JSON.stringify(completed()),
      });
      expect(notified.status).toBe(202);
      await receiver.idle();
      expect(operations).toEqual(["op-1"]);
      const big = await fetch(`${base}/notify`, {
        method: "POST",
        body: "x".repeat(2 * 1024 * 1024),
      });
      expect(big.status).toBe(413);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
