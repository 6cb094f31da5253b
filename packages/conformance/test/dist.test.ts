import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { fixture } from "./support/run.js";

const dist = join(import.meta.dirname, "..", "dist");
const built = existsSync(join(dist, "index.js")) && existsSync(join(dist, "index.cjs"));

type Library = typeof import("../src/index.js");

async function collect(library: Library) {
  const spec = await library.loadSpec(fixture("recording-api.yaml"));
  const ajv = library.createAjvValidators(spec);
  const verdict = ajv.validate(
    { pointer: "/components/schemas/recordOperation", mode: "strict", direction: "response" },
    { id: "1", status: "running", colour: "red" },
  );
  return {
    examples: library.collectExamples(spec).length,
    issues: verdict.issues.map((issue) => issue.path),
  };
}

describe.skipIf(!built)(
  "the built package, imported as a consumer would (skipped until `pnpm build`)",
  () => {
    test("ESM", async () => {
      const library = (await import(pathToFileURL(join(dist, "index.js")).href)) as Library;
      expect(await collect(library)).toEqual({ examples: 13, issues: ["/colour"] });
    });

    test("CommonJS", async () => {
      const library = createRequire(import.meta.url)(join(dist, "index.cjs")) as Library;
      expect(await collect(library)).toEqual({ examples: 13, issues: ["/colour"] });
      expect(typeof library.projectSpecPath()).toBe("string");
    });
  },
);
