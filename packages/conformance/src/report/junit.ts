import type { CheckReport, ExampleResult } from "../check.js";
import { displayPointer } from "../json-pointer.js";
import type { ValidateReport } from "../validate.js";
import { describeSources } from "./check-text.js";
import { exampleRole, groupResults, shownIssues, verdictSummary } from "./labels.js";

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these characters, so they are replaced.
      .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;")
      .replaceAll("'", "&apos;")
  );
}

const attribute = (name: string, value: string | number) =>
  ` ${name}="${escapeXml(String(value))}"`;

/** The `check` report as JUnit XML: one test suite per operation, one test case per example. */
export function formatCheckJunit(report: CheckReport): string {
  const suites = groupResults(report.results).map(([group, results]) => {
    const failures = results.filter((result) => result.status === "fail").length;
    const cases = results.map((result) => testCase(group, result, report.spec.file)).join("");
    return `  <testsuite${attribute("name", group)}${attribute("tests", results.length)}${attribute("failures", failures)} errors="0" skipped="0">\n${cases}  </testsuite>\n`;
  });
  const { summary } = report;
  let tests = summary.examples;
  let failures = summary.failed;
  if (report.sources) {
    const { unaccounted } = report.sources;
    tests += 1;
    failures += unaccounted.length > 0 ? 1 : 0;
    const failure =
      unaccounted.length > 0
        ? `<failure${attribute("message", `${unaccounted.length} source documents unaccounted for`)} type="sources">${escapeXml(unaccounted.join("\n"))}</failure>`
        : "";
    suites.push(
      `  <testsuite name="source documents" tests="1"${attribute("failures", unaccounted.length > 0 ? 1 : 0)} errors="0" skipped="0">\n    <testcase classname="source documents"${attribute("name", describeSources(report.sources))}>${failure}</testcase>\n  </testsuite>\n`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attribute("name", `examples of ${report.spec.file}`)}${attribute("tests", tests)}${attribute("failures", failures)} errors="0">\n${suites.join("")}</testsuites>\n`;
}

function testCase(group: string, result: ExampleResult, file: string): string {
  const name = [exampleRole(result), result.example.name].filter(Boolean).join(" ");
  const line = result.example.line === undefined ? "" : attribute("line", result.example.line);
  const open = `    <testcase${attribute("classname", group)}${attribute("name", name)}${attribute("file", file)}${line}>`;
  const details = [
    verdictSummary(result),
    `at #${result.example.pointer}`,
    ...(result.example.source ? [`source ${result.example.source}`] : []),
    ...result.failures.map((failure) => `- ${failure}`),
    ...shownIssues(result).map((issue) => `${displayPointer(issue.path)}: ${issue.message}`),
    ...result.notes.map((note) => `note: ${note}`),
  ].join("\n");
  const body =
    result.status === "fail"
      ? `\n      <failure${attribute("message", result.failures[0] ?? verdictSummary(result))} type="conformance">${escapeXml(details)}</failure>\n    `
      : `\n      <system-out>${escapeXml(details)}</system-out>\n    `;
  return `${open}${body}</testcase>\n`;
}

/** The `validate` report as JUnit XML: one test case per payload. */
export function formatValidateJunit(report: ValidateReport): string {
  const failed = report.results.filter(
    (result) => result.verdict === "invalid" || result.verdict === "error",
  );
  const cases = report.results.map((result) => {
    const open = `    <testcase classname="payloads"${attribute("name", result.input)}>`;
    const issues = result.issues
      .map((issue) => `${displayPointer(issue.path)}: ${issue.message}`)
      .join("\n");
    if (result.verdict === "valid") return `${open}</testcase>\n`;
    if (result.verdict === "skipped")
      return `${open}<skipped${attribute("message", result.message ?? "")}/></testcase>\n`;
    const message = result.message ?? `invalid against ${result.target ?? "the schema"}`;
    return `${open}<failure${attribute("message", message)} type="${result.verdict}">${escapeXml(issues)}</failure></testcase>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="payloads"${attribute("tests", report.results.length)}${attribute("failures", failed.length)}>\n  <testsuite name="payloads"${attribute("tests", report.results.length)}${attribute("failures", failed.length)} errors="0"${attribute("skipped", report.summary.skipped)}>\n${cases.join("")}  </testsuite>\n</testsuites>\n`;
}
