/**
 * Runs the README's first example, unchanged except for its import specifier, in a child process
 * against the simulator, so the documented example stays runnable. The simulator's clock runs
 * real and fast, because the example's own polling timers must find the operation finished.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { received, useSimulators } from "./support/with-simulator.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "index.js");
const startSimulator = useSimulators();

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
    // 10 simulated seconds of recording (the example's maxRecordDurationInSeconds) pass in 0.2 s;
    // the reply holds one second of 16 kHz 16-bit audio.
    const simulator = await startSimulator({ clock: "real", speed: 50 });
    const call = simulator.control.createCall();
    simulator.control.scriptOperations(call.id, [{ audioMs: 1_000 }]);
    const { stdout } = await promisify(execFile)(process.execPath, ["record.mjs"], {
      cwd: work,
      env: {
        ...process.env,
        GRAPH_TOKEN: simulator.accessToken,
        CALL_ID: call.id,
        GRAPH_BASE_URL: simulator.baseUrl,
      },
    });
    const [operation] = simulator.control.operations(call.id);
    // The simulator streams the audio chunked, without Content-Length: the example prints "?".
    expect(stdout.trim()).toBe(`saved ${operation?.id} (? bytes)`);
    expect(JSON.parse(received(simulator, "call_recordResponse")[0]?.body ?? "{}")).toMatchObject({
      maxRecordDurationInSeconds: 10,
      playBeep: true,
    });
    const media = simulator.control.requests({ host: "media" });
    expect(media.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${operation?.recordingAccessToken}`,
    ]);
    // The saved file is, byte for byte, the recording the simulator serves.
    const served = await fetch(String(operation?.recordingLocation), {
      headers: { authorization: `Bearer ${operation?.recordingAccessToken}` },
    });
    const expected = Buffer.from(await served.arrayBuffer());
    expect(expected.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(expected.length).toBe(44 + 16_000 * 2);
    expect(readFileSync(join(work, "reply.wav")).equals(expected)).toBe(true);
  });
});
