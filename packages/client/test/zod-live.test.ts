/**
 * zodValidator with the real generated module, through a client talking to a loopback server.
 */
import * as graphZod from "@graph-recording/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecordingClient, type ValidationError, zodValidator } from "../src/index.js";
import { json, serve, type TestServer } from "./support/server.js";

describe("validation with @graph-recording/zod", () => {
  it("loads the generated module the workspace builds from the spec", () => {
    expect(
      graphZod.operations.call_recordResponse.responses["200"].strict.safeParse({}).success,
    ).toBe(false);
  });

  let server: TestServer;
  let answer: unknown;
  beforeAll(async () => {
    server = await serve((_req, res) => json(res, 200, answer));
  });
  afterAll(() => server.close());

  const operation = {
    "@odata.type": "#microsoft.graph.recordOperation",
    id: "op-1",
    status: "completed",
    clientContext: "ctx",
    resultInfo: { code: 200, subcode: 8515, message: "max record duration reached" },
    recordingLocation: "https://media.example/rec",
    recordingAccessToken: "secret-recording-token",
  };

  it("accepts a valid operation in both open and strict mode", async () => {
    answer = operation;
    for (const strict of [false, true]) {
      const client = createRecordingClient({
        baseUrl: server.url,
        validation: { mode: "error", validate: zodValidator(graphZod, { strict }) },
      });
      await expect(
        client.getOperation({ callId: "c", operationId: "op-1" }),
      ).resolves.toMatchObject({ id: "op-1" });
    }
  });

  it("rejects an unknown status with a JSON pointer, and strict mode rejects an undeclared property", async () => {
    answer = { ...operation, status: "exploded" };
    const client = createRecordingClient({
      baseUrl: server.url,
      validation: { mode: "error", validate: zodValidator(graphZod) },
    });
    const error = (await client
      .getOperation({ callId: "c", operationId: "op-1" })
      .catch((e) => e)) as ValidationError;
    expect(error.kind).toBe("validation");
    expect(error.issues.map((issue) => issue.path)).toContain("/status");
    expect(JSON.stringify(error)).not.toContain("secret-recording-token");

    answer = { ...operation, surprise: true };
    const strict = createRecordingClient({
      baseUrl: server.url,
      validation: { mode: "error", validate: zodValidator(graphZod, { strict: true }) },
    });
    const strictError = await strict
      .getOperation({ callId: "c", operationId: "op-1" })
      .catch((e) => e);
    expect(strictError).toMatchObject({ kind: "validation" });
    const open = createRecordingClient({
      baseUrl: server.url,
      validation: { mode: "error", validate: zodValidator(graphZod) },
    });
    await expect(open.getOperation({ callId: "c", operationId: "op-1" })).resolves.toMatchObject({
      surprise: true,
    });
  });
});
