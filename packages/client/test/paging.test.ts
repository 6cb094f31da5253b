/**
 * Paging and delta against @graph-recording/simulator: real pages with `@odata.nextLink`, delta
 * rounds ended by `@odata.deltaLink`, and the tokens it expires or never issued. Canned pages
 * (an empty page, a nextLink to another origin) are `respond` faults.
 */
import type { Simulator, SimulatorOptions } from "@graph-recording/simulator";
import { describe, expect, it } from "vitest";
import {
  createRecordingClient,
  meetingRecordings,
  memoryDeltaLinkStore,
  ProtocolError,
} from "../src/index.js";
import { meetingWithRecordings, useSimulators } from "./support/with-simulator.js";

const simulator = useSimulators();

/** A simulator whose `me` organizes a meeting with `count` recordings, and the client's calls. */
async function scene(count: number, options: SimulatorOptions = {}) {
  const sim = await simulator(options);
  const meeting = await meetingWithRecordings(sim, count);
  const recordings = meetingRecordings(
    createRecordingClient({ baseUrl: sim.baseUrl, getToken: async () => sim.accessToken }),
  );
  return { sim, recordings, ...meeting };
}

const allRecordingsPath = (userId: string) =>
  `/users/${userId}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='${userId}',startDateTime=@startDateTime,endDateTime=@endDateTime)`;
const LIST = { operationId: "me_onlineMeeting_listRecordings" } as const;
const ALL = { operationId: "user_onlineMeeting_getAllRecordings" } as const;
const DELTA = { operationId: "user_onlineMeeting_getAllRecordings_delta" } as const;

/** The URLs the simulator received for one operation, oldest first. */
const urls = (sim: Simulator, match: { operationId: string }) =>
  sim.control.requests(match).map((r) => r.url);

describe("paging", () => {
  it("walks items across pages, empty pages included", async () => {
    const { sim, recordings, meetingId, recordingIds } = await scene(3);
    const listing = `${sim.baseUrl}/me/onlineMeetings/${encodeURIComponent(meetingId)}/recordings`;
    // The first answer is an empty page that continues with a page size of two.
    sim.control.faults.script(
      { kind: "respond", status: 200, body: { value: [], "@odata.nextLink": `${listing}?$top=2` } },
      { match: LIST },
    );
    const ids: string[] = [];
    for await (const recording of recordings.listRecordings({ meetingId }))
      ids.push(recording.id ?? "");
    expect(ids).toEqual(recordingIds);
    const [first, second, third, ...more] = urls(sim, LIST);
    expect(more).toEqual([]);
    expect([first, second]).toEqual([listing, `${listing}?$top=2`]);
    expect(third?.startsWith(`${listing}?`)).toBe(true);
    const next = new URL(third ?? "");
    expect(next.searchParams.get("$top")).toBe("2");
    expect(next.searchParams.get("$skiptoken")).toMatch(/\S/);
  });

  it("walks items and pages of getAllRecordings with $top", async () => {
    const { sim, recordings, organizerUserId, recordingIds } = await scene(5);
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const page of recordings
      .getAllRecordings({ userId: organizerUserId, top: 2 })
      .pages()) {
      sizes.push(page.value?.length ?? 0);
      for (const recording of page.value ?? []) ids.push(recording.id ?? "");
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(ids).toEqual(recordingIds);
    const requests = sim.control.requests(ALL);
    expect(requests.map((r) => r.path)).toEqual(Array(3).fill(allRecordingsPath(organizerUserId)));
    expect(requests[0]?.url).toBe(`${sim.baseUrl}${allRecordingsPath(organizerUserId)}?$top=2`);
  });

  it("walks pages with their annotations, and stops at maxPages", async () => {
    const { sim, recordings, meetingId, organizerUserId } = await scene(3, { pageSize: 1 });
    const pages = [];
    for await (const page of recordings
      .listRecordings({ meetingId, userId: organizerUserId, maxPages: 2 })
      .pages())
      pages.push(page);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.["@odata.context"]).toBe(`${sim.baseUrl}/$metadata#Collection(callRecording)`);
    expect(pages[0]?.["@odata.nextLink"]).toContain("$skiptoken=");
    // The second page still has a nextLink: maxPages stopped the walk, not the service.
    expect(pages[1]?.["@odata.nextLink"]).toContain("$skiptoken=");
    const requests = sim.control.requests({ operationId: "user_onlineMeeting_listRecordings" });
    expect(requests).toHaveLength(2);
    expect(requests[0]?.path).toBe(
      `/users/${organizerUserId}/onlineMeetings/${encodeURIComponent(meetingId)}/recordings`,
    );
  });

  it.each<[string, (sim: Simulator) => string]>([
    ["another host", () => "https://evil.example/steal"],
    ["another port of the same host", (sim) => `${sim.mediaUrl}/steal`],
  ])("refuses a nextLink to %s", async (_name, elsewhere) => {
    const { sim, recordings, organizerUserId } = await scene(0);
    const nextLink = elsewhere(sim);
    sim.control.faults.script(
      {
        kind: "respond",
        status: 200,
        body: {
          value: [{ "@odata.type": "#microsoft.graph.callRecording", id: "a" }],
          "@odata.nextLink": nextLink,
        },
      },
      { match: ALL },
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const recording of recordings.getAllRecordings({ userId: organizerUserId }))
        seen.push(recording.id ?? "");
    })().catch((e) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.message).toBe(
      `getAllRecordings: refusing to follow @odata.nextLink to ${new URL(nextLink).origin}, which is not the origin the listing started on (${sim.url})`,
    );
    expect(seen).toEqual(["a"]);
    expect(sim.control.requests().map((r) => [r.host, r.path])).toEqual([
      ["graph", allRecordingsPath(organizerUserId)],
    ]);
  });
});

describe("delta", () => {
  const START = "2026-11-01T00:00:00Z";

  it("saves the deltaLink only after the consumer finished the round, then resumes from it", async () => {
    const { sim, recordings, meetingId, organizerUserId, recordingIds } = await scene(3, {
      startTime: "2026-11-23T09:00:00Z",
    });
    // Created before the window the round asks for: never part of it.
    await sim.control.addRecording(meetingId, { createdDateTime: "2026-10-01T00:00:00Z" });
    const store = memoryDeltaLinkStore();
    const round = () =>
      recordings.recordingsDelta({
        userId: organizerUserId,
        startDateTime: START,
        top: 2,
        store,
        key: "m1",
      });
    const deltaUrl = `${sim.baseUrl}${allRecordingsPath(organizerUserId)}/delta`;

    // The consumer stops early: nothing is saved, so the round replays next time.
    for await (const _ of round()) break;
    expect(store.links.size).toBe(0);
    expect(urls(sim, DELTA)).toEqual([
      `${deltaUrl}?@startDateTime=2026-11-01T00%3A00%3A00Z&$top=2`,
    ]);
    sim.control.clearLogs();

    const first: string[] = [];
    for await (const recording of round()) {
      first.push(recording.id ?? "");
      expect(store.links.size).toBe(0);
    }
    expect(first).toEqual(recordingIds);
    expect(sim.control.requests(DELTA)).toHaveLength(2);
    const saved = store.links.get("m1") ?? "";
    expect(saved.startsWith(`${deltaUrl}?`)).toBe(true);
    expect(new URL(saved).searchParams.get("$deltatoken")).toMatch(/\S/);
    sim.control.clearLogs();

    const added = await sim.control.addRecording(meetingId);
    const second: string[] = [];
    for await (const recording of round()) second.push(recording.id ?? "");
    expect(second).toEqual([added.id]);
    expect(urls(sim, DELTA)).toEqual([saved]);
    expect(store.links.get("m1")).toContain("$deltatoken=");
    expect(store.links.get("m1")).not.toBe(saved);
  });

  it.each<[string, number, string, (sim: Simulator, organizer: string) => string | undefined]>([
    [
      "410 resyncRequired once the service expired its tokens",
      410,
      "resyncRequired",
      (sim) => {
        sim.control.expireDeltaTokens();
        return undefined;
      },
    ],
    [
      "410 syncStateNotFound for a token the service never issued",
      410,
      "syncStateNotFound",
      (sim, organizer) =>
        `${sim.baseUrl}/users/${organizer}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='${organizer}')/delta?$deltatoken=forged`,
    ],
    [
      "400 resyncRequired",
      400,
      "resyncRequired",
      (sim) => {
        sim.control.faults.script(
          { kind: "status", status: 400, code: "resyncRequired" },
          { match: DELTA },
        );
        return undefined;
      },
    ],
  ])("starts a fresh round when the stored link gets %s", async (_name, status, code, spoil) => {
    const { sim, recordings, organizerUserId, recordingIds } = await scene(2);
    const store = memoryDeltaLinkStore();
    const resyncs: string[] = [];
    const round = () =>
      recordings.recordingsDelta({
        userId: organizerUserId,
        store,
        key: "m1",
        onResync: (e) => resyncs.push(e.code ?? ""),
      });
    for await (const _ of round());
    const forged = spoil(sim, organizerUserId);
    if (forged) store.links.set("m1", forged);
    const rejected = store.links.get("m1");
    sim.control.clearLogs();

    const ids: string[] = [];
    for await (const recording of round()) ids.push(recording.id ?? "");
    expect(ids).toEqual(recordingIds);
    expect(resyncs).toEqual([code]);
    const initial = `${sim.baseUrl}${allRecordingsPath(organizerUserId)}/delta`;
    expect(sim.control.requests(DELTA).map((r) => [r.url, r.status])).toEqual([
      [rejected, status],
      [initial, 200],
    ]);
    const saved = store.links.get("m1") ?? "";
    expect(saved).toContain("$deltatoken=");
    // The link saved by the fresh round works: the next round starts from it, with nothing new.
    sim.control.clearLogs();
    const next: string[] = [];
    for await (const recording of round()) next.push(recording.id ?? "");
    expect(next).toEqual([]);
    expect(resyncs).toEqual([code]);
    expect(sim.control.requests(DELTA).map((r) => [r.url, r.status])).toEqual([[saved, 200]]);
  });
});
