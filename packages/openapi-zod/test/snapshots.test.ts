import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, test } from "vitest";
import { generateZod, parseDocument } from "../src/index.js";
import { repoRoot } from "./support/paths.js";

const fixturesDir = join(repoRoot, "spec", "fixtures");
const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

describe("generated code for the one-feature fixture specs", () => {
  test("finds the fixtures", () => {
    expect(fixtures.length).toBeGreaterThan(10);
  });

  test.each(fixtures)("%s", async (file) => {
    const scenario = basename(file, ".yaml");
    const document = parseDocument(readFileSync(join(fixturesDir, file), "utf8"), file);
    const code = generateZod(document, { language: "ts", source: `spec/fixtures/${file}` });
    await expect(code).toMatchFileSnapshot(join("snapshots", scenario, "schemas.gen.ts"));
    expect(generateZod(document, { language: "ts", source: `spec/fixtures/${file}` })).toBe(code);
  });
});
