/**
 * A thousand calls against a loopback server scripted to misbehave: 429 storms, 503/504 (some
 * after the action ran, some asking to wait past the deadline), resets before and after
 * processing, stalls, truncated and invalid bodies. Prints and asserts counts, never timings; a
 * call counts as having outlived its deadline when it ends more than SLACK_MS after it.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecordingClient, isRecordingClientError } from "../src/index.js";
import { type FakeGraph, type Fault, fakeGraph } from "./support/fake-graph.js";

const CALLS = 1000;
const CONCURRENCY = 50;
const DEADLINE_MS = 1_500;
/** Scheduling slack on two shared cores before a call counts as having outlived its deadline. */
const SLACK_MS = 500;
const SECRETS = ["GRAPH_SECRET_TOKEN", "REC_TOKEN_"];

/** Deterministic PRNG (mulberry32), so every run plays the same script. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIX: [Fault, number][] = [
  ["ok", 0.53],
  ["429", 0.15],
  ["503", 0.05],
  ["503-after", 0.05],
  ["504-after", 0.03],
  ["503-after-long", 0.02],
  ["reset", 0.03],
  ["reset-after", 0.04],
  ["stall", 0.02],
  ["truncate", 0.04],
  ["invalid", 0.04],
];

describe("chaos", () => {
  let graph: FakeGraph;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    graph = await fakeGraph();
    const next = random(20261123);
    let storm = 0;
    graph.pick = () => {
      // A 429 storm: every so often, the next 30 requests are all throttled.
      if (storm > 0) {
        storm--;
        return "429";
      }
      if (next() < 0.005) storm = 30;
      let roll = next();
      for (const [fault, weight] of MIX) {
        roll -= weight;
        if (roll < 0) return fault;
      }
      return "ok";
    };
  });
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await graph.close();
  });

  it(`survives ${CALLS} calls with zero unhandled rejections, overruns, duplicates and leaks`, async () => {
    const client = createRecordingClient({
      baseUrl: graph.url,
      getToken: async () => "GRAPH_SECRET_TOKEN",
      retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 6 },
      poll: { initialDelayMs: 5, maxDelayMs: 20 },
      timeoutMs: DEADLINE_MS,
    });
    const outcomes = new Map<string, number>();
    let overran = 0;
    let leaked = 0;
    let started = 0;

    async function one(index: number) {
      const begin = Date.now();
      try {
        if (index % 3 === 0) {
          await client.recordResponse({
            callId: `call-${index % 40}`,
            body: { maxRecordDurationInSeconds: 5 },
          });
        } else if (index % 3 === 1) {
          await client.updateRecordingStatus({
            callId: `call-${index % 40}`,
            body: { status: "recording" },
          });
        } else {
          // Two calls of 600 ms each: together still inside DEADLINE_MS.
          const started = await client
            .recordResponse({ callId: `call-${index % 40}`, body: {}, timeoutMs: 600 })
            .catch(() => undefined);
          if (started?.operation?.id) {
            await client.waitForOperation(started, { timeoutMs: 600 });
          } else {
            await client.getOperation({ callId: "call-0", operationId: "op-1", timeoutMs: 600 });
          }
        }
        outcomes.set("ok", (outcomes.get("ok") ?? 0) + 1);
      } catch (error) {
        const kind = isRecordingClientError(error)
          ? error.kind
          : `foreign:${(error as Error)?.name}`;
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
        const texts = [
          String(error),
          JSON.stringify(error),
          inspect(error, { depth: null }),
          (error as Error).stack ?? "",
        ];
        if (texts.some((text) => SECRETS.some((secret) => text.includes(secret)))) leaked++;
      }
      if (Date.now() - begin > DEADLINE_MS + SLACK_MS) overran++;
    }

    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started < CALLS) await one(started++);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    const duplicated = [...graph.created.values()].filter((count) => count > 1).length;
    const summary = {
      calls: CALLS,
      unhandledRejections: unhandled.length,
      outlivedDeadline: overran,
      duplicatedOperations: duplicated,
      errorsWithSecrets: leaked,
      operationsCreated: graph.created.size,
      requestsServed: graph.requests.length,
      outcomes: Object.fromEntries([...outcomes].sort()),
    };
    process.stdout.write(`chaos: ${JSON.stringify(summary)}\n`);
    expect(unhandled).toHaveLength(0);
    expect(overran).toBe(0);
    expect(duplicated).toBe(0);
    expect(leaked).toBe(0);
    expect([...outcomes.keys()].filter((kind) => kind.startsWith("foreign:"))).toEqual([]);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(CALLS);
  }, 120_000);
});
