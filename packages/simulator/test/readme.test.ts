import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startSimulator } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("opens with an example that runs as written", async () => {
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const source = String(block);
    expect(source).toContain('import { startSimulator } from "@graph-recording/simulator";');
    // The example is plain JavaScript apart from its import; run it with the source's export.
    const body = source.replace(/^import .*$/m, "");
    const logged: unknown[] = [];
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>;
    await new AsyncFunction("startSimulator", "console", body)(startSimulator, {
      log: (value: unknown) => logged.push(value),
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      status: "completed",
      clientContext: "answer-1",
      recordingLocation: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/recordings\//),
    });
  });
});
