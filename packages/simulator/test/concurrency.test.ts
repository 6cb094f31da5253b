import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fault, type Simulator, startSimulator } from "../src/index.js";
import { graph } from "./support.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

describe("many concurrent requests under a scripted mix of faults", () => {
  it("answers each one as scripted, keeps its state consistent and keeps serving", async () => {
    const mix: Fault[] = [
      { kind: "throttle", retryAfter: 1 },
      { kind: "pass" },
      { kind: "status", status: 503 },
      { kind: "reset" },
      { kind: "stall", ms: 5 },
      { kind: "truncate" },
      { kind: "invalidJson" },
      { kind: "status", status: 504, afterHandling: true },
      { kind: "reset", afterHandling: true },
      { kind: "contentType" },
    ];
    sim.control.faults.script(mix, { match: { operationId: "call_recordResponse" }, repeat: 30 });
    const call = sim.control.createCall();
    const outcomes = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        graph(sim, `/communications/calls/${call.id}/recordResponse`, {
          method: "POST",
          body: JSON.stringify({ clientContext: `c-${i}` }),
        }).then(
          async (res) => {
            await res.arrayBuffer().catch(() => undefined);
            return String(res.status);
          },
          () => "network error",
        ),
      ),
    );
    const counts: Record<string, number> = {};
    for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
    // Per 10 requests: 429, 200 (pass), 503, reset, 200 (stall), 200 (truncate: headers sent,
    // then the body fails), 200 (invalid JSON), 504 (processed), reset (processed), 200 (content type).
    expect(counts["429"]).toBe(30);
    expect(counts["503"]).toBe(30);
    expect(counts["504"]).toBe(30);
    expect((counts["200"] ?? 0) + (counts["network error"] ?? 0)).toBe(210);
    expect(counts["network error"]).toBeGreaterThanOrEqual(60);
    // Processed: pass, stall, truncate, invalidJson, contentType, and the two afterHandling faults.
    expect(sim.control.operations(call.id)).toHaveLength(7 * 30);
    const logged = sim.control.requests({ operationId: "call_recordResponse" });
    expect(logged).toHaveLength(300);
    expect(sim.control.faults.list()).toEqual([]);
    const after = await graph(sim, `/communications/calls/${call.id}/recordResponse`, {
      method: "POST",
      body: "{}",
    });
    expect(after.status).toBe(200);
  });
});
