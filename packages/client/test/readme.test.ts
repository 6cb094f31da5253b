/**
 * Runs the README's first example, unchanged except for its import specifier, in a child process
 * against the local fake Graph, so the documented example stays runnable.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { fakeGraph } from "./support/fake-graph.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "index.js");

describe.skipIf(!existsSync(entry))("README example (run `pnpm build` first)", () => {
  const work = mkdtempSync(join(tmpdir(), "client-readme-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("records, waits, downloads and saves the reply", async () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const script = (example ?? "").replace(
      '"@graph-recording/client"',
      JSON.stringify(pathToFileURL(entry).href),
    );
    writeFileSync(join(work, "record.mjs"), script);
    const graph = await fakeGraph();
    try {
      graph.completeAfterPolls = 2;
      const { stdout } = await promisify(execFile)(process.execPath, ["record.mjs"], {
        cwd: work,
        env: { ...process.env, GRAPH_TOKEN: "token", CALL_ID: "call-1", GRAPH_BASE_URL: graph.url },
      });
      expect(stdout.trim()).toBe("saved op-1 (40 bytes)");
      expect(readFileSync(join(work, "reply.wav"), "utf8")).toBe(
        "RIFF....WAVEfmt fake audio for the tests",
      );
    } finally {
      await graph.close();
    }
  });
});
