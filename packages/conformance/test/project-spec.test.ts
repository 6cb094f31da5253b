// The project's own spec, checked end to end with validators generated from it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkExamples } from "../src/index.js";

const projectSpec = join(import.meta.dirname, "..", "..", "..", "spec", "openapi.yaml");

describe.skipIf(!existsSync(projectSpec))("the project spec (spec/openapi.yaml)", () => {
  test("every example meets its verdict; seed examples expected invalid have their defects caught", async () => {
    const report = await checkExamples(projectSpec);
    const failures = report.results
      .filter((result) => result.status === "fail")
      .map((result) => `#${result.example.pointer}: ${result.failures.join("; ")}`);
    expect(failures).toEqual([]);
    expect(report.summary.validatorDefects).toBe(0);
    const seedsInvalid = report.results.filter(
      (result) => result.example.source?.startsWith("seeds/") && result.expected === "invalid",
    );
    expect(seedsInvalid.length).toBeGreaterThan(0);
    for (const result of seedsInvalid) {
      expect(result.actual).toBe("invalid");
      expect(result.generated?.issues.length).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!existsSync(projectSpec))("the project spec with @graph-recording/zod", () => {
  test("checkExamples() without a spec uses the committed generated module and passes", async () => {
    const report = await checkExamples();
    expect(report.validators).toBe("@graph-recording/zod");
    expect(report.summary.failed).toBe(0);
    expect(report.summary.validatorDefects).toBe(0);
    expect(report.summary.examples).toBeGreaterThan(0);
  });
});

describe.skipIf(!existsSync(projectSpec))("captured traffic against the project spec", () => {
  test("a HAR built from the spec's own valid response examples validates entry by entry", async () => {
    const { collectExamples, loadSpec, validateInputs } = await import("../src/index.js");
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const spec = await loadSpec(projectSpec);
    const examples = collectExamples(spec).filter(
      (example) =>
        example.target.kind === "operation" &&
        example.target.status?.startsWith("2") &&
        example.expect === "valid" &&
        example.target.mediaType === "application/json" &&
        example.target.path !== undefined,
    );
    expect(examples.length).toBeGreaterThan(0);
    const entries = examples.map((example) => ({
      request: {
        method: example.target.method,
        url: `https://graph.microsoft.com/v1.0${(example.target.path ?? "").replace(/\{[^}]*\}/g, "x1")}`,
      },
      response: {
        status: Number(example.target.status),
        content: { mimeType: "application/json", text: JSON.stringify(example.value) },
      },
    }));
    const folder = await mkdtemp(join(tmpdir(), "conformance-har-"));
    const har = join(folder, "capture.har");
    await writeFile(har, JSON.stringify({ log: { entries } }));
    const report = await validateInputs({ spec: projectSpec, har: [har] });
    const notValid = report.results.filter((result) => result.verdict !== "valid");
    expect(notValid).toEqual([]);
    expect(report.summary.valid).toBe(examples.length);
  });
});
