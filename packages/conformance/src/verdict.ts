import { childPointer, escapeToken } from "@graph-recording/openapi-zod/document";

/** One reason a payload does not match: where (JSON pointer into the payload) and what. */
export interface Issue {
  /** JSON pointer into the payload ("" is the payload itself). */
  path: string;
  /** A plain sentence. */
  message: string;
  /** The validator's own code for the issue (`invalid_type`, `required`, ...). */
  code?: string;
}

/** A validator's answer for one payload. */
export interface Verdict {
  valid: boolean;
  issues: Issue[];
}

/** The issue shape `safeParse` reports (Zod 4), reduced to what is read here. */
export interface SafeParseIssue {
  code?: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  keys?: readonly string[];
  errors?: ReadonlyArray<ReadonlyArray<SafeParseIssue>>;
}

/** Anything with Zod's `safeParse`: the generated schemas. */
export interface SafeParser {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly SafeParseIssue[] } };
}

/** Runs a generated validator and turns its issues into `Issue`s with JSON pointer paths. */
export function verdictFromSafeParse(parser: SafeParser, value: unknown): Verdict {
  const result = parser.safeParse(value);
  if (result.success) return { valid: true, issues: [] };
  const issues = (result.error?.issues ?? []).flatMap((issue) => issuesFromSafeParse(issue, []));
  if (issues.length === 0) issues.push({ path: "", message: "rejected without an issue" });
  return { valid: false, issues };
}

function issuesFromSafeParse(issue: SafeParseIssue, prefix: PropertyKey[]): Issue[] {
  const segments = [...prefix, ...issue.path].map((segment) =>
    typeof segment === "symbol" ? String(segment.description) : segment,
  );
  const path = childPointer("", ...(segments as Array<string | number>));
  const code = issue.code;
  if (code === "unrecognized_keys" && issue.keys && issue.keys.length > 0) {
    return issue.keys.map((key) => ({
      path: `${path}/${escapeToken(key)}`,
      message: `property ${JSON.stringify(key)} is not declared by the schema`,
      code,
    }));
  }
  if (code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    const branches = issue.errors.map((branch) =>
      branch.map((inner) => describe(inner)).join("; "),
    );
    return [
      {
        path,
        message: `matches none of the ${issue.errors.length} alternatives (${branches.join(" | ")})`,
        code,
      },
    ];
  }
  return [{ path, message: issue.message, ...(code ? { code } : {}) }];
}

function describe(issue: SafeParseIssue): string {
  const where = childPointer(
    "",
    ...issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)),
  );
  if (issue.code === "unrecognized_keys" && issue.keys) {
    return `${where || "/"}: undeclared ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}`;
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}
