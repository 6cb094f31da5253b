/**
 * A thousand calls against the simulator while its fault injector plays a script drawn from a
 * seeded PRNG: 429 storms, 503 and 504 (before and after the action ran, some asking to wait past
 * the deadline), resets before and after processing, stalls, truncated and invalid bodies. Prints
 * and asserts counts, never timings; a call counts as having outlived its deadline when it ends
 * more than SLACK_MS after a timer of the deadline's length fired (see `watched`).
 * `CHAOS_SEED=<n>` replays another script.
 */
import { inspect } from "node:util";
import type { Fault, Simulator } from "@graph-recording/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecordingClient, isRecordingClientError } from "../src/index.js";
import { duplicatedContexts, useSimulators } from "./support/with-simulator.js";

const SEED = Number(process.env.CHAOS_SEED ?? 20261123);
const CALLS = 1000;
const CONCURRENCY = 50;
const DEADLINE_MS = 1_500;
/** Deadline of each step of the calls that take two (an action, then its wait or a listing). */
const STEP_MS = 600;
/** How long after its deadline's timer fired a call may take to settle (abort, unwind, errors). */
const SLACK_MS = 500;
/** Steps per script; a script starts over when the run needs more. */
const SCRIPT_STEPS = 4_000;
/** Every so often the next STORM requests are all throttled. */
const STORM = 30;
const STORM_CHANCE = 0.005;
const GRAPH_TOKEN = "GRAPH_SECRET_TOKEN";

/** Deterministic PRNG (mulberry32), so a seed always yields the same script. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const throttle: Fault = { kind: "throttle", retryAfter: 0.01 };

/** What one request meets, with its weight in the mix (the weights add up to 1). */
const MIX: [Fault, number][] = [
  [{ kind: "pass" }, 0.51],
  [throttle, 0.15],
  [{ kind: "status", status: 503 }, 0.05],
  [{ kind: "status", status: 503, afterHandling: true }, 0.05],
  [{ kind: "status", status: 504 }, 0.02],
  [{ kind: "status", status: 504, afterHandling: true }, 0.03],
  [{ kind: "status", status: 503, retryAfter: 600, afterHandling: true }, 0.02],
  [{ kind: "reset" }, 0.03],
  [{ kind: "reset", afterHandling: true }, 0.04],
  [{ kind: "stall" }, 0.02],
  [{ kind: "truncate" }, 0.04],
  [{ kind: "invalidJson" }, 0.04],
];

/** The fault of the MIX entry that a roll in [0, 1) falls on. */
function pick(roll: number): Fault {
  let rest = roll;
  for (const [fault, weight] of MIX) {
    rest -= weight;
    if (rest < 0) return fault;
  }
  return { kind: "pass" };
}

/** The fault script of one seed: the same seed always gives the same steps. */
function chaosScript(seed: number, steps = SCRIPT_STEPS): Fault[] {
  const next = random(seed);
  const script: Fault[] = [];
  while (script.length < steps) {
    if (next() < STORM_CHANCE) {
      for (let i = 0; i < STORM; i++) script.push(throttle);
      continue;
    }
    script.push(pick(next()));
  }
  return script.slice(0, steps);
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

const describeFault = (fault: Fault) =>
  [
    fault.kind,
    "status" in fault ? fault.status : "",
    "afterHandling" in fault && fault.afterHandling ? "after" : "",
    "retryAfter" in fault && fault.retryAfter === 600 ? "long" : "",
  ]
    .filter(Boolean)
    .join("-");

describe("chaos", () => {
  const startSimulator = useSimulators();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });

  it("draws the same script from the same seed", () => {
    expect(chaosScript(SEED)).toEqual(chaosScript(SEED));
    expect(chaosScript(SEED + 1)).not.toEqual(chaosScript(SEED));
    const kinds = countBy(chaosScript(SEED), describeFault);
    for (const [fault] of MIX) expect(kinds[describeFault(fault)]).toBeGreaterThan(0);
  });

  it(`survives ${CALLS} calls with zero unhandled rejections, overruns, duplicates and leaks`, async () => {
    // The real clock runs operations to completion (100 ms) while the client polls them.
    const simulator: Simulator = await startSimulator({
      clock: "real",
      accessTokens: [GRAPH_TOKEN],
      operations: { runningMs: 100 },
    });
    const actions = chaosScript(SEED);
    const reads = chaosScript(SEED ^ 0x5eed);
    simulator.control.faults.script(actions, {
      match: { operationId: ["call_recordResponse", "call_updateRecordingStatus"] },
      repeat: true,
    });
    simulator.control.faults.script(reads, {
      match: { operationId: ["call_getOperation", "call_listOperations"] },
      repeat: true,
    });
    const callIds = Array.from({ length: 40 }, () => simulator.control.createCall().id);
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => GRAPH_TOKEN,
      retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 6 },
      poll: { initialDelayMs: 5, maxDelayMs: 20 },
      timeoutMs: DEADLINE_MS,
    });
    const outcomes = new Map<string, number>();
    const errorTexts: string[] = [];
    const failedActions: { clientContext: string; kind: string }[] = [];
    let overran = 0;
    let started = 0;

    const kinds = new WeakMap<object, string>();
    /** An error's kind; keeps its every rendering, to look for secrets once the run is over. */
    function kindOf(error: unknown): string {
      const known = typeof error === "object" && error ? kinds.get(error) : undefined;
      if (known) return known;
      const kind = isRecordingClientError(error) ? error.kind : `foreign:${(error as Error)?.name}`;
      if (typeof error === "object" && error) kinds.set(error, kind);
      errorTexts.push(
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: null }),
        (error as Error)?.stack ?? "",
      );
      return kind;
    }

    /**
     * Runs one client step whose deadline is `ms`, and counts it as having outlived the deadline
     * when it settles more than SLACK_MS after a timer of the same length, started just before
     * it, fired. On a busy machine that timer is late exactly as the client's own is, so the
     * count measures whether the client ends a call at its deadline, not how busy the machine is.
     */
    async function watched<T>(ms: number, run: () => Promise<T>): Promise<T> {
      let due: number | undefined;
      const timer = setTimeout(() => {
        due = Date.now();
      }, ms);
      try {
        return await run();
      } finally {
        clearTimeout(timer);
        if (due !== undefined && Date.now() - due > SLACK_MS) overran++;
      }
    }

    /** Sends an action with its own clientContext and remembers how it failed, if it did. */
    async function act<T>(clientContext: string, send: () => Promise<T>): Promise<T> {
      try {
        return await send();
      } catch (error) {
        failedActions.push({ clientContext, kind: kindOf(error) });
        throw error;
      }
    }

    async function one(index: number) {
      const callId = callIds[index % callIds.length] as string;
      const clientContext = `chaos-${index}`;
      try {
        if (index % 3 === 0) {
          await watched(DEADLINE_MS, () =>
            act(clientContext, () =>
              client.recordResponse({
                callId,
                body: { maxRecordDurationInSeconds: 5, clientContext },
              }),
            ),
          );
        } else if (index % 3 === 1) {
          await watched(DEADLINE_MS, () =>
            act(clientContext, () =>
              client.updateRecordingStatus({
                callId,
                body: { status: "recording", clientContext },
              }),
            ),
          );
        } else {
          // Steps of 600 ms each: an action, then its wait or every page of the call's operations.
          const action = await watched(STEP_MS, () =>
            act(clientContext, () =>
              client.recordResponse({ callId, body: { clientContext }, timeoutMs: STEP_MS }),
            ),
          ).catch(() => undefined);
          if (action?.operation?.id) {
            await watched(STEP_MS, () => client.waitForOperation(action, { timeoutMs: STEP_MS }));
          } else {
            // Each page has its own deadline: watch every step of the iteration.
            const items = client
              .listOperations({ callId, timeoutMs: STEP_MS })
              [Symbol.asyncIterator]();
            while (!(await watched(STEP_MS, () => items.next())).done) {
              // read every page
            }
          }
        }
        outcomes.set("ok", (outcomes.get("ok") ?? 0) + 1);
      } catch (error) {
        const kind = kindOf(error);
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      }
    }

    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started < CALLS) await one(started++);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    const operations = callIds.flatMap((id) => simulator.control.operations(id));
    const secrets = [
      GRAPH_TOKEN,
      ...operations.map((op) => op.recordingAccessToken).filter((t) => typeof t === "string"),
    ] as string[];
    const leaked = errorTexts.filter((text) => secrets.some((secret) => text.includes(secret)));
    const duplicated = duplicatedContexts(simulator, callIds);
    // An action that ran must never fail with an error that reads as "nothing was processed".
    const ran = new Set(operations.map((op) => op.clientContext));
    const misreported = failedActions.filter(
      (failed) => ran.has(failed.clientContext) && failed.kind !== "may-have-been-sent",
    );
    const requests = simulator.control.requests();
    const summary = {
      seed: SEED,
      calls: CALLS,
      unhandledRejections: unhandled.length,
      outlivedDeadline: overran,
      duplicatedOperations: duplicated.length,
      errorsWithSecrets: leaked.length,
      actionsThatRanButFailedOtherwise: misreported.length,
      operationsCreated: operations.length,
      requestsServed: requests.length,
      faultsPlayed: countBy(
        requests.filter((r) => r.fault),
        (r) => String(r.fault),
      ),
      outcomes: Object.fromEntries([...outcomes].sort()),
    };
    process.stdout.write(`chaos: ${JSON.stringify(summary)}\n`);
    expect(unhandled).toHaveLength(0);
    expect(overran).toBe(0);
    expect(duplicated).toEqual([]);
    expect(leaked).toEqual([]);
    expect(misreported).toEqual([]);
    expect([...outcomes.keys()].filter((kind) => kind.startsWith("foreign:"))).toEqual([]);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(CALLS);
    // The script really played: every kind of fault met some request.
    for (const kind of ["throttle", "status", "reset", "stall", "truncate", "invalidJson"]) {
      expect(summary.faultsPlayed[kind] ?? 0).toBeGreaterThan(0);
    }
  }, 120_000);
});
