/**
 * Safe POSTs against the simulator: its scripted faults decide what each action request meets, its
 * request log counts the POSTs and the reconciling lists, and its operations show any duplicate.
 * The virtual clock never moves here, so every operation stays `running`.
 */
import type { Fault, Simulator } from "@graph-recording/simulator";
import { describe, expect, it } from "vitest";
import {
  createRawClient,
  createRecordingClient,
  MayHaveBeenSentError,
  type RecordingClient,
  ThrottledError,
} from "../src/index.js";
import { operationsWith, received, until, useSimulators } from "./support/with-simulator.js";

const startSimulator = useSimulators();
const fast = { baseDelayMs: 5, maxDelayMs: 20 };
const LIST = "call_listOperations";

/** The three non-idempotent actions, each as the client sends it. */
const ACTIONS = [
  {
    name: "recordResponse",
    operationId: "call_recordResponse",
    send: (client: RecordingClient, callId: string, clientContext?: string) =>
      client.recordResponse({ callId, body: { maxRecordDurationInSeconds: 10, clientContext } }),
  },
  {
    name: "record",
    operationId: "call_record",
    send: (client: RecordingClient, callId: string, clientContext?: string) =>
      client.record({ callId, body: { maxRecordDurationInSeconds: 10, clientContext } }),
  },
  {
    name: "updateRecordingStatus",
    operationId: "call_updateRecordingStatus",
    send: (client: RecordingClient, callId: string, clientContext?: string) =>
      client.updateRecordingStatus({ callId, body: { status: "recording", clientContext } }),
  },
] as const;
const BY_NAME = ACTIONS.map((action) => [action.name, action] as const);

/** Faults that reach the action's handler first: the operation exists, the answer is lost. */
const AFTER_HANDLING: [string, Fault][] = [
  ["503 after handling", { kind: "status", status: 503, afterHandling: true }],
  ["504 after handling", { kind: "status", status: 504, afterHandling: true }],
  ["a reset after handling", { kind: "reset", afterHandling: true }],
  ["a truncated body", { kind: "truncate" }],
  ["a body that is not JSON", { kind: "invalidJson" }],
];

/** Faults that stop the request before its handler: nothing was processed. */
const BEFORE_HANDLING: [string, Fault][] = [
  ["503 before handling", { kind: "status", status: 503 }],
  ["a reset before handling", { kind: "reset" }],
];

async function setUp() {
  const simulator = await startSimulator();
  const call = simulator.control.createCall();
  const client = createRecordingClient({
    baseUrl: simulator.baseUrl,
    getToken: async () => simulator.accessToken,
    retry: fast,
  });
  return { simulator, callId: call.id, client };
}

const script = (simulator: Simulator, operationId: string, steps: Fault[]) =>
  simulator.control.faults.script(steps, { match: { operationId } });

describe.each(BY_NAME)("safe POSTs: %s", (_, action) => {
  it("resends after 429s, which prove nothing was processed", async () => {
    const { simulator, callId, client } = await setUp();
    script(simulator, action.operationId, [
      { kind: "throttle", retryAfter: 0.01 },
      { kind: "throttle", retryAfter: 0.01 },
    ]);
    const result = await action.send(client, callId, "ctx-1");
    expect(result.operation).toMatchObject({ status: "running", clientContext: "ctx-1" });
    expect(result.reconciled).toBe(false);
    expect(received(simulator, action.operationId).map((r) => r.status)).toEqual([429, 429, 200]);
    expect(received(simulator, LIST)).toHaveLength(0);
    expect(operationsWith(simulator, callId, "ctx-1")).toHaveLength(1);
  });

  it.each(AFTER_HANDLING)(
    "after %s, finds the operation by clientContext instead of sending again",
    async (_, fault) => {
      const { simulator, callId, client } = await setUp();
      script(simulator, action.operationId, [fault]);
      const result = await action.send(client, callId, "ctx-1");
      const created = operationsWith(simulator, callId, "ctx-1");
      expect(created).toHaveLength(1);
      expect(result).toMatchObject({
        reconciled: true,
        clientContext: "ctx-1",
        operation: { clientContext: "ctx-1", id: created[0]?.id },
      });
      expect(result.location).toBe(
        `${simulator.baseUrl}/communications/calls/${callId}/operations/${created[0]?.id}`,
      );
      expect(received(simulator, action.operationId)).toHaveLength(1);
      expect(received(simulator, LIST).length).toBeGreaterThan(0);
      expect(simulator.control.operations(callId)).toHaveLength(1);
    },
  );

  it.each(BEFORE_HANDLING)(
    "after %s, reconciles, finds nothing and then resends once",
    async (_, fault) => {
      const { simulator, callId, client } = await setUp();
      script(simulator, action.operationId, [fault]);
      const result = await action.send(client, callId, "ctx-1");
      expect(result).toMatchObject({ reconciled: false, operation: { clientContext: "ctx-1" } });
      expect(received(simulator, action.operationId)).toHaveLength(2);
      expect(received(simulator, LIST)).toHaveLength(1);
      expect(operationsWith(simulator, callId, "ctx-1")).toHaveLength(1);
    },
  );
});

/** Answers after which the action ran but the client cannot tell: it must reconcile. */
const RAN_UNSEEN: { answer: string; fault: Fault; status: number }[] = [
  {
    answer: "503 after handling",
    fault: { kind: "status", status: 503, afterHandling: true },
    status: 503,
  },
  { answer: "a 200 whose body is not JSON", fault: { kind: "invalidJson" }, status: 200 },
];

/** What MayHaveBeenSentError says when the reconciling list failed, and when the call ended in it. */
const UNRECONCILED = {
  "reconcile-failed":
    "recordResponse may have been sent: listing the call's operations to find its clientContext failed",
  timeout:
    "recordResponse may have been sent: the call ended while checking the call's operations for its clientContext",
};

/** Ways the reconciling list can fail, with how many lists the default policy (5 attempts) sends. */
const LISTING_FAILURES: {
  listing: string;
  fault: Fault;
  reason: "reconcile-failed" | "timeout";
  cause: string;
  lists: number;
  timeoutMs?: number;
}[] = [
  {
    listing: "keeps resetting",
    fault: { kind: "reset" },
    reason: "reconcile-failed",
    cause: "network",
    lists: 5,
  },
  {
    listing: "stays throttled",
    fault: { kind: "throttle", retryAfter: 0.01 },
    reason: "reconcile-failed",
    cause: "throttled",
    lists: 5,
  },
  {
    listing: "answers a body that is not JSON",
    fault: { kind: "invalidJson" },
    reason: "reconcile-failed",
    cause: "protocol",
    lists: 1,
  },
  {
    listing: "stalls past the deadline",
    fault: { kind: "stall" },
    reason: "timeout",
    cause: "timeout",
    lists: 1,
    timeoutMs: 300,
  },
];

describe.each(RAN_UNSEEN.map((c) => [c.answer, c] as const))(
  "safe POSTs: after %s",
  (_, { fault, status }) => {
    it.each(LISTING_FAILURES.map((c) => [c.listing, c] as const))(
      "fails with MayHaveBeenSentError when the listing %s",
      async (_, { fault: listingFault, reason, cause, lists, timeoutMs }) => {
        const { simulator, callId, client } = await setUp();
        script(simulator, "call_recordResponse", [fault]);
        simulator.control.faults.script([listingFault], {
          match: { operationId: LIST },
          repeat: true,
        });
        const error = await client
          .recordResponse({ callId, body: { clientContext: "ctx-1" }, timeoutMs })
          .catch((e) => e);
        expect(error).toBeInstanceOf(MayHaveBeenSentError);
        expect(error).toMatchObject({ reason, clientContext: "ctx-1", status });
        expect(error.message).toBe(UNRECONCILED[reason]);
        expect(error.cause).toMatchObject({ kind: cause });
        // The action ran once and was never sent again; every other request was a listing.
        expect(received(simulator, "call_recordResponse")).toHaveLength(1);
        expect(received(simulator, LIST)).toHaveLength(lists);
        expect(operationsWith(simulator, callId, "ctx-1")).toHaveLength(1);
      },
    );
  },
);

describe("safe POSTs: recovery and its limits", () => {
  it("reconciles before failing when a 503 asks to wait past the deadline", async () => {
    const { simulator, callId, client } = await setUp();
    script(simulator, "call_recordResponse", [
      { kind: "status", status: 503, retryAfter: 600, afterHandling: true },
    ]);
    const result = await client.recordResponse({
      callId,
      body: { maxRecordDurationInSeconds: 10, clientContext: "ctx-1" },
      timeoutMs: 5_000,
    });
    expect(result).toMatchObject({ reconciled: true, operation: { clientContext: "ctx-1" } });
    expect(received(simulator, "call_recordResponse")).toHaveLength(1);
    expect(received(simulator, LIST)).toHaveLength(1);
  });

  it("generates a clientContext when none is given, and reconciles by it", async () => {
    const { simulator, callId, client } = await setUp();
    script(simulator, "call_recordResponse", [
      { kind: "status", status: 503, afterHandling: true },
    ]);
    const result = await client.recordResponse({
      callId,
      body: { maxRecordDurationInSeconds: 5 },
    });
    expect(result.clientContext).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.reconciled).toBe(true);
    const posts = received(simulator, "call_recordResponse");
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]?.body ?? "{}").clientContext).toBe(result.clientContext);
    expect(operationsWith(simulator, callId, result.clientContext ?? "")).toHaveLength(1);
  });

  it("reconciles record answered by the legacy 202 route after a 503 after handling", async () => {
    // The client posts to /communications/calls/{id}/record; a scripted 307 sends that POST to
    // the legacy /app route, which creates the operation and then fails with 503.
    const { simulator, callId, client } = await setUp();
    script(simulator, "call_record", [
      {
        kind: "redirect",
        status: 307,
        location: `${simulator.baseUrl}/app/calls/${callId}/record`,
      },
    ]);
    script(simulator, "appCall_record", [{ kind: "status", status: 503, afterHandling: true }]);
    const result = await client.record({ callId, body: { clientContext: "legacy-1" } });
    const created = operationsWith(simulator, callId, "legacy-1");
    expect(created).toHaveLength(1);
    expect(result).toMatchObject({ reconciled: true, operation: { id: created[0]?.id } });
    expect(received(simulator, "appCall_record")).toHaveLength(1);
    expect(received(simulator, "call_record")).toHaveLength(1);
  });

  it("fails with MayHaveBeenSentError when there is no clientContext to reconcile by", async () => {
    const { simulator, callId } = await setUp();
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => simulator.accessToken,
      retry: fast,
      autoClientContext: false,
    });
    script(simulator, "call_recordResponse", [
      { kind: "status", status: 503, afterHandling: true },
    ]);
    const error = await client
      .recordResponse({ callId, body: { maxRecordDurationInSeconds: 5 } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(MayHaveBeenSentError);
    expect(error).toMatchObject({
      kind: "may-have-been-sent",
      reason: "status",
      status: 503,
      clientContext: undefined,
    });
    expect(error.message).toBe(
      "recordResponse may have been sent: the service answered 503 and the request has no clientContext to reconcile by",
    );
    expect(received(simulator, "call_recordResponse")).toHaveLength(1);
    expect(received(simulator, LIST)).toHaveLength(0);
    // It had been sent: the simulator holds the operation.
    expect(simulator.control.operations(callId)).toHaveLength(1);
  });

  it("fails with MayHaveBeenSentError when the deadline ends while the POST is in flight", async () => {
    const { simulator, callId, client } = await setUp();
    script(simulator, "call_recordResponse", [{ kind: "stall" }]);
    const error = await client
      .recordResponse({ callId, body: { clientContext: "ctx-1" }, timeoutMs: 150 })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: "may-have-been-sent", reason: "timeout" });
    expect(error.cause).toMatchObject({ kind: "timeout" });
    expect(received(simulator, "call_recordResponse").map((r) => r.fault)).toEqual(["stall"]);
    expect(received(simulator, LIST)).toHaveLength(0);
    expect(simulator.control.operations(callId)).toHaveLength(0);
  });

  it.each<[string, Fault, Fault | undefined, number | undefined]>([
    // The caller aborts during the 5 s the 503 asks for, before any listing.
    [
      "a 503 after handling asks to wait",
      { kind: "status", status: 503, retryAfter: 5, afterHandling: true },
      undefined,
      503,
    ],
    // The backoff after the reset is drawn up to 60 s; a listing, if one starts, never answers.
    [
      "a reset after handling backs off",
      { kind: "reset", afterHandling: true },
      { kind: "stall" },
      undefined,
    ],
  ])(
    "fails with MayHaveBeenSentError when the caller aborts while %s",
    async (_, fault, listing, status) => {
      const { simulator, callId } = await setUp();
      // Notes when the client holds the whole answer (or the broken connection), so the abort
      // lands in the wait that follows rather than in the exchange itself.
      let answered = false;
      const client = createRecordingClient({
        baseUrl: simulator.baseUrl,
        getToken: async () => simulator.accessToken,
        retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
        fetch: async (input, init) => {
          try {
            const response = await globalThis.fetch(input, init);
            const body = await response.arrayBuffer();
            return new Response(body, { status: response.status, headers: response.headers });
          } finally {
            answered = true;
          }
        },
      });
      script(simulator, "call_recordResponse", [fault]);
      if (listing) {
        simulator.control.faults.script([listing], { match: { operationId: LIST }, repeat: true });
      }
      const caller = new AbortController();
      const sending = client
        .recordResponse({ callId, body: { clientContext: "ctx-1" }, signal: caller.signal })
        .catch((e) => e);
      await until(() => answered, "the action's answer");
      caller.abort();
      const error = await sending;
      expect(error).toBeInstanceOf(MayHaveBeenSentError);
      expect(error).toMatchObject({ reason: "aborted", clientContext: "ctx-1", status });
      expect(error.message).toBe(
        "recordResponse may have been sent: the call ended while checking the call's operations for its clientContext",
      );
      expect(error.cause).toMatchObject({ kind: "aborted" });
      expect(received(simulator, "call_recordResponse")).toHaveLength(1);
      expect(operationsWith(simulator, callId, "ctx-1")).toHaveLength(1);
    },
  );

  it("resends when the connection was refused (never sent)", async () => {
    const { simulator, callId } = await setUp();
    await simulator.close();
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => simulator.accessToken,
      retry: { ...fast, maxAttempts: 2 },
    });
    const error = await client
      .recordResponse({ callId, body: { clientContext: "ctx-1" } })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: "network" });
    expect(error.message).toBe("recordResponse: the connection failed (ECONNREFUSED)");
  });

  it("raises ThrottledError when a 429 storm outlasts the attempts", async () => {
    const { simulator, callId } = await setUp();
    const client = createRecordingClient({
      baseUrl: simulator.baseUrl,
      getToken: async () => simulator.accessToken,
      retry: { ...fast, maxAttempts: 3 },
    });
    simulator.control.faults.script([{ kind: "throttle", retryAfter: 0.01 }], {
      match: { operationId: "call_recordResponse" },
      repeat: true,
    });
    const error = await client
      .recordResponse({ callId, body: { clientContext: "ctx-1" } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 10, attempts: 3 });
    expect(received(simulator, "call_recordResponse")).toHaveLength(3);
    expect(received(simulator, LIST)).toHaveLength(0);
    expect(simulator.control.operations(callId)).toHaveLength(0);
  });

  it("never resends a raw POST that may have arrived", async () => {
    const { simulator, callId, client } = await setUp();
    script(simulator, "call_recordResponse", [
      { kind: "status", status: 503, afterHandling: true },
    ]);
    const error = await createRawClient(client)
      .POST("/communications/calls/{callId}/recordResponse", {
        params: { path: { callId } },
        body: { clientContext: "ctx-1" },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "may-have-been-sent", status: 503 });
    expect(received(simulator, "call_recordResponse")).toHaveLength(1);
    expect(received(simulator, LIST)).toHaveLength(0);
    expect(simulator.control.operations(callId)).toHaveLength(1);
  });
});
