import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { graph } from "./support.js";

let sim: Simulator;
const ORGANIZER = "8b081ef6-4792-4def-b2c9-c363a1bf41d5";
const OTHER = "11111111-2222-3333-4444-555555555555";

beforeEach(async () => {
  sim = await startSimulator({ pageSize: 2, startTime: "2026-01-10T12:00:00Z" });
});
afterEach(async () => {
  await sim.close();
});

async function json(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** Follows @odata.nextLink to the end; returns every page. */
async function allPages(first: string) {
  const pages = [];
  let next: string | undefined = first;
  while (next) {
    const page = await json(await graph(sim, next));
    pages.push(page);
    next = page["@odata.nextLink"];
  }
  return pages;
}

describe("list, get and content of a meeting's recordings", () => {
  it("lists, gets and streams recordings under /me and /users/{id}", async () => {
    const meeting = sim.control.createMeeting();
    const added = await sim.control.addRecording(meeting.id, { durationMs: 500 });
    for (const prefix of ["/me", `/users/${ORGANIZER}`]) {
      const list = await json(
        await graph(sim, `${prefix}/onlineMeetings/${meeting.id}/recordings`),
      );
      expect(list.value).toEqual([added]);
      const one = await json(
        await graph(sim, `${prefix}/onlineMeetings/${meeting.id}/recordings/${added.id}`),
      );
      expect(one).toMatchObject({
        "@odata.type": "#microsoft.graph.callRecording",
        id: added.id,
        meetingId: meeting.id,
        createdDateTime: "2026-01-10T12:00:00.000Z",
        endDateTime: "2026-01-10T12:00:00.500Z",
        meetingOrganizer: { user: { id: ORGANIZER } },
      });
      const content = await graph(
        sim,
        `${prefix}/onlineMeetings/${meeting.id}/recordings/${added.id}/content`,
      );
      expect(content.status).toBe(200);
      expect(content.headers.get("content-type")).toBe("application/octet-stream");
      const bytes = Buffer.from(await content.arrayBuffer());
      expect(bytes.toString("ascii", 0, 4)).toBe("RIFF");
      expect(bytes.length).toBe(44 + 16_000);
      expect(content.headers.get("content-length")).toBe(String(bytes.length));
    }
  });

  it("serves recordingContentUrl as an absolute URL that downloads the whole content, Range or not", async () => {
    const meeting = sim.control.createMeeting();
    const added = await sim.control.addRecording(meeting.id, { durationMs: 100 });
    const res = await graph(sim, added.recordingContentUrl as string, {
      headers: { range: "bytes=0-3" },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(44 + 3200);
    expect(bytes.toString("ascii", 0, 4)).toBe("RIFF");
  });

  it("honours $select on a recording and rejects unknown properties", async () => {
    const meeting = sim.control.createMeeting();
    const added = await sim.control.addRecording(meeting.id);
    const path = `/me/onlineMeetings/${meeting.id}/recordings/${added.id}`;
    const selected = await json(await graph(sim, `${path}?$select=callId`));
    expect(selected).toEqual({
      "@odata.type": "#microsoft.graph.callRecording",
      id: added.id,
      callId: added.callId,
    });
    const bad = await graph(sim, `${path}?$select=id,nope`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe(
      "Could not find a property named 'nope' on type 'microsoft.graph.callRecording'.",
    );
  });

  it("answers 404 for another user's meeting and an unknown recording", async () => {
    const meeting = sim.control.createMeeting({ organizerUserId: OTHER });
    expect((await graph(sim, `/me/onlineMeetings/${meeting.id}/recordings`)).status).toBe(404);
    expect(
      (await graph(sim, `/users/${OTHER}/onlineMeetings/${meeting.id}/recordings/x`)).status,
    ).toBe(404);
  });

  it("pages a meeting's recordings with @odata.nextLink and filters by contentCorrelationId", async () => {
    const meeting = sim.control.createMeeting();
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await sim.control.addRecording(meeting.id, { contentCorrelationId: `cc-${i}` })).id,
      );
    const pages = await allPages(`/me/onlineMeetings/${meeting.id}/recordings`);
    expect(pages.map((p) => p.value.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.value.map((r: { id: string }) => r.id))).toEqual(ids);
    expect(pages[0]["@odata.nextLink"]).toMatch(/[?&]\$skiptoken=/);
    const filtered = await json(
      await graph(
        sim,
        `/me/onlineMeetings/${meeting.id}/recordings?$filter=contentCorrelationId eq 'cc-3'`,
      ),
    );
    expect(filtered.value.map((r: { id: string }) => r.id)).toEqual([ids[3]]);
    const bad = await graph(
      sim,
      `/me/onlineMeetings/${meeting.id}/recordings?$filter=startswith(id,'a')`,
    );
    expect(bad.status).toBe(400);
  });
});

describe("getAllRecordings", () => {
  const fn = (organizer: string, query = "") =>
    `/users/${organizer}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='${organizer}',startDateTime=@startDateTime,endDateTime=@endDateTime)${query}`;

  it("returns every recording of the organizer across meetings, paged", async () => {
    const m1 = sim.control.createMeeting();
    const m2 = sim.control.createMeeting();
    const other = sim.control.createMeeting({ organizerUserId: OTHER });
    const mine = [];
    mine.push((await sim.control.addRecording(m1.id)).id);
    await sim.control.addRecording(other.id);
    mine.push((await sim.control.addRecording(m2.id)).id);
    mine.push((await sim.control.addRecording(m1.id)).id);
    const pages = await allPages(fn(ORGANIZER));
    expect(pages.flatMap((p) => p.value.map((r: { id: string }) => r.id))).toEqual(mine);
    expect(pages.at(-1)).not.toHaveProperty("@odata.nextLink");
    expect(pages.at(-1)).not.toHaveProperty("@odata.deltaLink");
  });

  it("keeps a stable snapshot while paging even when recordings arrive", async () => {
    const m = sim.control.createMeeting();
    for (let i = 0; i < 3; i++) await sim.control.addRecording(m.id);
    const first = await json(await graph(sim, fn(ORGANIZER)));
    await sim.control.addRecording(m.id);
    const second = await json(await graph(sim, first["@odata.nextLink"]));
    expect(second.value).toHaveLength(1);
    expect(second).not.toHaveProperty("@odata.nextLink");
  });

  it("filters by startDateTime and endDateTime, and honours $top", async () => {
    const m = sim.control.createMeeting();
    await sim.control.addRecording(m.id, { createdDateTime: "2026-01-01T00:00:00Z" });
    const mid = await sim.control.addRecording(m.id, { createdDateTime: "2026-01-05T00:00:00Z" });
    await sim.control.addRecording(m.id, { createdDateTime: "2026-01-09T00:00:00Z" });
    const res = await json(
      await graph(
        sim,
        fn(ORGANIZER, "?@startDateTime=2026-01-02T00:00:00Z&@endDateTime=2026-01-06T00:00:00Z"),
      ),
    );
    expect(res.value.map((r: { id: string }) => r.id)).toEqual([mid.id]);
    const top = await json(await graph(sim, fn(ORGANIZER, "?$top=1")));
    expect(top.value).toHaveLength(1);
    expect(top["@odata.nextLink"]).toContain("$top=1&$skiptoken=");
    expect((await graph(sim, fn(ORGANIZER, "?$top=zero"))).status).toBe(400);
    expect((await graph(sim, fn(ORGANIZER, "?@startDateTime=yesterday"))).status).toBe(400);
  });

  it("reads literal function parameters and aliases alike", async () => {
    const m = sim.control.createMeeting();
    await sim.control.addRecording(m.id, { createdDateTime: "2026-01-01T00:00:00Z" });
    const late = await sim.control.addRecording(m.id, { createdDateTime: "2026-01-08T00:00:00Z" });
    const literal = await json(
      await graph(
        sim,
        `/users/${ORGANIZER}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='${ORGANIZER}',startDateTime=2026-01-05T00:00:00Z)`,
      ),
    );
    expect(literal.value.map((x: { id: string }) => x.id)).toEqual([late.id]);
    const aliased = await json(
      await graph(
        sim,
        `/users/${ORGANIZER}/onlineMeetings/getAllRecordings(meetingOrganizerUserId=@o,startDateTime=@s)?@o='${ORGANIZER}'&@s=2026-01-05T00:00:00Z`,
      ),
    );
    expect(aliased.value.map((x: { id: string }) => x.id)).toEqual([late.id]);
  });
});

describe("delta", () => {
  const delta = `/users/${ORGANIZER}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='${ORGANIZER}',startDateTime=@startDateTime,endDateTime=@endDateTime)/delta`;

  it("pages the first round with nextLink, ends it with deltaLink, and the next round has only new recordings", async () => {
    const m = sim.control.createMeeting();
    const round1 = [];
    for (let i = 0; i < 3; i++) round1.push((await sim.control.addRecording(m.id)).id);
    const pages = await allPages(delta);
    expect(pages.map((p) => p.value.length)).toEqual([2, 1]);
    expect(pages[0]).not.toHaveProperty("@odata.deltaLink");
    expect(pages.flatMap((p) => p.value.map((r: { id: string }) => r.id))).toEqual(round1);
    const deltaLink = pages.at(-1)["@odata.deltaLink"];
    expect(deltaLink).toMatch(/\/delta\?\$deltatoken=/);

    const empty = await json(await graph(sim, deltaLink));
    expect(empty.value).toEqual([]);
    expect(empty["@odata.deltaLink"]).toBeDefined();

    const fresh = (await sim.control.addRecording(m.id)).id;
    const round2 = await json(await graph(sim, deltaLink));
    expect(round2.value.map((r: { id: string }) => r.id)).toEqual([fresh]);
    const round3 = await json(await graph(sim, round2["@odata.deltaLink"]));
    expect(round3.value).toEqual([]);
  });

  it("answers 410 resyncRequired for expired tokens and 410 syncStateNotFound for foreign ones", async () => {
    const m = sim.control.createMeeting();
    await sim.control.addRecording(m.id);
    const first = await json(await graph(sim, delta));
    sim.control.expireDeltaTokens();
    const expired = await graph(sim, first["@odata.deltaLink"]);
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.code).toBe("resyncRequired");
    const foreign = await graph(sim, `${delta}?$deltatoken=not-ours`);
    expect(foreign.status).toBe(410);
    expect((await foreign.json()).error.code).toBe("syncStateNotFound");
    const restart = await json(await graph(sim, delta));
    expect(restart.value).toHaveLength(1);
  });
});
