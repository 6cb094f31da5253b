import { XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import {
  checkExamples,
  formatCheckHtml,
  formatCheckJunit,
  loadSpec,
  sourceCoverage,
} from "../src/index.js";
import { ajvValidatorSource } from "./support/ajv-validator-source.js";
import { fixture, fixtureValidators, run } from "./support/run.js";

const folders = [fixture("sources/seeds"), fixture("sources/reference/graph-examples")];

describe("source documents accounted for", () => {
  test("counts files named by x-source, mentioned in a document, and neither", async () => {
    const coverage = await sourceCoverage(
      ["seeds/fixture.txt", "reference/graph-examples/fixture__1__response.json"],
      {
        folders,
        accountedIn: [fixture("sources-decisions.md")],
      },
    );
    expect(coverage).toMatchObject({ files: 8, namedByExamples: 2, mentionedInDocuments: 1 });
    expect(coverage.unaccounted.map((file) => file.split("/").at(-1))).toEqual([
      "extra__9__response.json",
      "fixture__2__response.json",
      "fixture__3__response.json",
      "fixture__4__notification.json",
      "fixture__5__notification.json",
    ]);
  });

  test("check fails on an unaccounted file and says which, in every format", async () => {
    const validators = await fixtureValidators("recording-api.yaml");
    const argv = [
      "check",
      fixture("recording-api.yaml"),
      "--sources",
      ...folders,
      "--accounted-in",
      fixture("sources-decisions.md"),
    ];
    const text = await run(argv, { validators });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      "  8 files: 6 named by examples (x-source), 1 mentioned in the listed documents, 1 unaccounted\n",
    );
    expect(text.stdout).toContain(
      `extra__9__response.json: no example names it in x-source and no listed document mentions it\n`,
    );
    expect(text.stdout.trimEnd().split("\n").at(-1)).toMatch(/; source documents: 1 unaccounted$/);
    const spec = await loadSpec(fixture("recording-api.yaml"));
    const report = await checkExamples(spec, {
      validators: ajvValidatorSource(spec),
      sources: { folders, accountedIn: [fixture("sources-decisions.md")] },
    });
    const junit = formatCheckJunit(report);
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toContain(
      '<failure message="1 source documents unaccounted for" type="sources">',
    );
    expect(formatCheckHtml(report)).toContain('<section id="sources" class="has-failures">');
  });

  test("passes when every file is named or mentioned", async () => {
    const validators = await fixtureValidators("recording-api.yaml");
    const result = await run(
      ["check", fixture("recording-api.yaml"), "--sources", fixture("sources/seeds")],
      { validators },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  1 files: 1 named by examples (x-source), 0 mentioned in the listed documents, 0 unaccounted\n",
    );
  });

  test.each([
    [
      ["--sources", "no/such/folder"],
      "no/such/folder: cannot read the sources folder: no such file",
    ],
    [
      ["--accounted-in", "x.md"],
      "--accounted-in needs --sources: the folders whose documents it accounts for",
    ],
  ])("bad usage %j exits 2", async (flags, message) => {
    const validators = await fixtureValidators("recording-api.yaml");
    const result = await run(["check", fixture("recording-api.yaml"), ...flags], { validators });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`graph-recording-conformance: ${message}\n`);
  });
});
