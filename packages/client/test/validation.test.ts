import { describe, expect, it } from "vitest";
import {
  createRecordingClient,
  GraphError,
  type RecordingClientOptions,
  type Validate,
  type ValidationError,
  zodValidator,
} from "../src/index.js";
import { runningOperation, useSimulators } from "./support/with-simulator.js";

const simulator = useSimulators();

/** A stand-in for the generated module, with the contract's shape (operations[id].responses[status]). */
function fakeZodModule(strictSeen: string[]) {
  const schema = (name: string, ok: (value: unknown) => boolean) => ({
    safeParse: (value: unknown) => {
      strictSeen.push(name);
      return ok(value)
        ? { success: true }
        : {
            success: false,
            error: { issues: [{ path: ["status"], message: `Invalid option (${name})` }] },
          };
    },
  });
  const hasKnownStatus = (value: unknown) =>
    ["notStarted", "running", "completed", "failed"].includes(
      (value as { status?: string }).status ?? "",
    );
  return {
    webhooks: {
      commsNotifications: {
        method: "post",
        request: {
          open: schema("open", (v) => Array.isArray((v as { value?: unknown }).value)),
          strict: schema("strict", () => false),
        },
        responses: {},
      },
    },
    operations: {
      call_getOperation: {
        method: "get",
        path: "/communications/calls/{callId}/operations/{operationId}",
        responses: {
          "200": { open: schema("open", hasKnownStatus), strict: schema("strict", hasKnownStatus) },
        },
      },
    },
  };
}

describe("validation", () => {
  /**
   * A simulator whose getOperation answers the running operation with `status` in place of the
   * real one, and a client on it.
   */
  async function answering(status: string, options: RecordingClientOptions = {}) {
    const sim = await simulator();
    const { callId, operationId, operation } = await runningOperation(sim);
    sim.control.faults.script(
      { kind: "respond", status: 200, body: { ...operation, status } },
      { match: { operationId: "call_getOperation" } },
    );
    const client = createRecordingClient({
      baseUrl: sim.baseUrl,
      getToken: async () => sim.accessToken,
      ...options,
    });
    return { sim, callId, getOperation: () => client.getOperation({ callId, operationId }) };
  }

  it("is off by default: an unexpected body passes through", async () => {
    const { getOperation } = await answering("Exploded");
    await expect(getOperation()).resolves.toMatchObject({ status: "Exploded" });
  });

  it("throws ValidationError with the JSON pointer in error mode", async () => {
    const seen: string[] = [];
    const { sim, getOperation } = await answering("Exploded", {
      validation: {
        mode: "error",
        validate: zodValidator(async () => fakeZodModule(seen), { strict: true }),
      },
    });
    const error = await getOperation().catch((e) => e);
    expect(error).toMatchObject({
      kind: "validation",
      operationId: "call_getOperation",
      direction: "response",
      status: 200,
      issues: [{ path: "/status", message: "Invalid option (strict)" }],
    });
    expect(error.message).toBe(
      "call_getOperation: the response body (status 200) does not match the spec: /status Invalid option (strict)",
    );
    expect(seen).toEqual(["strict"]);
    expect(error.clientRequestId).toBe(sim.control.requests()[0]?.headers["client-request-id"]);
  });

  it("reports and continues in warn mode", async () => {
    const warnings: ValidationError[] = [];
    const { getOperation } = await answering("Exploded", {
      validation: {
        mode: "warn",
        validate: zodValidator(async () => fakeZodModule([])),
        onInvalid: (e) => warnings.push(e),
      },
    });
    await expect(getOperation()).resolves.toMatchObject({ status: "Exploded" });
    expect(warnings.map((w) => w.issues)).toEqual([
      [{ path: "/status", message: "Invalid option (open)" }],
    ]);
  });

  it("validates request bodies before sending them", async () => {
    const validate: Validate = ({ direction, body }) =>
      direction === "request" && (body as { status?: string }).status === "paused"
        ? [{ path: "/status", message: "not a recordingStatus" }]
        : undefined;
    const sim = await simulator();
    const { callId } = await runningOperation(sim);
    const update = (options: RecordingClientOptions) =>
      createRecordingClient({
        baseUrl: sim.baseUrl,
        getToken: async () => sim.accessToken,
        ...options,
      })
        .updateRecordingStatus({ callId, body: { status: "paused" as never } })
        .catch((e) => e);
    const error = await update({ validation: { mode: "error", validate } });
    expect(error).toMatchObject({
      kind: "validation",
      direction: "request",
      operationId: "call_updateRecordingStatus",
    });
    expect(sim.control.requests()).toHaveLength(0);
    // Without the check the body goes out, and the service refuses it.
    const refused = await update({});
    expect(refused).toBeInstanceOf(GraphError);
    expect(refused).toMatchObject({ status: 400, code: "invalidRequest" });
    expect(sim.control.requests({ operationId: "call_updateRecordingStatus" })).toHaveLength(1);
  });

  it("validates notification payloads by webhook name for the receiver", async () => {
    const validate = zodValidator(async () => fakeZodModule([]));
    expect(
      await validate({
        operationId: "commsNotifications",
        direction: "request",
        body: { value: [] },
      }),
    ).toBeUndefined();
    expect(
      await validate({ operationId: "commsNotifications", direction: "request", body: {} }),
    ).toEqual([{ path: "/status", message: "Invalid option (open)" }]);
  });

  it("refuses something that is not the schema module, naming the argument", async () => {
    expect(() => zodValidator({} as never)).toThrow(
      /^zodValidator\(schemas\): expected the @graph-recording\/zod module \(an object with "operations"\), got object;/,
    );
    const lazy = zodValidator(async () => ({ default: {} }) as never);
    await expect(
      lazy({ operationId: "call_getOperation", direction: "response", status: 200, body: {} }),
    ).rejects.toThrow(
      /^zodValidator\(\(\) => schemas\): expected the @graph-recording\/zod module/,
    );
  });

  it("refuses a mode without a validator, saying what to pass", () => {
    expect(() => createRecordingClient({ validation: { mode: "error" } as never })).toThrow(
      'validation.mode "error" needs validation.validate, e.g. zodValidator(graphZod) with graphZod = await import("@graph-recording/zod")',
    );
  });
});
