import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { splitLines } from "../src/payload-lines.js";
import { fixture } from "./support/run.js";

describe("splitLines", () => {
  test.each([
    ["a\nb\nc\nd\n", 2],
    ["a\nb\nc\nd", 3],
    ["one line", 4],
    ["\n\nx\n\ny", 2],
    ["", 2],
  ])("splits %j into pieces that rebuild it, numbering each first line", (text, parts) => {
    const pieces = splitLines(text, parts);
    expect(pieces.length).toBeLessThanOrEqual(parts);
    expect(pieces.map((piece) => piece.text).join("\n")).toBe(text);
    for (const piece of pieces) {
      const before = text.slice(0, text.indexOf(piece.text)).split("\n").length;
      expect(piece.firstLine).toBe(before);
    }
  });
});

const dist = join(import.meta.dirname, "..", "dist", "index.js");

describe.skipIf(!existsSync(dist))(
  "worker threads (built package; skipped until `pnpm build`)",
  () => {
    test("a large NDJSON input gives the same results, in the same order, on threads as on one", async () => {
      const library = (await import(pathToFileURL(dist).href)) as typeof import("../src/index.js");
      const good = JSON.stringify({
        id: "r",
        createdDateTime: "2023-03-10T12:03:48Z",
        recordingContentUrl: "https://x.test/a",
      });
      const lines = Array.from({ length: 45_000 }, (_, index) =>
        index % 9_973 === 0
          ? JSON.stringify({ id: index, colour: "red" })
          : index % 15_000 === 7
            ? "{nope"
            : good,
      );
      const folder = await mkdtemp(join(tmpdir(), "conformance-threads-"));
      const file = join(folder, "many.ndjson");
      await writeFile(file, `${lines.join("\n")}\n`);
      const options = {
        spec: fixture("recording-api.yaml"),
        target: { schema: "callRecording" },
        inputs: [file],
      };
      const threaded = await library.validateInputs({ ...options, threads: 3 });
      const single = await library.validateInputs({ ...options, threads: 1 });
      expect(threaded.results).toEqual(single.results);
      expect(threaded.summary).toEqual({
        inputs: 45_000,
        valid: 44_992,
        invalid: 5,
        errors: 3,
        skipped: 0,
      });
      expect(threaded.results[15_007]?.input).toBe(`${file}:15008`);
    }, 60_000);
  },
);
