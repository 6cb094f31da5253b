// The verdict an example declares: `x-expect` and, for invalid examples, `x-defects`.
import { asRecord } from "./schema-tree.js";

/** A defect an invalid example declares in `x-defects`. */
export interface Defect {
  /** JSON pointer into the example value. */
  path: string;
  /** A plain sentence saying what is wrong there. */
  reason: string;
}

/** What an example expects, as read from its Example Object. */
export interface DeclaredVerdict {
  expect: "valid" | "invalid";
  /** False when the example carries no `x-expect` (schema-level and bare `example` values). */
  expectDeclared: boolean;
  defects: Defect[];
}

/** Reads `x-expect` and `x-defects`, recording what is malformed about them. */
export function readVerdict(
  example: Record<string, unknown> | undefined,
  problems: string[],
): DeclaredVerdict {
  if (!example) return { expect: "valid", expectDeclared: false, defects: [] };
  const expect = example["x-expect"];
  const rawDefects = example["x-defects"];
  if (expect === undefined) {
    if (rawDefects !== undefined) problems.push("x-defects is given without x-expect: invalid");
    return { expect: "valid", expectDeclared: false, defects: [] };
  }
  if (expect !== "valid" && expect !== "invalid") {
    problems.push(`x-expect must be "valid" or "invalid", not ${JSON.stringify(expect)}`);
    return { expect: "valid", expectDeclared: true, defects: [] };
  }
  if (expect === "valid") {
    if (rawDefects !== undefined) problems.push("x-defects is given on an x-expect: valid example");
    return { expect, expectDeclared: true, defects: [] };
  }
  const defects = readDefects(rawDefects, problems);
  if (defects.length === 0 && problems.length === 0) {
    problems.push("x-expect: invalid needs x-defects naming at least one defect");
  }
  return { expect, expectDeclared: true, defects };
}

function readDefects(raw: unknown, problems: string[]): Defect[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push("x-defects must be a list of { path, reason }");
    return [];
  }
  const defects: Defect[] = [];
  raw.forEach((entry, index) => {
    const record = asRecord(entry);
    const path = record?.path;
    const reason = record?.reason;
    if (typeof path !== "string" || (path !== "" && !path.startsWith("/"))) {
      problems.push(`x-defects[${index}].path must be a JSON pointer ("" or starting with "/")`);
      return;
    }
    if (typeof reason !== "string" || reason.trim() === "") {
      problems.push(`x-defects[${index}].reason must be a non-empty sentence`);
      return;
    }
    defects.push({ path, reason });
  });
  return defects;
}
