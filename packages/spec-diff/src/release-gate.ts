import { relative } from "node:path";
import getReleasePlan from "@changesets/get-release-plan";
import { getPackages } from "@manypkg/get-packages";
import semver from "semver";
import { type BaseRef, changedFiles, readAt } from "./git.js";
import { type Bump, bumpCovers, maxBump, requiredBump, type SpecDiff } from "./model.js";
import { diffSpecSinceBase, type SpecHistoryOptions } from "./spec-history.js";

/** One published package as the release gate sees it. */
export interface PackageRelease {
  name: string;
  /** Folder relative to the repository root. */
  dir: string;
  version: string;
  /** Its version at the base, undefined when it did not exist there. */
  baseVersion: string | undefined;
  /** The bump the pending changesets give it. */
  plannedBump: Bump;
  /** The bump already applied since the base (`changeset version` ran, not yet tagged). */
  appliedBump: Bump;
  /** Files it publishes that changed since the base. */
  changedFiles: string[];
}

/** Everything the release gate found, and whether the release is consistent. */
export interface ReleaseGateReport {
  /** The repository root. */
  root: string;
  base: BaseRef | undefined;
  /** No release tag yet: the next release is the first. */
  firstRelease: boolean;
  /** The released version the bump rules start from (`0.x` makes breaking a minor). */
  releasedVersion: string;
  diff: SpecDiff;
  requiredBump: Bump;
  packages: PackageRelease[];
  /** File names of the pending changesets. */
  changesets: string[];
  problems: string[];
  ok: boolean;
}

const alwaysPublished = /^(package\.json|README[^/]*|LICEN[CS]E[^/]*|CHANGELOG[^/]*)$/i;

/** Whether `file` (relative to the package folder) is in the package's tarball. */
export function isPublishedFile(file: string, files: unknown): boolean {
  if (alwaysPublished.test(file)) return true;
  if (!Array.isArray(files)) return !/^(node_modules|test|reports|\.turbo)\//.test(file);
  return files.some((entry) => {
    if (typeof entry !== "string" || entry.startsWith("!")) return false;
    // A glob entry counts by its static folder prefix: conservative, never misses a file.
    const prefix =
      entry
        .split(/[*?[{]/, 1)[0]
        ?.replace(/^\.\//, "")
        .replace(/\/$/, "") ?? "";
    return prefix === "" || file === prefix || file.startsWith(`${prefix}/`);
  });
}

function bumpBetween(from: string | undefined, to: string): Bump {
  if (!from || !semver.valid(from) || !semver.valid(to) || !semver.gt(to, from)) return "none";
  const difference = semver.diff(from, to);
  if (difference === "major" || difference === "premajor") return "major";
  if (difference === "minor" || difference === "preminor") return "minor";
  return "patch";
}

function versionAt(root: string, ref: string | undefined, dir: string): string | undefined {
  if (!ref) return undefined;
  const text = readAt(root, ref, `${dir}/package.json`);
  if (text === undefined) return undefined;
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === "string" ? version : undefined;
}

/**
 * Checks that the pending changesets (read with changesets' own release plan) release every
 * published package that changed since the base, with at least the bump the spec diff needs.
 * With no release tag yet, the next release is the first one and every published package must
 * be in it.
 */
export async function checkRelease(options: SpecHistoryOptions): Promise<ReleaseGateReport> {
  const history = diffSpecSinceBase(options);
  const { root, base, diff } = history;
  const firstRelease = base === undefined || base.kind === "first-spec-commit";
  const plan = await getReleasePlan(root);
  const planned = new Map(plan.releases.map((release) => [release.name, release.type as Bump]));
  const changed = base ? changedFiles(root, base.ref) : undefined;
  const { packages } = await getPackages(root);
  const published: PackageRelease[] = packages
    .filter((pkg) => pkg.packageJson.private !== true)
    .map((pkg) => {
      const dir = relative(root, pkg.dir).split("\\").join("/");
      const baseVersion = versionAt(root, base?.ref, dir);
      const files = (pkg.packageJson as { files?: unknown }).files;
      return {
        name: pkg.packageJson.name,
        dir,
        version: pkg.packageJson.version,
        baseVersion,
        plannedBump: planned.get(pkg.packageJson.name) ?? "none",
        appliedBump: bumpBetween(baseVersion, pkg.packageJson.version),
        changedFiles: (changed ?? [])
          .filter((file) => file.startsWith(`${dir}/`))
          .filter((file) => isPublishedFile(file.slice(dir.length + 1), files)),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const releasedVersion =
    base?.version ??
    published
      .map((pkg) => pkg.baseVersion ?? pkg.version)
      .filter((version) => semver.valid(version))
      .sort(semver.rcompare)[0] ??
    "0.0.0";
  const required = requiredBump(diff.class, releasedVersion);
  const problems = releaseProblems({ base, firstRelease, required, diff, packages: published });
  problems.push(...inflatedBumps(plan, published, packages));
  return {
    root,
    base,
    firstRelease,
    releasedVersion,
    diff,
    requiredBump: required,
    packages: published,
    changesets: plan.changesets.map((changeset) => `.changeset/${changeset.id}.md`),
    problems,
    ok: problems.length === 0,
  };
}

type ReleasePlan = Awaited<ReturnType<typeof getReleasePlan>>;
type WorkspacePackage = Awaited<ReturnType<typeof getPackages>>["packages"][number];

/**
 * Packages the plan releases with a larger bump than any pending changeset asks for. Changesets
 * does this on its own when a package names another as a peer dependency: a minor release of
 * the peer makes the dependent (and, through the fixed group, every package) a major release,
 * so a first release meant as 0.1.0 would come out as 1.0.0.
 */
function inflatedBumps(
  plan: ReleasePlan,
  published: PackageRelease[],
  packages: WorkspacePackage[],
): string[] {
  let declared: Bump = "none";
  for (const changeset of plan.changesets) {
    for (const release of changeset.releases) declared = maxBump(declared, release.type as Bump);
  }
  const inflated = published.filter((pkg) => !bumpCovers(declared, pkg.plannedBump));
  if (inflated.length === 0) return [];
  const names = new Set(packages.map((pkg) => pkg.packageJson.name));
  const peers = packages.flatMap((pkg) =>
    Object.keys(pkg.packageJson.peerDependencies ?? {})
      .filter((peer) => names.has(peer))
      .map((peer) => `${pkg.packageJson.name} -> ${peer}`),
  );
  const why =
    peers.length > 0
      ? `changesets raises a package to major when one of its peer dependencies gets a minor or major release, and these workspace packages are peers: ${peers.join(", ")}. Drop the peer dependency or give it a range the release stays in.`
      : "changesets raised them on its own (a dependency bump); check `pnpm changeset status --verbose`.";
  return [
    `The pending changesets ask for at most a ${declared} release, but changesets would release ${inflated
      .map((pkg) => `${pkg.name} as ${pkg.plannedBump}`)
      .join(", ")}: ${why}`,
  ];
}

function releaseProblems(input: {
  base: BaseRef | undefined;
  firstRelease: boolean;
  required: Bump;
  diff: SpecDiff;
  packages: PackageRelease[];
}): string[] {
  const problems: string[] = [];
  const since = input.base ? `since ${input.base.ref}` : "in this repository";
  const effective = (pkg: PackageRelease) => maxBump(pkg.plannedBump, pkg.appliedBump);
  const unreleased = input.packages.filter((pkg) => effective(pkg) === "none");
  if (input.firstRelease && unreleased.length > 0) {
    problems.push(
      `No release tag yet, so the next release is the first, and it must include every published package; no pending changeset releases ${unreleased.map((pkg) => pkg.name).join(", ")}. Add one with \`pnpm changeset\`.`,
    );
  } else if (!input.firstRelease) {
    for (const pkg of unreleased.filter((candidate) => candidate.changedFiles.length > 0)) {
      const files = pkg.changedFiles.slice(0, 3).join(", ");
      const more = pkg.changedFiles.length > 3 ? ` and ${pkg.changedFiles.length - 3} more` : "";
      problems.push(
        `${pkg.name} changed ${since} (${files}${more}) but no pending changeset releases it. Add one with \`pnpm changeset\`.`,
      );
    }
  }
  const short = input.packages.filter((pkg) => !bumpCovers(effective(pkg), input.required));
  if (short.length > 0) {
    const given = short.map((pkg) => `${pkg.name} ${effective(pkg)}`).join(", ");
    problems.push(
      `The spec changes ${since} are ${input.diff.class} and need at least a ${input.required} release, but the pending changesets give: ${given}. Write the changeset with \`pnpm changeset:spec\`, or raise the bump of an existing one.`,
    );
  }
  return problems;
}
