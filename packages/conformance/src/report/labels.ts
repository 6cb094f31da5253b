import type { ExampleResult } from "../check.js";

/** Groups results by their heading (operation, webhook, schema), keeping the spec's order. */
export function groupResults(results: readonly ExampleResult[]): Array<[string, ExampleResult[]]> {
  const groups = new Map<string, ExampleResult[]>();
  for (const result of results) {
    const group = result.example.target.group;
    const list = groups.get(group) ?? [];
    list.push(result);
    groups.set(group, list);
  }
  return [...groups];
}

/** What an example illustrates within its group: `request`, `response 200`, `parameter id (path)`. */
export function exampleRole(result: ExampleResult): string {
  const { target, direction } = result.example;
  const parts: string[] = [];
  if (target.parameter) parts.push(`parameter ${target.parameter}`);
  else if (target.kind === "schema") {
    const inside = result.example.schemaPointer.replace(/^\/components\/schemas\/[^/]+/, "");
    parts.push(inside ? `schema ${inside}` : "schema");
  } else if (target.status) parts.push(`response ${target.status}`);
  else if (target.kind !== "component") parts.push(direction);
  if (target.mediaType && target.mediaType !== "application/json") parts.push(target.mediaType);
  return parts.join(" ");
}

/** `expected invalid, got invalid (2 defects caught)`. */
export function verdictSummary(result: ExampleResult): string {
  const got = result.actual === "unchecked" ? "not checked" : `got ${result.actual}`;
  let text = `expected ${result.expected}, ${got}`;
  const defects = result.example.defects.length;
  if (result.status === "pass" && result.expected === "invalid") {
    text += ` (${defects} defect${defects === 1 ? "" : "s"} caught)`;
  }
  return text;
}

/** The issues to show for a result: the generated validator's, else Ajv's. */
export function shownIssues(result: ExampleResult) {
  return result.generated?.issues ?? result.ajv?.issues ?? [];
}
