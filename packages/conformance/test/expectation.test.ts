import { describe, expect, test } from "vitest";
import { meetsExpectation, type Verdict } from "../src/index.js";

const invalid = (...paths: string[]): Verdict => ({
  valid: false,
  issues: paths.map((path) => ({ path, message: "wrong" })),
});
const valid: Verdict = { valid: true, issues: [] };

describe("meetsExpectation (x-expect / x-defects)", () => {
  test.each([
    ["a valid example that validates", "valid", [], valid, true],
    ["a valid example that fails", "valid", [], invalid("/a"), false],
    ["an invalid example that validates", "invalid", ["/a"], valid, false],
    ["an issue exactly at the defect", "invalid", ["/a"], invalid("/a"), true],
    ["an issue below the defect", "invalid", ["/a"], invalid("/a/b/0"), true],
    ["a root defect covering any issue", "invalid", [""], invalid("/a", "/b/c"), true],
    ["an issue outside every defect", "invalid", ["/a"], invalid("/a", "/b"), false],
    ["a defect with no issue", "invalid", ["/a", "/b"], invalid("/a"), false],
    ["a sibling whose name extends the defect's", "invalid", ["/a"], invalid("/ab"), false],
    ["an issue above the defect", "invalid", ["/a/b"], invalid("/a"), false],
  ] as const)("%s", (_name, expectValue, paths, verdict, met) => {
    const defects = paths.map((path) => ({ path, reason: "declared" }));
    expect(meetsExpectation({ expect: expectValue, defects }, verdict).met).toBe(met);
  });

  test("says which defect was not caught and which issue is unexplained", () => {
    const result = meetsExpectation(
      { expect: "invalid", defects: [{ path: "/status", reason: "not an enum value" }] },
      { valid: false, issues: [{ path: "/id", message: "expected string" }] },
    );
    expect(result.reasons).toEqual([
      "declared defect at /status (not an enum value) was not caught: no issue at or below it",
      "issue at /id (expected string) is not under any declared defect",
    ]);
  });
});
