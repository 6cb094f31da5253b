import type { Defect } from "./example-verdict.js";
import { displayPointer, isAtOrBelow } from "./json-pointer.js";
import type { Verdict } from "./verdict.js";

/** Whether a verdict meets an example's declared expectation, and if not, why. */
export interface ExpectationResult {
  met: boolean;
  /** Plain sentences, one per way the verdict misses the expectation. */
  reasons: string[];
}

/**
 * Compares a strict verdict with an example's expectation. An invalid example meets it when
 * validation fails, every declared defect path has at least one issue at or below it, and every
 * issue is at or below one declared defect path.
 */
export function meetsExpectation(
  expectation: { expect: "valid" | "invalid"; defects: readonly Defect[] },
  verdict: Verdict,
): ExpectationResult {
  if (expectation.expect === "valid") {
    if (verdict.valid) return { met: true, reasons: [] };
    const count = verdict.issues.length;
    return {
      met: false,
      reasons: [`expected valid, but validation found ${count} issue${count === 1 ? "" : "s"}`],
    };
  }
  if (verdict.valid) {
    return { met: false, reasons: ["expected invalid, but validation accepted the example"] };
  }
  const reasons: string[] = [];
  for (const defect of expectation.defects) {
    if (!verdict.issues.some((issue) => isAtOrBelow(issue.path, defect.path))) {
      reasons.push(
        `declared defect at ${displayPointer(defect.path)} (${defect.reason}) was not caught: no issue at or below it`,
      );
    }
  }
  for (const issue of verdict.issues) {
    if (!expectation.defects.some((defect) => isAtOrBelow(issue.path, defect.path))) {
      reasons.push(
        `issue at ${displayPointer(issue.path)} (${issue.message}) is not under any declared defect`,
      );
    }
  }
  return { met: reasons.length === 0, reasons };
}
