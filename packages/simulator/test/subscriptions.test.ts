import {
  constants,
  createDecipheriv,
  createHmac,
  createPublicKey,
  privateDecrypt,
  verify,
  X509Certificate,
} from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { graph, politeResponder, post, startReceiver } from "./support.js";

let sim: Simulator;
let hook: Awaited<ReturnType<typeof startReceiver>>;
const ORGANIZER = "8b081ef6-4792-4def-b2c9-c363a1bf41d5";

beforeEach(async () => {
  sim = await startSimulator({ startTime: "2026-02-01T00:00:00Z", validationTimeoutMs: 2000 });
  hook = await startReceiver();
});
afterEach(async () => {
  await sim.close();
  await hook.close();
});

function subscription(overrides: Record<string, unknown> = {}) {
  return {
    changeType: "created",
    notificationUrl: `${hook.url}/notify`,
    resource: "communications/onlineMeetings/getAllRecordings",
    expirationDateTime: "2026-02-01T00:50:00Z",
    clientState: "secret-client-state",
    ...overrides,
  };
}

describe("subscription validation handshake", () => {
  it("POSTs validationToken as text/plain and creates the subscription when it is echoed", async () => {
    const res = await post(sim, "/subscriptions", subscription());
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      resource: "communications/onlineMeetings/getAllRecordings",
      changeType: "created",
      clientState: "secret-client-state",
      expirationDateTime: "2026-02-01T00:50:00.000Z",
    });
    expect(hook.received).toHaveLength(1);
    const [handshake] = hook.received;
    expect(handshake?.method).toBe("POST");
    expect(handshake?.url.pathname).toBe("/notify");
    expect(handshake?.headers["content-type"]).toBe("text/plain; charset=utf-8");
    // The token has spaces and colons, so a receiver must decode it before echoing.
    expect(handshake?.url.searchParams.get("validationToken")).toMatch(
      /^Validation: Testing client application reachability for subscription Request-Id: /,
    );
    expect(sim.control.subscriptions()).toHaveLength(1);
  });

  it.each([
    [
      "answers 202 instead of 200",
      (_: unknown, res: import("node:http").ServerResponse) => {
        res.writeHead(202);
        res.end();
      },
      "status 202",
    ],
    [
      "echoes the token still encoded",
      (req: { url: URL }, res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(encodeURIComponent(req.url.searchParams.get("validationToken") ?? ""));
      },
      "a body that is not the decoded validationToken",
    ],
  ])("refuses the subscription when the endpoint %s", async (_name, responder, why) => {
    hook.setResponder(responder as never);
    const res = await post(sim, "/subscriptions", subscription());
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("InvalidRequest");
    expect(error.message).toContain(why);
    expect(sim.control.subscriptions()).toHaveLength(0);
  });

  it("refuses the subscription when the endpoint does not answer in time", async () => {
    hook.setResponder(() => {});
    const res = await post(sim, "/subscriptions", subscription());
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain("no answer (timeout)");
  });

  it.each([
    [{ resource: "me/messages" }, "Resource 'me/messages' is not supported"],
    [{ changeType: "updated" }, "changeType 'updated' is not supported for recordings"],
    [{ expirationDateTime: "2026-01-01T00:00:00Z" }, "is in the past"],
    [{ expirationDateTime: "2026-02-01T02:00:00Z" }, "lifecycleNotificationUrl is required"],
    [{ notificationUrl: "ftp://x" }, "must be an http(s) URL"],
    [{ includeResourceData: true }, "includeResourceData requires encryptionCertificate"],
  ])("rejects %j with 400", async (overrides, message) => {
    const res = await post(sim, "/subscriptions", subscription(overrides));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain(message);
    expect(hook.received).toHaveLength(0);
  });
});

describe("change notifications for new recordings", () => {
  it("notifies with clientState, subscriptionId and the recording's resource", async () => {
    const created = await (await post(sim, "/subscriptions", subscription())).json();
    const meeting = sim.control.createMeeting();
    const recording = await sim.control.addRecording(meeting.id);
    expect(hook.received).toHaveLength(2);
    const body = JSON.parse(hook.received[1]?.body ?? "{}");
    expect(body.value).toHaveLength(1);
    expect(body.value[0]).toMatchObject({
      subscriptionId: created.id,
      changeType: "created",
      clientState: "secret-client-state",
      subscriptionExpirationDateTime: "2026-02-01T00:50:00.000Z",
      resource: `communications/onlineMeetings('${meeting.id}')/recordings('${recording.id}')`,
      resourceData: { "@odata.type": "#Microsoft.Graph.callRecording", id: recording.id },
      tenantId: meeting.tenantId,
    });
    expect(sim.control.deliveries({ kind: "changeNotification" })[0]?.status).toBe(202);
  });

  it("notifies only the subscriptions whose resource covers the recording", async () => {
    const m1 = sim.control.createMeeting();
    const m2 = sim.control.createMeeting({ organizerUserId: "someone-else" });
    await post(
      sim,
      "/subscriptions",
      subscription({
        resource: `communications/onlineMeetings/${m1.id}/recordings`,
        clientState: "m1",
      }),
    );
    await post(
      sim,
      "/subscriptions",
      subscription({
        resource: `users/${ORGANIZER}/onlineMeetings/getAllRecordings`,
        clientState: "org",
      }),
    );
    await post(
      sim,
      "/subscriptions",
      subscription({
        resource: `communications/onlineMeetings('${m2.id}')/recordings`,
        clientState: "m2",
      }),
    );
    hook.received.length = 0;
    await sim.control.addRecording(m1.id);
    const states = hook.received.map((r) => JSON.parse(r.body).value[0].clientState).sort();
    expect(states).toEqual(["m1", "org"]);
    hook.received.length = 0;
    await sim.control.addRecording(m2.id);
    expect(hook.received.map((r) => JSON.parse(r.body).value[0].clientState)).toEqual(["m2"]);
  });

  it("stops notifying after expiry, and a renewal (PATCH) brings notifications back", async () => {
    const created = await (await post(sim, "/subscriptions", subscription())).json();
    const meeting = sim.control.createMeeting();
    await sim.control.advanceClock(51 * 60_000);
    await sim.control.addRecording(meeting.id);
    expect(hook.received).toHaveLength(1); // the handshake only
    const renewed = await graph(sim, `/subscriptions/${created.id}`, {
      method: "PATCH",
      body: JSON.stringify({ expirationDateTime: "2026-02-01T01:30:00Z" }),
    });
    expect(renewed.status).toBe(200);
    expect((await renewed.json()).expirationDateTime).toBe("2026-02-01T01:30:00.000Z");
    await sim.control.addRecording(meeting.id);
    expect(hook.received).toHaveLength(2);
  });

  it("deletes a subscription (204); a deleted one is gone (404) and no longer notified", async () => {
    const created = await (await post(sim, "/subscriptions", subscription())).json();
    expect(sim.control.subscriptions().map((s) => s.id)).toEqual([created.id]);
    expect((await graph(sim, `/subscriptions/${created.id}`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect((await graph(sim, `/subscriptions/${created.id}`, { method: "DELETE" })).status).toBe(
      404,
    );
    expect(sim.control.subscriptions()).toEqual([]);
    await sim.control.addRecording(sim.control.createMeeting().id);
    expect(hook.received).toHaveLength(1);
  });
});

const FIXTURES = new URL("./fixtures/", import.meta.url);
const certPem = readFileSync(new URL("notification-cert.pem", FIXTURES), "utf8");
const keyPem = readFileSync(new URL("notification-key.pem", FIXTURES), "utf8");
const certBase64 = certPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, "");

describe("notifications with resource data", () => {
  it("encrypts the recording for the subscriber's certificate and signs validation tokens", async () => {
    const created = await post(
      sim,
      "/subscriptions",
      subscription({
        includeResourceData: true,
        encryptionCertificate: certBase64,
        encryptionCertificateId: "cert-1",
      }),
    );
    expect(created.status).toBe(201);
    const meeting = sim.control.createMeeting();
    const recording = await sim.control.addRecording(meeting.id);
    const body = JSON.parse(hook.received[1]?.body ?? "{}");
    const content = body.value[0].encryptedContent;
    expect(content.encryptionCertificateId).toBe("cert-1");
    expect(content.encryptionCertificateThumbprint).toBe(
      new X509Certificate(certPem).fingerprint.replaceAll(":", ""),
    );
    // Decrypt as a receiver does: RSA-OAEP(SHA-1) key, HMAC check, AES-256-CBC with IV = key[0..16].
    const key = privateDecrypt(
      { key: keyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" },
      Buffer.from(content.dataKey, "base64"),
    );
    const data = Buffer.from(content.data, "base64");
    expect(createHmac("sha256", key).update(data).digest("base64")).toBe(content.dataSignature);
    const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
    const resource = JSON.parse(
      Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8"),
    );
    expect(resource).toMatchObject({ id: recording.id, meetingId: meeting.id, content: null });
    expect(resource).not.toHaveProperty("@odata.type");

    expect(body.validationTokens).toHaveLength(1);
    const [header, payload, signature] = String(body.validationTokens[0]).split(".");
    const jwks = sim.control.tokenKeys();
    const publicKey = createPublicKey({
      key: jwks.keys[0] as import("node:crypto").JsonWebKey,
      format: "jwk",
    });
    expect(
      verify(
        "sha256",
        Buffer.from(`${header}.${payload}`),
        publicKey,
        Buffer.from(signature ?? "", "base64url"),
      ),
    ).toBe(true);
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
    expect(claims).toMatchObject({
      appid: "0bf30f3b-4a52-48df-9a82-234910c4a086",
      aud: (await created.json()).applicationId,
      iss: `https://sts.windows.net/${meeting.tenantId}/`,
    });
  });

  it("rejects an encryptionCertificate that is not a certificate", async () => {
    const res = await post(
      sim,
      "/subscriptions",
      subscription({
        includeResourceData: true,
        encryptionCertificate: "bm90IGEgY2VydA==",
        encryptionCertificateId: "c",
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(
      "encryptionCertificate is not a base64-encoded X.509 certificate with an RSA key.",
    );
  });
});

describe("lifecycle notifications and duplicates", () => {
  it("sends lifecycle events to lifecycleNotificationUrl; subscriptionRemoved removes the subscription", async () => {
    const created = await (
      await post(
        sim,
        "/subscriptions",
        subscription({
          expirationDateTime: "2026-02-01T05:00:00Z",
          lifecycleNotificationUrl: `${hook.url}/lifecycle`,
        }),
      )
    ).json();
    // Both URLs went through the handshake.
    expect(hook.received.map((r) => r.url.pathname)).toEqual(["/notify", "/lifecycle"]);
    const delivery = await sim.control.sendLifecycleNotification(
      created.id,
      "reauthorizationRequired",
    );
    expect(delivery.status).toBe(202);
    const body = JSON.parse(hook.received[2]?.body ?? "{}");
    expect(hook.received[2]?.url.pathname).toBe("/lifecycle");
    expect(body.value[0]).toMatchObject({
      subscriptionId: created.id,
      lifecycleEvent: "reauthorizationRequired",
      clientState: "secret-client-state",
    });
    await sim.control.sendLifecycleNotification(created.id, "subscriptionRemoved");
    expect(sim.control.subscriptions()).toEqual([]);
    await expect(sim.control.sendLifecycleNotification(created.id, "missed")).rejects.toThrow(
      `no subscription with id ${created.id}`,
    );
  });

  it("redelivers a notification unchanged", async () => {
    await post(sim, "/subscriptions", subscription());
    await sim.control.addRecording(sim.control.createMeeting().id);
    const [first] = sim.control.deliveries({ kind: "changeNotification" });
    const again = await sim.control.redeliver(first?.id ?? -1);
    expect(again.status).toBe(202);
    expect(hook.received.at(-1)?.body).toBe(hook.received.at(-2)?.body);
    await expect(sim.control.redeliver(999)).rejects.toThrow("no delivery with id 999");
  });
});

describe("retries of failed change notifications", () => {
  it("retries after 1 minute when the receiver answers 5xx, and stops once it answers 2xx", async () => {
    await post(sim, "/subscriptions", subscription());
    let answers = [503, 202];
    hook.setResponder((_req, res) => {
      res.writeHead(answers.shift() ?? 202);
      res.end();
    });
    await sim.control.addRecording(sim.control.createMeeting().id);
    expect(sim.control.deliveries({ kind: "changeNotification" }).map((d) => d.status)).toEqual([
      503,
    ]);
    await sim.control.advanceClock(59_999);
    expect(sim.control.deliveries({ kind: "changeNotification" })).toHaveLength(1);
    await sim.control.advanceClock(1);
    expect(sim.control.deliveries({ kind: "changeNotification" }).map((d) => d.status)).toEqual([
      503, 202,
    ]);
    await sim.control.advanceClock(4 * 60 * 60_000);
    expect(sim.control.deliveries({ kind: "changeNotification" })).toHaveLength(2);
    answers = [];
  });

  it("gives up after 4 hours of failures (1, 2, 4 ... 128 minutes apart) and never retries a 4xx", async () => {
    await post(sim, "/subscriptions", subscription({ expirationDateTime: "2026-02-01T00:59:00Z" }));
    hook.setResponder((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    await sim.control.addRecording(sim.control.createMeeting().id);
    await sim.control.advanceClock(5 * 60 * 60_000);
    const times = sim.control
      .deliveries({ kind: "changeNotification" })
      .map((d) => Date.parse(d.time));
    const gaps = times.slice(1).map((t, i) => (t - (times[i] ?? 0)) / 60_000);
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 64]);

    // The clock is now 5 h on; the first subscription has expired.
    sim.control.clearLogs();
    hook.setResponder(politeResponder);
    const later = await post(
      sim,
      "/subscriptions",
      subscription({ expirationDateTime: "2026-02-01T05:30:00Z" }),
    );
    expect(later.status).toBe(201);
    hook.setResponder((_req, res) => {
      res.writeHead(400);
      res.end();
    });
    await sim.control.addRecording(sim.control.createMeeting().id);
    await sim.control.advanceClock(20 * 60_000);
    expect(sim.control.deliveries({ kind: "changeNotification" }).map((d) => d.status)).toEqual([
      400,
    ]);
  });
});
