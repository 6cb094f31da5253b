/**
 * Imports the built package the way a consumer does (ESM and CommonJS, both entry points) and
 * makes one real call with each. Runs after `pnpm build` (the test task depends on it).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, serve, type TestServer } from "./support/server.js";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const built = existsSync(join(dist, "index.js")) && existsSync(join(dist, "index.cjs"));

describe.skipIf(!built)("the built package (run `pnpm build` first)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve((_req, res) => json(res, 200, { id: "op-1", status: "completed" }));
  });
  afterAll(() => server.close());

  it("works as ESM", async () => {
    const esm = await import(join(dist, "index.js"));
    const client = esm.createRecordingClient({ baseUrl: server.url });
    await expect(client.getOperation({ callId: "c", operationId: "op-1" })).resolves.toEqual({
      id: "op-1",
      status: "completed",
    });
    const notifications = await import(join(dist, "notifications.js"));
    expect(typeof notifications.createNotificationReceiver).toBe("function");
  });

  it("works as CommonJS", async () => {
    const require = createRequire(import.meta.url);
    const cjs = require(join(dist, "index.cjs"));
    const client = cjs.createRecordingClient({ baseUrl: server.url });
    await expect(client.getOperation({ callId: "c", operationId: "op-1" })).resolves.toMatchObject({
      id: "op-1",
    });
    expect(new cjs.TimeoutError({ message: "m", timeoutMs: 1 }).kind).toBe("timeout");
    expect(typeof require(join(dist, "notifications.cjs")).toNodeHandler).toBe("function");
  });
});
