import { createPublicKey, verify } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { graph, post, startReceiver } from "./support.js";

let sim: Simulator;
let bot: Awaited<ReturnType<typeof startReceiver>>;

beforeEach(async () => {
  sim = await startSimulator();
  bot = await startReceiver();
});
afterEach(async () => {
  await sim.close();
  await bot.close();
});

describe("recordResponse", () => {
  it("answers 200 with Location and a running recordOperation", async () => {
    const call = sim.control.createCall({ callbackUri: `${bot.url}/callback` });
    const res = await post(sim, `/communications/calls/${call.id}/recordResponse`, {
      clientContext: "ctx-1",
      maxRecordDurationInSeconds: 4,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      "@odata.type": "#microsoft.graph.recordOperation",
      status: "running",
      clientContext: "ctx-1",
      resultInfo: null,
      recordingLocation: null,
      recordingAccessToken: null,
      completionReason: null,
    });
    expect(res.headers.get("location")).toBe(
      `${sim.baseUrl}/communications/calls/${call.id}/operations/${body.id}`,
    );
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("moves running -> completed on the clock and GET operations/{id} reflects it", async () => {
    const call = sim.control.createCall({ callbackUri: `${bot.url}/callback` });
    const started = await (
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {
        maxRecordDurationInSeconds: 4,
      })
    ).json();
    const opPath = `/communications/calls/${call.id}/operations/${started.id}`;
    await sim.control.advanceClock(3_999);
    expect((await (await graph(sim, opPath)).json()).status).toBe("running");
    await sim.control.advanceClock(1);
    const done = await (await graph(sim, opPath)).json();
    expect(done).toMatchObject({
      status: "completed",
      resultInfo: { code: 200, subcode: 8515 },
      completionReason: "maxRecordDurationReached",
    });
    expect(done.recordingLocation).toMatch(new RegExp(`^${sim.mediaUrl}/recordings/`));
    expect(typeof done.recordingAccessToken).toBe("string");
  });

  it("POSTs a commsNotifications callback (changeType deleted) with the call's bearer token", async () => {
    const call = sim.control.createCall({
      callbackUri: `${bot.url}/callback`,
      callbackToken: "bot-secret",
    });
    const started = await (
      await post(sim, `/communications/calls/${call.id}/recordResponse`, { clientContext: "c2" })
    ).json();
    await sim.control.advanceClock(5_000);
    expect(bot.received).toHaveLength(1);
    const [cb] = bot.received;
    expect(cb?.method).toBe("POST");
    expect(cb?.url.pathname).toBe("/callback");
    expect(cb?.headers.authorization).toBe("Bearer bot-secret");
    expect(cb?.headers["content-type"]).toMatch(/^application\/json/);
    const body = JSON.parse(cb?.body ?? "");
    expect(body["@odata.type"]).toBe("#microsoft.graph.commsNotifications");
    expect(body.value).toHaveLength(1);
    expect(body.value[0]).toMatchObject({
      "@odata.type": "#microsoft.graph.commsNotification",
      changeType: "deleted",
      resourceUrl: `/communications/calls/${call.id}/operations/${started.id}`,
      resourceData: {
        "@odata.type": "#microsoft.graph.recordOperation",
        "@odata.id": `/communications/calls/${call.id}/operations/${started.id}`,
        id: started.id,
        clientContext: "c2",
        status: "completed",
      },
    });
    expect(body.value[0].resourceData["@odata.etag"]).toMatch(/^W\/"\d+"$/);
    const deliveries = sim.control.deliveries({ kind: "commsNotification" });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.status).toBe(202);
  });

  it("signs the default callback token as Graph does, verifiable with tokenKeys()", async () => {
    const call = sim.control.createCall({ callbackUri: `${bot.url}/callback` });
    await post(sim, `/communications/calls/${call.id}/recordResponse`, {});
    await sim.control.advanceClock(5_000);
    const token = String(bot.received[0]?.headers.authorization).replace(/^Bearer /, "");
    expect(call.callbackToken).toBeUndefined();
    const [header, payload, signature] = token.split(".");
    const key = createPublicKey({
      key: sim.control.tokenKeys().keys[0] as import("node:crypto").JsonWebKey,
      format: "jwk",
    });
    const signed = Buffer.from(`${header}.${payload}`);
    expect(verify("sha256", signed, key, Buffer.from(signature ?? "", "base64url"))).toBe(true);
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
    expect(claims).toMatchObject({ iss: "https://api.botframework.com", tid: call.tenantId });
    expect(claims.exp - claims.iat).toBe(24 * 3600);
    expect(typeof claims.aud).toBe("string");
  });

  it("starts in notStarted when the scenario says so, then runs and fails with its resultInfo", async () => {
    const call = sim.control.createCall({ callbackUri: `${bot.url}/cb` });
    sim.control.scriptOperations(call.id, [
      {
        notStartedMs: 1000,
        runningMs: 2000,
        outcome: "failed",
        resultInfo: {
          code: 400,
          subcode: 8508,
          message: "Action failed, the prompt could not be played.",
        },
        completionReason: "playPromptFailed",
      },
    ]);
    const started = await (
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {})
    ).json();
    expect(started.status).toBe("notStarted");
    const opPath = `/communications/calls/${call.id}/operations/${started.id}`;
    await sim.control.advanceClock(1000);
    expect((await (await graph(sim, opPath)).json()).status).toBe("running");
    await sim.control.advanceClock(2000);
    const failed = await (await graph(sim, opPath)).json();
    expect(failed).toMatchObject({
      status: "failed",
      resultInfo: { code: 400, subcode: 8508 },
      completionReason: "playPromptFailed",
      recordingLocation: null,
    });
    const note = JSON.parse(bot.received[0]?.body ?? "{}");
    expect(note.value[0].resourceData.status).toBe("failed");
  });

  it("answers with the final state at once for an immediate scenario and sends no callback", async () => {
    const call = sim.control.createCall({
      callbackUri: `${bot.url}/cb`,
      scenario: { immediate: true },
    });
    const body = await (
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {})
    ).json();
    expect(body.status).toBe("completed");
    expect(body.recordingLocation).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/recordings\//);
    await sim.control.advanceClock(60_000);
    expect(bot.received).toHaveLength(0);
  });

  it("omits completionReason on v1.0", async () => {
    const call = sim.control.createCall();
    const res = await graph(
      sim,
      `${sim.v1BaseUrl}/communications/calls/${call.id}/recordResponse`,
      {
        method: "POST",
        body: "{}",
      },
    );
    const body = await res.json();
    expect(body).not.toHaveProperty("completionReason");
    expect(res.headers.get("location")).toContain("/v1.0/communications/calls/");
  });
});

describe("callback redirects", () => {
  it("follows a bot's 302 to another deployment and keeps it for later callbacks", async () => {
    const other = await startReceiver();
    try {
      bot.setResponder((_req, res) => {
        res.writeHead(302, { location: `${other.url}/moved` });
        res.end();
      });
      const call = sim.control.createCall({ callbackUri: `${bot.url}/callback` });
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {});
      await sim.control.advanceClock(5_000);
      expect(bot.received).toHaveLength(1);
      expect(other.received.map((r) => r.url.pathname)).toEqual(["/moved"]);
      expect(other.received[0]?.body).toBe(bot.received[0]?.body);
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {});
      await sim.control.advanceClock(5_000);
      expect(bot.received).toHaveLength(1);
      expect(other.received).toHaveLength(2);
    } finally {
      await other.close();
    }
  });
});

describe("record (seed 002) and the legacy record paths", () => {
  it("POST /communications/calls/{id}/record answers 200 with a recordOperation body", async () => {
    const call = sim.control.createCall();
    const res = await post(sim, `/communications/calls/${call.id}/record`, {
      maxRecordDurationInSeconds: 2,
    });
    expect(res.status).toBe(200);
    expect((await res.json())["@odata.type"]).toBe("#microsoft.graph.recordOperation");
  });

  it.each([["/communications/calls/{callId}/record"], ["/app/calls/{callId}/record"]])(
    "answers 400 for the beta-only %s under /v1.0",
    async (template) => {
      const call = sim.control.createCall();
      const res = await graph(sim, `${sim.v1BaseUrl}${template.replace("{callId}", call.id)}`, {
        method: "POST",
        body: "{}",
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toContain("segment 'record'");
    },
  );

  it.each([["/app/calls/{callId}/record"], ["/applications/app-1/calls/{callId}/record"]])(
    "%s answers 202 with Location and no body, and reports seed-era names",
    async (template) => {
      const call = sim.control.createCall({ callbackUri: `${bot.url}/cb` });
      const res = await post(sim, template.replace("{callId}", call.id), {
        maxRecordDurationInSeconds: 1,
      });
      expect(res.status).toBe(202);
      expect(await res.text()).toBe("");
      const location = res.headers.get("location") ?? "";
      expect(location).toMatch(
        new RegExp(`/communications/calls/${call.id}/operations/[0-9a-f-]{36}$`),
      );
      await sim.control.advanceClock(1000);
      const op = await (await graph(sim, location)).json();
      expect(op.status).toBe("completed");
      expect(op.recordResourceLocation).toMatch(/\/recordings\//);
      expect(typeof op.recordResourceAccessToken).toBe("string");
      expect(op).not.toHaveProperty("recordingLocation");
      const note = JSON.parse(bot.received[0]?.body ?? "{}");
      expect(note.value[0]).toMatchObject({
        changeType: "deleted",
        resource: `/app/calls/${call.id}/operations/${op.id}`,
      });
      expect(note.value[0].resourceData.recordResourceLocation).toBe(op.recordResourceLocation);
      expect(note.value[0].resourceData).not.toHaveProperty("id");
      expect(note.value[0].resourceData["@odata.id"]).toBe(
        `/app/calls/${call.id}/operations/${op.id}`,
      );
    },
  );
});

describe("updateRecordingStatus", () => {
  it("answers 200 with Location and an updateRecordingStatusOperation that completes", async () => {
    const call = sim.control.createCall({ callbackUri: `${bot.url}/cb` });
    const res = await post(sim, `/communications/calls/${call.id}/updateRecordingStatus`, {
      status: "recording",
      clientContext: "u1",
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      "@odata.type": "#microsoft.graph.updateRecordingStatusOperation",
      status: "running",
      clientContext: "u1",
    });
    expect(res.headers.get("location")).toContain(`/operations/${body.id}`);
    await sim.control.advanceClock(1000);
    const done = await (
      await graph(sim, `/communications/calls/${call.id}/operations/${body.id}`)
    ).json();
    expect(done.status).toBe("completed");
    expect(sim.control.getCall(call.id)).toMatchObject({
      recordingStatus: "recording",
      ended: false,
    });
    expect(JSON.parse(bot.received[0]?.body ?? "{}").value[0].resourceData["@odata.type"]).toBe(
      "#microsoft.graph.updateRecordingStatusOperation",
    );
  });
});

describe("calls and operations that do not exist", () => {
  it("answers 404 itemNotFound for an unknown call", async () => {
    const res = await post(sim, "/communications/calls/nope/recordResponse", {});
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("itemNotFound");
  });

  it("answers 404 once the call has ended", async () => {
    const call = sim.control.createCall();
    sim.control.endCall(call.id);
    const res = await post(sim, `/communications/calls/${call.id}/recordResponse`, {});
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe(`Call ${call.id} has ended.`);
  });

  it("answers 404 for an unknown operation", async () => {
    const call = sim.control.createCall();
    const res = await graph(sim, `/communications/calls/${call.id}/operations/x`);
    expect(res.status).toBe(404);
  });

  it("lists a call's operations so a lost answer can be reconciled by clientContext", async () => {
    const call = sim.control.createCall();
    await post(sim, `/communications/calls/${call.id}/recordResponse`, { clientContext: "a" });
    await post(sim, `/communications/calls/${call.id}/recordResponse`, { clientContext: "b" });
    const list = await (await graph(sim, `/communications/calls/${call.id}/operations`)).json();
    expect(list.value.map((o: { clientContext: string }) => o.clientContext)).toEqual(["a", "b"]);
  });
});

describe("the operations of a call", () => {
  it("pages oldest first over the operations that existed at the first page", async () => {
    await sim.close();
    sim = await startSimulator({ pageSize: 2 });
    const call = sim.control.createCall({ callbackUri: `${bot.url}/callback` });
    const path = `/communications/calls/${call.id}/operations`;
    for (const context of ["a", "b", "c", "d", "e"]) {
      const res = await post(sim, `/communications/calls/${call.id}/recordResponse`, {
        clientContext: context,
      });
      expect(res.status).toBe(200);
    }
    const first = await (await graph(sim, path)).json();
    expect(first["@odata.context"]).toBe(
      `${sim.baseUrl}/$metadata#communications/calls('${call.id}')/operations`,
    );
    const seen = first.value.map((op: { clientContext: string }) => op.clientContext);
    // An operation started while the client pages does not shift the pages it has yet to read.
    await post(sim, `/communications/calls/${call.id}/recordResponse`, { clientContext: "late" });
    let next: string | undefined = first["@odata.nextLink"];
    const links: string[] = [];
    while (next) {
      links.push(next);
      expect(next.startsWith(`${sim.baseUrl}${path}?$skiptoken=`)).toBe(true);
      const page = await (
        await fetch(next, { headers: { authorization: `Bearer ${sim.accessToken}` } })
      ).json();
      seen.push(...page.value.map((op: { clientContext: string }) => op.clientContext));
      next = page["@odata.nextLink"];
    }
    expect(seen).toEqual(["a", "b", "c", "d", "e"]);
    expect(links).toHaveLength(2);
    const again = await (await graph(sim, path)).json();
    expect(again.value).toHaveLength(2);
    expect(again["@odata.nextLink"]).toBeDefined();
  });

  it("answers 400 naming $skiptoken for a token it did not issue", async () => {
    const call = sim.control.createCall({ callbackUri: `${bot.url}/callback` });
    const res = await graph(sim, `/communications/calls/${call.id}/operations?$skiptoken=bogus`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("BadRequest");
    expect(body.error.message).toBe(
      "Invalid value for query option $skiptoken: 'bogus' is not a page of this call's operations. Start again without it.",
    );
  });
});
