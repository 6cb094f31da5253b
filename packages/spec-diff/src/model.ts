/** How a change to the spec affects the packages generated from it. */
export type ChangeClass = "breaking" | "additive" | "patch";

/** A semver bump, or none at all. */
export type Bump = "major" | "minor" | "patch" | "none";

/** One change between two versions of the spec. */
export interface SpecChange {
  /** JSON pointer of the changed location (in the newer spec; in the older one for removals). */
  pointer: string;
  class: ChangeClass;
  /** Stable identifier of the rule that classified it, e.g. `property-removed`. */
  rule: string;
  /** One plain sentence saying what changed. */
  message: string;
}

/** The result of comparing two specs. */
export interface SpecDiff {
  changes: SpecChange[];
  /** The most severe class among the changes, `none` when the specs are equivalent. */
  class: ChangeClass | "none";
}

const classRank: Record<ChangeClass | "none", number> = {
  none: 0,
  patch: 1,
  additive: 2,
  breaking: 3,
};

const bumpRank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The more severe of two classes. */
export function maxClass(a: ChangeClass | "none", b: ChangeClass | "none"): ChangeClass | "none" {
  return classRank[a] >= classRank[b] ? a : b;
}

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return bumpRank[a] >= bumpRank[b] ? a : b;
}

/** Whether bump `a` is at least as large as bump `b`. */
export function bumpCovers(a: Bump, b: Bump): boolean {
  return bumpRank[a] >= bumpRank[b];
}

/**
 * The smallest release that a change of class `changeClass` needs, given the currently released
 * version: breaking needs a major (a minor before 1.0, as semver allows for 0.x), additive a
 * minor, patch a patch.
 *
 * @example requiredBump("breaking", "0.3.1") // "minor"
 */
export function requiredBump(changeClass: ChangeClass | "none", version: string): Bump {
  switch (changeClass) {
    case "breaking":
      return /^0\./.test(version) ? "minor" : "major";
    case "additive":
      return "minor";
    case "patch":
      return "patch";
    default:
      return "none";
  }
}

/** Orders changes by pointer, then by rule, so that reports are stable. */
export function sortChanges(changes: SpecChange[]): SpecChange[] {
  return [...changes].sort(
    (a, b) =>
      a.pointer.localeCompare(b.pointer) ||
      classRank[b.class] - classRank[a.class] ||
      a.rule.localeCompare(b.rule),
  );
}
