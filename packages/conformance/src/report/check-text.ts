import type { CheckReport, ExampleResult } from "../check.js";
import { displayPointer } from "../json-pointer.js";
import type { SourceCoverage } from "../source-coverage.js";
import { exampleRole, groupResults, shownIssues, verdictSummary } from "./labels.js";
import { createStyle, type Style } from "./style.js";

/** Options of the text report. */
export interface TextReportOptions {
  color?: boolean;
  /** Also list each passing example (default true); failures are always listed in full. */
  passes?: boolean;
}

/** The human report of `check`: examples grouped by operation, failures in detail, a summary. */
export function formatCheckText(report: CheckReport, options: TextReportOptions = {}): string {
  const style = createStyle(options.color ?? false);
  const lines: string[] = [];
  const title = [report.spec.title, report.spec.version].filter(Boolean).join(" ");
  lines.push(style.bold(`Examples of ${report.spec.file}${title ? ` (${title})` : ""}`));
  lines.push(style.dim(`validators: ${report.validators}; second opinion: Ajv 2020-12`), "");
  for (const [group, results] of groupResults(report.results)) {
    const failed = results.filter((result) => result.status === "fail").length;
    if (failed === 0 && options.passes === false) continue;
    lines.push(style.bold(group));
    for (const result of results) {
      if (result.status === "pass" && options.passes === false) continue;
      lines.push(...exampleLines(result, style));
    }
    lines.push("");
  }
  if (report.sources) lines.push(...sourceLines(report.sources, style), "");
  lines.push(formatCheckSummary(report, style));
  return `${lines.join("\n")}\n`;
}

function sourceLines(sources: SourceCoverage, style: Style): string[] {
  const lines = [
    style.bold(`Source documents (${sources.folders.join(", ")})`),
    `  ${describeSources(sources)}`,
  ];
  for (const file of sources.unaccounted) {
    lines.push(
      style.red(`  ✗ ${file}: no example names it in x-source and no listed document mentions it`),
    );
  }
  return lines;
}

/** `81 files: 58 named by examples, 23 mentioned in other documents, 0 unaccounted`. */
export function describeSources(sources: SourceCoverage): string {
  return `${sources.files} files: ${sources.namedByExamples} named by examples (x-source), ${sources.mentionedInDocuments} mentioned in the listed documents, ${sources.unaccounted.length} unaccounted`;
}

function exampleLines(result: ExampleResult, style: Style): string[] {
  const pass = result.status === "pass";
  const mark = pass ? style.green("✓") : style.red("✗");
  const role = exampleRole(result);
  const head = `  ${mark} ${[role, result.example.name].filter(Boolean).join(" ")}: ${verdictSummary(result)}`;
  const lines = [pass ? head : style.red(head)];
  if (result.example.source) lines.push(style.dim(`      source ${result.example.source}`));
  if (!pass) {
    const line = result.example.line === undefined ? "" : ` (line ${result.example.line})`;
    lines.push(style.dim(`      at #${result.example.pointer}${line}`));
    if (result.example.definitionPointer !== result.example.pointer) {
      lines.push(style.dim(`      defined at #${result.example.definitionPointer}`));
    }
    for (const failure of result.failures) lines.push(`      - ${failure}`);
    if (result.generated && result.ajv && result.validatorDefect) {
      lines.push(
        `      generated (${result.generated.via}): ${result.generated.valid ? "valid" : "invalid"}`,
      );
      for (const issue of result.generated.issues)
        lines.push(`        ${displayPointer(issue.path)}: ${issue.message}`);
      lines.push(`      Ajv: ${result.ajv.valid ? "valid" : "invalid"}`);
      for (const issue of result.ajv.issues)
        lines.push(`        ${displayPointer(issue.path)}: ${issue.message}`);
    } else {
      for (const issue of shownIssues(result)) {
        lines.push(`      ${style.yellow(displayPointer(issue.path))}: ${issue.message}`);
      }
    }
    for (const defect of result.example.defects) {
      lines.push(
        style.dim(`      declared defect ${displayPointer(defect.path)}: ${defect.reason}`),
      );
    }
  } else if (result.expected === "invalid") {
    for (const issue of shownIssues(result)) {
      lines.push(style.dim(`      caught ${displayPointer(issue.path)}: ${issue.message}`));
    }
  }
  for (const note of result.notes) lines.push(style.dim(`      note: ${note}`));
  return lines;
}

/** One line: `42 examples: 40 passed, 2 failed (...)`. */
export function formatCheckSummary(report: CheckReport, style: Style = createStyle(false)): string {
  const { summary } = report;
  const counts = `${summary.examples} examples: ${summary.passed} passed, ${summary.failed} failed`;
  const details = [
    `${summary.expectedValid} expected valid`,
    `${summary.expectedInvalid} expected invalid`,
    `${summary.validatorDefects} validator defect${summary.validatorDefects === 1 ? "" : "s"}`,
  ];
  if (summary.ajvOnly > 0) details.push(`${summary.ajvOnly} checked with Ajv only`);
  const unaccounted = report.sources?.unaccounted.length ?? 0;
  const sources = report.sources ? `; source documents: ${unaccounted} unaccounted` : "";
  const line = `${counts} (${details.join(", ")})${sources}`;
  return checkFailed(report) ? style.red(style.bold(line)) : style.green(style.bold(line));
}

/** True when an example fails or a source document is unaccounted for. */
export function checkFailed(report: CheckReport): boolean {
  return report.summary.failed > 0 || (report.sources?.unaccounted.length ?? 0) > 0;
}
