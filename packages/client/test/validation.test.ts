import { afterEach, describe, expect, it } from "vitest";
import {
  createRecordingClient,
  type Validate,
  type ValidationError,
  zodValidator,
} from "../src/index.js";
import { json, serve, type TestServer } from "./support/server.js";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

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
  async function serverAnswering(status: string) {
    const s = await serve((_req, res) => json(res, 200, { id: "op-1", status }));
    servers.push(s);
    return s;
  }

  it("is off by default: an unexpected body passes through", async () => {
    const s = await serverAnswering("Exploded");
    const client = createRecordingClient({ baseUrl: s.url });
    await expect(client.getOperation({ callId: "c", operationId: "op-1" })).resolves.toMatchObject({
      status: "Exploded",
    });
  });

  it("throws ValidationError with the JSON pointer in error mode", async () => {
    const s = await serverAnswering("Exploded");
    const seen: string[] = [];
    const client = createRecordingClient({
      baseUrl: s.url,
      validation: {
        mode: "error",
        validate: zodValidator(async () => fakeZodModule(seen), { strict: true }),
      },
    });
    const error = await client.getOperation({ callId: "c", operationId: "op-1" }).catch((e) => e);
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
  });

  it("reports and continues in warn mode", async () => {
    const s = await serverAnswering("Exploded");
    const warnings: ValidationError[] = [];
    const client = createRecordingClient({
      baseUrl: s.url,
      validation: {
        mode: "warn",
        validate: zodValidator(async () => fakeZodModule([])),
        onInvalid: (e) => warnings.push(e),
      },
    });
    await expect(client.getOperation({ callId: "c", operationId: "op-1" })).resolves.toMatchObject({
      id: "op-1",
    });
    expect(warnings.map((w) => w.issues)).toEqual([
      [{ path: "/status", message: "Invalid option (open)" }],
    ]);
  });

  it("validates request bodies before sending them", async () => {
    const s = await serverAnswering("running");
    const validate: Validate = ({ direction, body }) =>
      direction === "request" && (body as { status?: string }).status === "paused"
        ? [{ path: "/status", message: "not a recordingStatus" }]
        : undefined;
    const client = createRecordingClient({
      baseUrl: s.url,
      validation: { mode: "error", validate },
    });
    const error = await client
      .updateRecordingStatus({ callId: "c", body: { status: "paused" as never } })
      .catch((e) => e);
    expect(error).toMatchObject({
      kind: "validation",
      direction: "request",
      operationId: "call_updateRecordingStatus",
    });
    expect(s.requests).toHaveLength(0);
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
