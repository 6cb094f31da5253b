import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { OpenApiZodError } from "../src/index.js";
import { missingData, packageDir, suiteDir } from "./support/paths.js";
import {
  type CaseResult,
  caseKey,
  type FileResult,
  runSuiteFile,
  suiteFiles,
} from "./support/suite.js";

/**
 * Every case the generator gets wrong, with the reason. The test fails when a listed case starts passing
 * (remove it here and in the README) or when a new miss appears (fix it or document it here and in the README).
 */
const KNOWN_MISSES: Record<string, string> = {};

const skipReason = missingData(suiteDir);
const results: FileResult[] = [];

describe.skipIf(skipReason !== undefined)(
  `JSON Schema Test Suite draft 2020-12${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    const files = skipReason === undefined ? suiteFiles() : [];

    test.each(files)(
      "%s matches the suite's verdicts, apart from the documented misses",
      async (file) => {
        const result = await runSuiteFile(file);
        results.push(result);
        const misses = result.cases.filter((c) => c.expected !== c.actual).map(caseKey);
        const known = Object.keys(KNOWN_MISSES).filter((key) => key.startsWith(`${file} | `));
        expect(misses.sort()).toEqual(known.sort());
        // The compiled fast path and the Zod schemas alone give the same verdict on every instance.
        expect(result.cases.filter((c) => c.actual !== c.zodOnly).map(caseKey)).toEqual([]);
        for (const { error } of result.unsupported) {
          expect(error).toBeInstanceOf(OpenApiZodError);
          expect(error.kind, error.message).toBe("unsupported");
          expect(error.pointer).toMatch(/^#\/components\/schemas\/T\d+/);
        }
      },
    );

    afterAll(() => {
      if (results.length !== files.length) return;
      const report = summarize(results);
      const dir = join(packageDir, "reports");
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, "json-schema-test-suite.json"),
        `${JSON.stringify(report, null, 2)}\n`,
      );
      writeFileSync(join(dir, "json-schema-test-suite.md"), renderMarkdown(report));
    });

    test.sequential("meets the targets: >= 99% typed-root, >= 98.5% overall, no false accepts", async () => {
      const all =
        results.length === files.length ? results : await Promise.all(files.map(runSuiteFile));
      const report = summarize(all);
      expect(report.typedRoot.passed / report.typedRoot.total).toBeGreaterThanOrEqual(0.99);
      expect(report.overall.passed / report.overall.total).toBeGreaterThanOrEqual(0.985);
      expect(report.falseAccepts).toEqual([]);
    });
  },
);

interface Count {
  passed: number;
  total: number;
}

function summarize(all: FileResult[]) {
  const count = (cases: CaseResult[]): Count => ({
    passed: cases.filter((c) => c.expected === c.actual).length,
    total: cases.length,
  });
  const cases = all.flatMap((r) => r.cases);
  return {
    suite: "JSON-Schema-Test-Suite draft2020-12 (tests/draft2020-12 and optional/format)",
    overall: count(cases),
    typedRoot: count(cases.filter((c) => c.typedRoot)),
    typedAnywhere: count(cases.filter((c) => c.typedAnywhere)),
    unsupported: all.reduce((n, r) => n + r.unsupported.reduce((m, u) => m + u.tests, 0), 0),
    falseAccepts: cases.filter((c) => !c.expected && c.actual).map(caseKey),
    files: all
      .map((r) => ({
        file: r.file,
        ...count(r.cases),
        unsupportedGroups: r.unsupported.map((u) => ({
          group: u.group,
          tests: u.tests,
          pointer: u.error.pointer,
          reason: u.error.message,
        })),
      }))
      .sort((a, b) => a.file.localeCompare(b.file)),
    misses: cases
      .filter((c) => c.expected !== c.actual)
      .map((c) => ({ case: caseKey(c), reason: KNOWN_MISSES[caseKey(c)] ?? "unexplained" })),
  };
}

function renderMarkdown(report: ReturnType<typeof summarize>): string {
  const pct = (c: Count) => (c.total === 0 ? "n/a" : `${((100 * c.passed) / c.total).toFixed(2)}%`);
  const lines = [
    "# JSON Schema Test Suite (draft 2020-12)",
    "",
    `Overall: ${report.overall.passed}/${report.overall.total} (${pct(report.overall)}); typed root: ${report.typedRoot.passed}/${report.typedRoot.total} (${pct(report.typedRoot)}); schema declares \`type\` somewhere: ${report.typedAnywhere.passed}/${report.typedAnywhere.total} (${pct(report.typedAnywhere)}); false accepts: ${report.falseAccepts.length}.`,
    "",
    `Not applicable: ${report.unsupported} tests in groups the generator rejects by design (anchors, \`$id\` base URIs, \`$dynamicRef\`, remote references, custom metaschemas); each raises OpenApiZodError naming the pointer.`,
    "",
    "| file | passed | cases | unsupported groups (tests) |",
    "| --- | ---: | ---: | --- |",
    ...report.files.map(
      (f) =>
        `| ${f.file} | ${f.passed} | ${f.total} | ${f.unsupportedGroups.map((u) => `${u.group} (${u.tests})`).join("; ")} |`,
    ),
    "",
  ];
  return `${lines.join("\n")}\n`;
}
