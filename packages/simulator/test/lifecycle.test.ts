import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";
import { graph, post, startReceiver } from "./support.js";

/** Handles that keep the event loop alive (sockets, servers, timers), counted by type. */
function activeHandles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

/** The handle types that grew between two counts. */
function grown(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .filter(([type, n]) => n > (before.get(type) ?? 0))
    .map(([type, n]) => `${type}: ${before.get(type) ?? 0} -> ${n}`);
}

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("close()", () => {
  it("leaves no socket, server or timer behind, even with a stalled request and pending operations", async () => {
    const before = activeHandles();
    sim = await startSimulator({ clock: "real" });
    const call = sim.control.createCall({ callbackUri: "http://127.0.0.1:9/unused" });
    await post(sim, `/communications/calls/${call.id}/recordResponse`, {
      maxRecordDurationInSeconds: 120,
    });
    sim.control.faults.next(1, { kind: "stall" });
    const during = activeHandles();
    const stalled = graph(sim, `/communications/calls/${call.id}/operations`).then(
      () => "answered",
      () => "failed",
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The check can fail: while running, the simulator does hold servers and sockets.
    expect(grown(before, during).length).toBeGreaterThan(0);
    await sim.close();
    expect(await stalled).toBe("failed");
    // Let closed sockets finish their teardown callbacks.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(grown(before, activeHandles())).toEqual([]);
  });

  it("can be called twice and refuses connections afterwards", async () => {
    sim = await startSimulator();
    const url = sim.baseUrl;
    await Promise.all([sim.close(), sim.close()]);
    await expect(fetch(`${url}/communications/calls/x/operations/y`)).rejects.toThrow();
  });
});

describe("real clock", () => {
  it("completes operations and sends the callback on its own, faster with speed", async () => {
    const bot = await startReceiver();
    try {
      sim = await startSimulator({ clock: "real", speed: 50 });
      const call = sim.control.createCall({ callbackUri: `${bot.url}/cb` });
      const started = await (
        await post(sim, `/communications/calls/${call.id}/recordResponse`, {
          maxRecordDurationInSeconds: 2,
        })
      ).json();
      await bot.waitFor(1);
      const op = await (
        await graph(sim, `/communications/calls/${call.id}/operations/${started.id}`)
      ).json();
      expect(op.status).toBe("completed");
    } finally {
      await bot.close();
    }
  });

  it("moves forward with advanceClock too", async () => {
    sim = await startSimulator({ clock: "real", startTime: "2026-05-01T00:00:00Z" });
    const call = sim.control.createCall();
    const started = await (
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {
        maxRecordDurationInSeconds: 60,
      })
    ).json();
    await sim.control.advanceClock(60_000);
    await sim.control.settle();
    expect(sim.control.getOperation(call.id, started.id).status).toBe("completed");
    expect(sim.control.now().getTime()).toBeGreaterThanOrEqual(Date.parse("2026-05-01T00:01:00Z"));
  });
});

describe("virtual clock", () => {
  it("does not move on its own", async () => {
    sim = await startSimulator({ startTime: "2026-05-01T00:00:00Z" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sim.control.now().toISOString()).toBe("2026-05-01T00:00:00.000Z");
    await sim.control.advanceClock(1500);
    expect(sim.control.now().toISOString()).toBe("2026-05-01T00:00:01.500Z");
  });

  it("rejects a negative advance", async () => {
    sim = await startSimulator();
    await expect(sim.control.advanceClock(-1)).rejects.toThrow(
      "advance() takes a finite number of ms >= 0, got -1",
    );
  });
});

describe("callback delivery failures", () => {
  it("records a refused callback without failing the operation", async () => {
    sim = await startSimulator();
    const call = sim.control.createCall({ callbackUri: "http://127.0.0.1:9/closed" });
    const started = await (
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {})
    ).json();
    await sim.control.advanceClock(5000);
    expect(sim.control.getOperation(call.id, started.id).status).toBe("completed");
    const [delivery] = sim.control.deliveries();
    expect(delivery?.status).toBeUndefined();
    expect(delivery?.error).toMatch(/ECONNREFUSED/);
  });

  it("records the bot's non-2xx answer", async () => {
    const bot = await startReceiver((_req, res) => {
      res.writeHead(500);
      res.end("bot failure");
    });
    try {
      sim = await startSimulator();
      const call = sim.control.createCall({ callbackUri: `${bot.url}/cb` });
      await post(sim, `/communications/calls/${call.id}/recordResponse`, {});
      await sim.control.advanceClock(5000);
      expect(sim.control.deliveries()[0]).toMatchObject({
        status: 500,
        responseBody: "bot failure",
      });
    } finally {
      await bot.close();
    }
  });
});
