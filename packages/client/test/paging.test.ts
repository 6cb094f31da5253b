import { afterEach, describe, expect, it } from "vitest";
import {
  createRecordingClient,
  meetingRecordings,
  memoryDeltaLinkStore,
  ProtocolError,
} from "../src/index.js";
import { json, odataError, serve, type TestServer } from "./support/server.js";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(handler: Parameters<typeof serve>[0]) {
  const started = await serve(handler);
  servers.push(started);
  return started;
}

const rec = (id: string) => ({ "@odata.type": "#microsoft.graph.callRecording", id });

/** Three pages: p1 -> p2 -> p3, the last one ending with `last`. */
async function pagedServer(last: Record<string, unknown>) {
  const s: TestServer = await server((req, res) => {
    const url = new URL(req.url ?? "/", s.url);
    const page = url.searchParams.get("$skiptoken") ?? "1";
    if (page === "1")
      return json(res, 200, {
        value: [rec("a"), rec("b")],
        "@odata.nextLink": `${s.url}${url.pathname}?$skiptoken=2`,
      });
    if (page === "2")
      return json(res, 200, {
        value: [],
        "@odata.nextLink": `${s.url}${url.pathname}?$skiptoken=3`,
      });
    return json(res, 200, { value: [rec("c")], ...last });
  });
  return s;
}

describe("paging", () => {
  it("walks items across pages, empty pages included", async () => {
    const s = await pagedServer({});
    const client = meetingRecordings(createRecordingClient({ baseUrl: s.url }));
    const ids: string[] = [];
    for await (const recording of client.listRecordings({ meetingId: "m1" }))
      ids.push(recording.id ?? "");
    expect(ids).toEqual(["a", "b", "c"]);
    expect(s.requests.map((r) => r.path)).toEqual([
      "/me/onlineMeetings/m1/recordings",
      "/me/onlineMeetings/m1/recordings?$skiptoken=2",
      "/me/onlineMeetings/m1/recordings?$skiptoken=3",
    ]);
  });

  it("walks pages with their annotations, and stops at maxPages", async () => {
    const s = await pagedServer({});
    const client = meetingRecordings(createRecordingClient({ baseUrl: s.url }));
    const pages = [];
    for await (const page of client
      .listRecordings({ meetingId: "m1", userId: "u1", maxPages: 2 })
      .pages())
      pages.push(page);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.["@odata.nextLink"]).toContain("$skiptoken=2");
    expect(s.requests[0]?.path).toBe("/users/u1/onlineMeetings/m1/recordings");
  });

  it("refuses a nextLink to another origin", async () => {
    const s = await server((_req, res) =>
      json(res, 200, { value: [rec("a")], "@odata.nextLink": "https://evil.example/steal" }),
    );
    const client = meetingRecordings(
      createRecordingClient({ baseUrl: s.url, getToken: async () => "GRAPH_TOKEN" }),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const recording of client.getAllRecordings({ userId: "u1" }))
        seen.push(recording.id ?? "");
    })().catch((e) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.message).toBe(
      `getAllRecordings: refusing to follow @odata.nextLink to https://evil.example, which is not the origin the listing started on (${s.url})`,
    );
    expect(s.requests[0]?.path).toBe(
      "/users/u1/onlineMeetings/getAllRecordings(meetingOrganizerUserId='u1',startDateTime=@startDateTime,endDateTime=@endDateTime)",
    );
  });
});

describe("delta", () => {
  it("saves the deltaLink only after the consumer finished the round, then resumes from it", async () => {
    const s = await pagedServer({});
    const deltaServer: TestServer = await server((req, res) => {
      const url = new URL(req.url ?? "/", deltaServer.url);
      if (url.searchParams.has("$deltatoken"))
        return json(res, 200, {
          value: [rec("new")],
          "@odata.deltaLink": `${deltaServer.url}${url.pathname}?$deltatoken=t2`,
        });
      if (url.searchParams.get("$skiptoken") === "2")
        return json(res, 200, {
          value: [rec("b")],
          "@odata.deltaLink": `${deltaServer.url}${url.pathname}?$deltatoken=t1`,
        });
      return json(res, 200, {
        value: [rec("a")],
        "@odata.nextLink": `${deltaServer.url}${url.pathname}?$skiptoken=2`,
      });
    });
    await s.close();
    const store = memoryDeltaLinkStore();
    const client = meetingRecordings(createRecordingClient({ baseUrl: deltaServer.url }));
    const round = () =>
      client.recordingsDelta({
        userId: "u1",
        startDateTime: "2026-11-01T00:00:00Z",
        store,
        key: "m1",
      });

    // The consumer stops early: nothing is saved, so the round replays next time.
    for await (const _ of round()) break;
    expect(store.links.size).toBe(0);

    const first: string[] = [];
    for await (const recording of round()) {
      first.push(recording.id ?? "");
      expect(store.links.size).toBe(0);
    }
    expect(first).toEqual(["a", "b"]);
    const deltaPath =
      "/users/u1/onlineMeetings/getAllRecordings(meetingOrganizerUserId='u1',startDateTime=@startDateTime,endDateTime=@endDateTime)/delta";
    expect(store.links.get("m1")).toBe(`${deltaServer.url}${deltaPath}?$deltatoken=t1`);
    expect(deltaServer.requests[0]?.path).toBe(
      `${deltaPath}?@startDateTime=2026-11-01T00%3A00%3A00Z`,
    );

    const second: string[] = [];
    for await (const recording of round()) second.push(recording.id ?? "");
    expect(second).toEqual(["new"]);
    expect(store.links.get("m1")).toContain("$deltatoken=t2");
  });

  it.each([
    [410, "syncStateNotFound"],
    [400, "resyncRequired"],
  ])("starts a fresh round when the stored link gets %i %s", async (status, code) => {
    const s: TestServer = await server((req, res) => {
      const url = new URL(req.url ?? "/", s.url);
      if (url.searchParams.has("$deltatoken")) return json(res, status, odataError(code));
      return json(res, 200, {
        value: [rec("full")],
        "@odata.deltaLink": `${s.url}${url.pathname}?$deltatoken=fresh`,
      });
    });
    const store = memoryDeltaLinkStore();
    store.links.set(
      "m1",
      `${s.url}/users/u1/onlineMeetings/getAllRecordings(meetingOrganizerUserId='u1')/delta?$deltatoken=expired`,
    );
    const resyncs: string[] = [];
    const client = meetingRecordings(createRecordingClient({ baseUrl: s.url }));
    const ids: string[] = [];
    for await (const recording of client.recordingsDelta({
      userId: "u1",
      store,
      key: "m1",
      onResync: (e) => resyncs.push(e.code ?? ""),
    })) {
      ids.push(recording.id ?? "");
    }
    expect(ids).toEqual(["full"]);
    expect(resyncs).toEqual([code]);
    expect(store.links.get("m1")).toContain("$deltatoken=fresh");
  });
});
