import { displayPointer } from "../json-pointer.js";
import type { ValidateReport } from "../validate.js";
import { createStyle } from "./style.js";

/** One verdict line per payload (issues indented below), then the summary line. */
export function formatValidateText(
  report: ValidateReport,
  options: { color?: boolean } = {},
): string {
  const style = createStyle(options.color ?? false);
  const out: string[] = [];
  for (const result of report.results) {
    if (result.verdict === "valid") {
      out.push(`${style.green("valid  ")} ${result.input}`);
    } else if (result.verdict === "invalid") {
      out.push(
        `${style.red("invalid")} ${result.input}${result.target ? style.dim(` against ${result.target}`) : ""}`,
      );
      for (const issue of result.issues) {
        out.push(`          ${style.yellow(displayPointer(issue.path))}: ${issue.message}`);
      }
    } else if (result.verdict === "error") {
      out.push(`${style.red("error  ")} ${result.input}: ${result.message ?? ""}`);
    } else {
      out.push(`${style.dim("skipped")} ${result.input}: ${result.message ?? ""}`);
    }
  }
  out.push(formatValidateSummary(report, options));
  return `${out.join("\n")}\n`;
}

/** `3 payloads (strict): 1 valid, 1 invalid, 1 error`. */
export function formatValidateSummary(
  report: ValidateReport,
  options: { color?: boolean } = {},
): string {
  const style = createStyle(options.color ?? false);
  const { summary } = report;
  const parts = [`${summary.valid} valid`, `${summary.invalid} invalid`];
  if (summary.errors > 0) parts.push(`${summary.errors} error${summary.errors === 1 ? "" : "s"}`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  const line = `${summary.inputs} payload${summary.inputs === 1 ? "" : "s"} (${report.mode}): ${parts.join(", ")}`;
  const bad = summary.invalid + summary.errors > 0;
  return style.bold(bad ? style.red(line) : style.green(line));
}
