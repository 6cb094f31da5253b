import { childPointer, valueAtPointer } from "@graph-recording/openapi-zod/document";
import type { CheckReport, ExampleResult } from "../check.js";
import { displayPointer, isAtOrBelow } from "../json-pointer.js";
import type { SourceCoverage } from "../source-coverage.js";
import type { Issue } from "../verdict.js";
import { describeSources } from "./check-text.js";
import { exampleRole, groupResults, shownIssues, verdictSummary } from "./labels.js";

/** Escapes text for HTML content and double-quoted attributes. */
function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const styles = `
:root { color-scheme: light dark; --pass: #1a7f37; --fail: #cf222e; --muted: #6e7781; --mark: #fff1a8; --border: #d0d7de; --panel: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --pass: #3fb950; --fail: #f85149; --muted: #8b949e; --mark: #5a4a00; --border: #30363d; --panel: #161b22; } }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; display: grid; grid-template-columns: 18rem 1fr; min-height: 100vh; }
nav { border-right: 1px solid var(--border); padding: 1rem; position: sticky; top: 0; height: 100vh; overflow: auto; background: var(--panel); }
nav ol { list-style: none; padding: 0; margin: 0; }
nav li a { display: flex; justify-content: space-between; gap: .5rem; padding: .15rem .3rem; text-decoration: none; color: inherit; border-radius: 4px; font-size: 13px; }
nav li a:hover { background: var(--border); }
main { padding: 1.5rem 2rem; max-width: 70rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--border); padding-bottom: .3rem; }
.summary { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.summary div { border: 1px solid var(--border); border-radius: 6px; padding: .5rem .9rem; }
.summary strong { display: block; font-size: 1.3rem; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.pass { color: var(--pass); } .fail { color: var(--fail); }
article { border: 1px solid var(--border); border-left: 4px solid var(--pass); border-radius: 6px; margin: .8rem 0; padding: .6rem .9rem; }
article.fail { border-left-color: var(--fail); }
article header { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
article h3 { font-size: 1rem; margin: 0; color: CanvasText; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .5rem 0; font-size: 13px; }
dt { color: var(--muted); } dd { margin: 0; word-break: break-all; }
code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .6rem; overflow: auto; max-height: 28rem; }
mark { background: var(--mark); color: inherit; border-radius: 3px; outline: 1px solid var(--fail); }
ul.failures li { color: var(--fail); }
table.issues { border-collapse: collapse; font-size: 13px; margin: .4rem 0; }
table.issues td, table.issues th { border: 1px solid var(--border); padding: .2rem .5rem; text-align: left; vertical-align: top; }
.note { color: var(--muted); font-size: 13px; }
details summary { cursor: pointer; color: var(--muted); font-size: 13px; }
label.only-failures { font-size: 13px; display: block; margin-bottom: 1rem; }
body:has(#only-failures:checked) article.pass, body:has(#only-failures:checked) section.all-pass { display: none; }
`;

/**
 * The `check` report as one self-contained HTML page: a summary, a section per operation, webhook
 * or schema, and each example with its verdicts, its issues, and its value with the offending
 * parts highlighted.
 */
export function formatCheckHtml(report: CheckReport): string {
  const groups = groupResults(report.results);
  const { summary } = report;
  const title = `Examples of ${report.spec.title ?? report.spec.file}`;
  const nav = groups
    .map(([group, results], index) => {
      const failed = results.filter((result) => result.status === "fail").length;
      const count =
        failed > 0
          ? `<span class="fail">${failed} ✗</span>`
          : `<span class="pass">${results.length} ✓</span>`;
      return `<li><a href="#group-${index}"><span>${escapeHtml(group)}</span>${count}</a></li>`;
    })
    .join("\n");
  const sections = groups
    .map(([group, results], index) => {
      const allPass = results.every((result) => result.status === "pass");
      const articles = results
        .map((result, position) => exampleArticle(result, `example-${index}-${position}`))
        .join("\n");
      return `<section id="group-${index}" class="${allPass ? "all-pass" : "has-failures"}">\n<h2>${escapeHtml(group)}</h2>\n${articles}\n</section>`;
    })
    .join("\n");
  const stat = (label: string, value: number, tone = "") =>
    `<div${tone ? ` class="${tone}"` : ""}><strong>${value}</strong>${escapeHtml(label)}</div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<nav aria-label="Operations">
<ol>
${nav}
</ol>
</nav>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(report.spec.file)}${report.spec.version ? ` · version ${escapeHtml(report.spec.version)}` : ""} · validators: ${escapeHtml(report.validators)}; second opinion: Ajv 2020-12</p>
<div class="summary" id="summary">
${stat("examples", summary.examples)}
${stat("passed", summary.passed, "pass")}
${stat("failed", summary.failed, summary.failed > 0 ? "fail" : "")}
${stat("expected valid", summary.expectedValid)}
${stat("expected invalid", summary.expectedInvalid)}
${stat("validator defects", summary.validatorDefects, summary.validatorDefects > 0 ? "fail" : "")}
${summary.ajvOnly > 0 ? stat("checked with Ajv only", summary.ajvOnly) : ""}
</div>
<label class="only-failures"><input type="checkbox" id="only-failures"> show failures only</label>
${sections}
${report.sources ? sourcesSection(report.sources) : ""}
</main>
</body>
</html>
`;
}

function sourcesSection(sources: SourceCoverage): string {
  const failed = sources.unaccounted.length > 0;
  const list = sources.unaccounted
    .map((file) => `<li><code>${escapeHtml(file)}</code></li>`)
    .join("");
  return `<section id="sources" class="${failed ? "has-failures" : "all-pass"}">
<h2>Source documents</h2>
<article class="${failed ? "fail" : "pass"}">
<header>${failed ? '<span class="badge fail">fail</span>' : '<span class="badge pass">pass</span>'}<h3>${escapeHtml(sources.folders.join(", "))}</h3></header>
<p>${escapeHtml(describeSources(sources))}</p>
${failed ? `<p>Neither named by an example's <code>x-source</code> nor mentioned in a listed document:</p><ul class="failures">${list}</ul>` : ""}
</article>
</section>`;
}

function exampleArticle(result: ExampleResult, id: string): string {
  const { example } = result;
  const heading = [exampleRole(result), example.name].filter(Boolean).join(" ");
  const badge =
    result.status === "pass"
      ? `<span class="badge pass">pass</span>`
      : `<span class="badge fail">fail</span>`;
  const rows: Array<[string, string]> = [
    ["verdict", escapeHtml(verdictSummary(result))],
    [
      "location",
      `<code>#${escapeHtml(example.pointer)}</code>${example.line === undefined ? "" : ` (line ${example.line})`}`,
    ],
  ];
  if (example.definitionPointer !== example.pointer)
    rows.push(["defined at", `<code>#${escapeHtml(example.definitionPointer)}</code>`]);
  if (example.source) rows.push(["source", escapeHtml(example.source)]);
  rows.push([
    "schema",
    `<code>#${escapeHtml(example.schemaPointer)}</code> (${example.direction})`,
  ]);
  if (result.generated)
    rows.push([
      "generated validator",
      `${result.generated.valid ? "valid" : "invalid"} · <code>${escapeHtml(result.generated.via)}</code>`,
    ]);
  if (result.ajv) rows.push(["Ajv 2020-12", result.ajv.valid ? "valid" : "invalid"]);
  const defects = example.defects
    .map(
      (defect) =>
        `<li><code>${escapeHtml(displayPointer(defect.path))}</code> ${escapeHtml(defect.reason)}</li>`,
    )
    .join("");
  if (defects) rows.push(["declared defects", `<ul>${defects}</ul>`]);
  const failures = result.failures.length
    ? `<ul class="failures">${result.failures.map((failure) => `<li>${escapeHtml(failure)}</li>`).join("")}</ul>`
    : "";
  const issues = shownIssues(result);
  const issueTable = issues.length
    ? `<table class="issues"><thead><tr><th>path</th><th>issue</th></tr></thead><tbody>${issues
        .map(
          (issue) =>
            `<tr><td><code>${escapeHtml(displayPointer(issue.path))}</code></td><td>${escapeHtml(issue.message)}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : "";
  const ajvTable =
    result.validatorDefect && result.ajv
      ? `<p>Ajv's issues:</p><table class="issues"><tbody>${result.ajv.issues
          .map(
            (issue) =>
              `<tr><td><code>${escapeHtml(displayPointer(issue.path))}</code></td><td>${escapeHtml(issue.message)}</td></tr>`,
          )
          .join("")}</tbody></table>`
      : "";
  const notes = result.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join("");
  const value =
    example.value === undefined
      ? ""
      : `<details${result.status === "fail" || issues.length > 0 ? " open" : ""}><summary>example value</summary><pre>${renderJson(example.value, issues)}</pre></details>`;
  return `<article id="${id}" class="${result.status}">
<header>${badge}<h3>${escapeHtml(heading)}</h3></header>
<dl>${rows.map(([term, detail]) => `<dt>${term}</dt><dd>${detail}</dd>`).join("")}</dl>
${failures}${issueTable}${ajvTable}${notes}${value}
</article>`;
}

/**
 * Pretty-prints a JSON value as HTML, wrapping each node that has an issue in `<mark>` (an issue
 * about a missing property marks the object that lacks it).
 */
export function renderJson(value: unknown, issues: readonly Issue[]): string {
  const marks = new Map<string, string[]>();
  for (const issue of issues) {
    const at = deepestExisting(value, issue.path);
    const list = marks.get(at) ?? [];
    list.push(`${displayPointer(issue.path)}: ${issue.message}`);
    marks.set(at, list);
  }
  return render(value, "", 0, marks);
}

function deepestExisting(value: unknown, pointer: string): string {
  let current = pointer;
  while (current !== "" && valueAtPointer(value, current) === undefined) {
    current = current.slice(0, current.lastIndexOf("/"));
  }
  return current;
}

function render(
  value: unknown,
  pointer: string,
  depth: number,
  marks: Map<string, string[]>,
): string {
  const indent = "  ".repeat(depth);
  let html: string;
  if (Array.isArray(value)) {
    html =
      value.length === 0
        ? "[]"
        : `[\n${value.map((item, index) => `${indent}  ${render(item, childPointer(pointer, index), depth + 1, marks)}`).join(",\n")}\n${indent}]`;
  } else if (value !== null && typeof value === "object") {
    const members = Object.entries(value);
    html =
      members.length === 0
        ? "{}"
        : `{\n${members
            .map(([key, child]) => {
              const childHtml = render(child, childPointer(pointer, key), depth + 1, marks);
              return `${indent}  ${escapeHtml(JSON.stringify(key))}: ${childHtml}`;
            })
            .join(",\n")}\n${indent}}`;
  } else {
    html = escapeHtml(JSON.stringify(value) ?? "undefined");
  }
  const messages = marks.get(pointer);
  if (!messages) return html;
  const underIssue = [...marks.keys()].some(
    (other) => other !== pointer && isAtOrBelow(other, pointer),
  );
  const title = escapeHtml(messages.join("\n"));
  return `<mark title="${title}" data-pointer="${escapeHtml(pointer)}"${underIssue ? ' class="contains-issues"' : ""}>${html}</mark>`;
}
