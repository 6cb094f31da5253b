import { readFileSync } from "node:fs";
import {
  type OperationId,
  responseValidator,
  type WebhookName,
  webhookPayloadValidator,
} from "@graph-recording/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPH_ROUTES, type Simulator, startSimulator } from "../src/index.js";
import { loadSpec, SPEC_PATH } from "./spec-contract.js";
import { graph, startReceiver } from "./support.js";

const spec = loadSpec();
const specOps = spec?.operations() ?? [];

describe.skipIf(!spec)(`routes against ${SPEC_PATH}`, () => {
  it("serves every operation of the spec at its path and method", () => {
    const served = GRAPH_ROUTES.map((r) => `${r.operationId} ${r.method} ${r.path}`);
    for (const op of specOps) expect(served).toContain(`${op.operationId} ${op.method} ${op.path}`);
  });

  it("serves nothing beyond the spec", () => {
    const inSpec = new Set(specOps.map((op) => `${op.operationId} ${op.method} ${op.path}`));
    const extra = GRAPH_ROUTES.filter((r) => !inSpec.has(`${r.operationId} ${r.method} ${r.path}`));
    expect(extra.map((r) => `${r.operationId} ${r.method} ${r.path}`)).toEqual([]);
  });

  it("serves beta-only exactly the operations the spec gives the beta server alone", () => {
    const betaOnly = specOps
      .filter((op) => op.betaOnly)
      .map((op) => op.operationId)
      .sort();
    expect(
      GRAPH_ROUTES.filter((r) => r.betaOnly)
        .map((r) => r.operationId)
        .sort(),
    ).toEqual(betaOnly);
  });
});

function parseOrUndefined(body: unknown): unknown {
  if (typeof body !== "string") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

describe.skipIf(!spec)("the spec's request examples", () => {
  const actions = specOps.filter((op) => op.method === "POST" && op.path.includes("/calls/"));
  const cases = actions.flatMap((op) =>
    (spec?.requestExamples(op) ?? [])
      .filter((e) => e.expect === "valid")
      .map((e) => [op.operationId, e.name, op, e.value] as const),
  );

  it("has valid request examples for the call actions", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)("%s accepts its example %s", async (_id, _name, op, value) => {
    const sim = await startSimulator();
    try {
      const call = sim.control.createCall();
      const path = op.path.replace("{callId}", call.id).replace("{applicationId}", "app-1");
      const res = await graph(sim, path, { method: "POST", body: JSON.stringify(value) });
      expect(res.status).toBeLessThan(300);
      expect(sim.control.operations(call.id)).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });
});

/** One answer the simulator gave, to be checked against the spec. */
interface Exchange {
  operationId: string;
  status: number;
  headers: Headers;
  body: string;
  requestBody?: unknown;
}

describe.skipIf(!spec)("payloads against the spec", () => {
  let sim: Simulator;
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  const exchanges: Exchange[] = [];

  async function send(
    operationId: string,
    path: string,
    init: RequestInit = {},
  ): Promise<Response> {
    const res = await graph(sim, path, init);
    const body = await res.text();
    exchanges.push({
      operationId,
      status: res.status,
      headers: res.headers,
      body,
      requestBody: parseOrUndefined(init.body),
    });
    return new Response(res.status === 204 ? null : body, {
      status: res.status,
      headers: res.headers,
    });
  }
  const postJson = (operationId: string, path: string, body: unknown) =>
    send(operationId, path, { method: "POST", body: JSON.stringify(body) });

  beforeAll(async () => {
    sim = await startSimulator({ pageSize: 2, startTime: "2026-04-01T00:00:00Z" });
    hook = await startReceiver();
    const call = sim.control.createCall({ callbackUri: `${hook.url}/callback` });
    const c = `/communications/calls/${call.id}`;

    // Call actions, their operations and their errors.
    const running = await (
      await postJson("call_recordResponse", `${c}/recordResponse`, {
        clientContext: "spec-1",
        maxRecordDurationInSeconds: 3,
        prompts: [
          {
            "@odata.type": "#microsoft.graph.mediaPrompt",
            mediaInfo: { uri: "https://cdn.contoso.com/beep.wav" },
          },
        ],
      })
    ).json();
    await send("call_getOperation", `${c}/operations/${running.id}`);
    await postJson("call_record", `${c}/record`, { maxRecordDurationInSeconds: 2 });
    await postJson("appCall_record", `/app/calls/${call.id}/record`, {
      maxRecordDurationInSeconds: 2,
    });
    await postJson("applicationCall_record", `/applications/app-1/calls/${call.id}/record`, {});
    await postJson("appCall_recordResponse", `/app/calls/${call.id}/recordResponse`, {
      clientContext: "app-rr",
    });
    await postJson("appCall_updateRecordingStatus", `/app/calls/${call.id}/updateRecordingStatus`, {
      status: "notRecording",
    });
    const status = await (
      await postJson("call_updateRecordingStatus", `${c}/updateRecordingStatus`, {
        status: "recording",
        clientContext: "spec-2",
      })
    ).json();
    await sim.control.advanceClock(5_000);
    await send("call_getOperation", `${c}/operations/${running.id}`);
    await send("call_getOperation", `${c}/operations/${status.id}`);
    const legacyOp = sim.control.requests({ operationId: "appCall_record" })[0];
    expect(legacyOp).toBeDefined();
    // Every page of the list, so the nextLink pages are checked against the spec too.
    const listed: { id: string; clientContext?: string }[] = [];
    let page: string | undefined = `${c}/operations`;
    while (page) {
      const body = await (await send("call_listOperations", page)).json();
      listed.push(...body.value);
      page = body["@odata.nextLink"];
    }
    expect(listed.length).toBeGreaterThan(2);
    expect(listed.map((op) => op.clientContext)).toEqual(
      expect.arrayContaining(["spec-1", "spec-2", "app-rr"]),
    );
    for (const op of listed) {
      await send("call_getOperation", `${c}/operations/${op.id}`);
    }
    await send("call_getOperation", `${c}/operations/nope`);
    await send("call_listOperations", "/communications/calls/nope/operations");
    await postJson("call_recordResponse", "/communications/calls/nope/recordResponse", {});
    await send("call_recordResponse", `${c}/recordResponse`, {
      method: "POST",
      body: "{",
      headers: {},
    });
    await send("call_recordResponse", `${c}/recordResponse`, {
      method: "POST",
      body: "{}",
      headers: { authorization: "Bearer wrong" },
    });
    sim.control.faults.script(
      [
        { kind: "throttle", retryAfter: 2.128 },
        { kind: "status", status: 503, retryAfter: 1 },
        { kind: "status", status: 504 },
      ],
      { match: { operationId: "call_getOperation" } },
    );
    for (let i = 0; i < 3; i++) await send("call_getOperation", `${c}/operations/${running.id}`);

    // Recordings.
    const meeting = sim.control.createMeeting();
    const recs = [];
    for (let i = 0; i < 3; i++)
      recs.push(await sim.control.addRecording(meeting.id, { durationMs: 200 }));
    const r0 = recs[0] as { id: string };
    for (const prefix of ["me", "user"] as const) {
      const base = prefix === "me" ? "/me" : `/users/${meeting.organizerUserId}`;
      const list = await (
        await send(
          `${prefix}_onlineMeeting_listRecordings`,
          `${base}/onlineMeetings/${meeting.id}/recordings`,
        )
      ).json();
      await send(`${prefix}_onlineMeeting_listRecordings`, list["@odata.nextLink"]);
      await send(
        `${prefix}_onlineMeeting_getRecording`,
        `${base}/onlineMeetings/${meeting.id}/recordings/${r0.id}`,
      );
      await send(
        `${prefix}_onlineMeeting_getRecording`,
        `${base}/onlineMeetings/${meeting.id}/recordings/missing`,
      );
      await send(
        `${prefix}_onlineMeeting_getRecording`,
        `${base}/onlineMeetings/${meeting.id}/recordings/${r0.id}?$select=createdDateTime,meetingOrganizer`,
      );
      await send(
        `${prefix}_onlineMeeting_getRecordingContent`,
        `${base}/onlineMeetings/${meeting.id}/recordings/${r0.id}/content`,
      );
      await send(
        `${prefix}_onlineMeeting_getRecordingContent`,
        `${base}/onlineMeetings/${meeting.id}/recordings/${r0.id}/content`,
        {
          headers: { range: "bytes=0-99" },
        },
      );
    }
    const fn = `/users/${meeting.organizerUserId}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='${meeting.organizerUserId}',startDateTime=@startDateTime,endDateTime=@endDateTime)`;
    const all = await (
      await send("user_onlineMeeting_getAllRecordings", `${fn}?@startDateTime=2026-01-01T00:00:00Z`)
    ).json();
    await send("user_onlineMeeting_getAllRecordings", all["@odata.nextLink"]);
    const d1 = await (
      await send("user_onlineMeeting_getAllRecordings_delta", `${fn}/delta`)
    ).json();
    const d2 = await (
      await send("user_onlineMeeting_getAllRecordings_delta", d1["@odata.nextLink"])
    ).json();
    await sim.control.addRecording(meeting.id);
    await send("user_onlineMeeting_getAllRecordings_delta", d2["@odata.deltaLink"]);
    sim.control.expireDeltaTokens();
    await send("user_onlineMeeting_getAllRecordings_delta", d2["@odata.deltaLink"]);

    // Subscriptions (the recording added below is notified).
    const sub = await (
      await postJson("subscription_create", "/subscriptions", {
        changeType: "created",
        notificationUrl: `${hook.url}/notify`,
        resource: `communications/onlineMeetings/${meeting.id}/recordings`,
        expirationDateTime: "2026-04-01T00:30:00Z",
        clientState: "state",
      })
    ).json();
    await postJson("subscription_create", "/subscriptions", {
      changeType: "created",
      resource: "me/events",
    });
    const certPem = readFileSync(
      new URL("./fixtures/notification-cert.pem", import.meta.url),
      "utf8",
    );
    const rich = await (
      await postJson("subscription_create", "/subscriptions", {
        changeType: "created",
        notificationUrl: `${hook.url}/notify`,
        lifecycleNotificationUrl: `${hook.url}/lifecycle`,
        resource: `users/${meeting.organizerUserId}/onlineMeetings/getAllRecordings`,
        expirationDateTime: "2026-04-02T00:00:00Z",
        includeResourceData: true,
        encryptionCertificate: certPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ""),
        encryptionCertificateId: "cert-1",
      })
    ).json();
    await sim.control.addRecording(meeting.id);
    await sim.control.sendLifecycleNotification(rich.id, "reauthorizationRequired");
    await send("subscription_update", `/subscriptions/${sub.id}`, {
      method: "PATCH",
      body: JSON.stringify({ expirationDateTime: "2026-04-01T00:40:00Z" }),
    });
    await send("subscription_delete", `/subscriptions/${sub.id}`, { method: "DELETE" });
    await send("subscription_delete", `/subscriptions/${sub.id}`, { method: "DELETE" });
  });

  afterAll(async () => {
    await sim?.close();
    await hook?.close();
  });

  it("exercised every operation of the spec", () => {
    const seen = new Set(exchanges.map((e) => e.operationId));
    expect(specOps.map((op) => op.operationId).filter((id) => !seen.has(id))).toEqual([]);
  });

  it("answers only statuses the spec declares, with declared content types and required headers", () => {
    const problems: string[] = [];
    for (const ex of exchanges) {
      const op = specOps.find((o) => o.operationId === ex.operationId);
      if (!op) continue;
      const response = spec?.response(op, ex.status);
      if (!response) {
        problems.push(`${ex.operationId} ${ex.status}: not declared`);
        continue;
      }
      const content = response.node.content as Record<string, unknown> | undefined;
      const type = (ex.headers.get("content-type") ?? "").split(";")[0] ?? "";
      if (content && !(type in content))
        problems.push(`${ex.operationId} ${ex.status}: content type ${type} not declared`);
      if (!content && ex.body !== "")
        problems.push(`${ex.operationId} ${ex.status}: a body where none is declared`);
      const headers = (response.node.headers ?? {}) as Record<
        string,
        { $ref?: string; required?: boolean }
      >;
      for (const [name, header] of Object.entries(headers)) {
        const resolved = spec?.resolve(header as Record<string, unknown>, "").node as {
          required?: boolean;
        };
        if (resolved.required && !ex.headers.has(name))
          problems.push(`${ex.operationId} ${ex.status}: missing ${name}`);
      }
    }
    expect(problems).toEqual([]);
    expect(exchanges.length).toBeGreaterThan(40);
  });

  it("has a checker that rejects what the spec forbids", () => {
    const op = specOps.find((o) => o.operationId === "call_getOperation");
    const response = op && spec?.response(op, 200);
    const pointer = `${response?.pointer}/content/application~1json/schema`;
    expect(
      spec?.validate(pointer, {
        "@odata.type": "#microsoft.graph.recordOperation",
        status: "Running",
      }),
    ).not.toEqual([]);
    expect(
      spec?.validate(pointer, {
        "@odata.type": "#microsoft.graph.recordOperation",
        status: "running",
      }),
    ).toEqual([]);
  });

  it("sends JSON bodies that validate against the declared response schemas", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const ex of exchanges) {
      const op = specOps.find((o) => o.operationId === ex.operationId);
      const response = op && spec?.response(op, ex.status);
      const content = response?.node.content as Record<string, unknown> | undefined;
      if (!response || !content?.["application/json"]) continue;
      const errors =
        spec?.validate(
          `${response.pointer}/content/application~1json/schema`,
          JSON.parse(ex.body),
        ) ?? [];
      checked++;
      for (const e of errors) problems.push(`${ex.operationId} ${ex.status}: ${e}`);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(35);
  });

  it("sends JSON bodies and webhook payloads that pass the strict generated validators", () => {
    const problems: string[] = [];
    let checked = 0;
    const check = (
      where: string,
      validator: ReturnType<typeof responseValidator>,
      body: string,
    ) => {
      if (!validator) return;
      checked++;
      const result = validator.safeParse(JSON.parse(body));
      for (const issue of result.success ? [] : result.error.issues)
        problems.push(`${where} /${issue.path.join("/")}: ${issue.message}`);
    };
    for (const ex of exchanges) {
      if (!(ex.headers.get("content-type") ?? "").startsWith("application/json")) continue;
      const validator = responseValidator(ex.operationId as OperationId, ex.status, "strict");
      check(`${ex.operationId} ${ex.status}`, validator, ex.body);
    }
    const webhookOf: Record<string, WebhookName> = {
      commsNotification: "commsNotifications",
      changeNotification: "changeNotifications",
      lifecycleNotification: "changeNotifications",
    };
    for (const delivery of sim.control.deliveries()) {
      const name = webhookOf[delivery.kind];
      if (name) check(name, webhookPayloadValidator(name, "strict"), delivery.body);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it("accepted only request bodies that validate against the spec", () => {
    const problems: string[] = [];
    for (const ex of exchanges) {
      if (ex.status >= 300 || ex.requestBody === undefined) continue;
      const op = specOps.find((o) => o.operationId === ex.operationId);
      const pointer = op && spec?.requestSchemaPointer(op);
      if (!pointer) continue;
      for (const e of spec?.validate(pointer, ex.requestBody) ?? [])
        problems.push(`${ex.operationId}: ${e}`);
    }
    expect(problems).toEqual([]);
  });

  it("sends webhook payloads that validate against the spec's webhooks", () => {
    const deliveries = sim.control.deliveries();
    const comms = deliveries.filter((d) => d.kind === "commsNotification");
    const changes = deliveries.filter(
      (d) => d.kind === "changeNotification" || d.kind === "lifecycleNotification",
    );
    expect(comms.length).toBeGreaterThanOrEqual(4);
    expect(comms.some((d) => JSON.parse(d.body).value[0].resource)).toBe(true); // a legacy one
    expect(changes.length).toBe(3);
    expect(changes.some((d) => JSON.parse(d.body).value[0].encryptedContent)).toBe(true);
    expect(changes.some((d) => JSON.parse(d.body).value[0].lifecycleEvent)).toBe(true);
    const problems: string[] = [];
    for (const d of comms) {
      for (const e of spec?.validate(
        spec.webhookSchemaPointer("commsNotifications"),
        JSON.parse(d.body),
      ) ?? []) {
        problems.push(`commsNotifications: ${e}`);
      }
    }
    for (const d of changes) {
      for (const e of spec?.validate(
        spec.webhookSchemaPointer("changeNotifications"),
        JSON.parse(d.body),
      ) ?? []) {
        problems.push(`changeNotifications: ${e}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
