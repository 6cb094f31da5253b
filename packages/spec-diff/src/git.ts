import { spawnSync } from "node:child_process";
import semver from "semver";

/** A git command that failed, or a ref that does not exist: names the command and the cause. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitError";
  }
}

/** Runs git in `cwd` and returns its stdout; throws a GitError with git's own message. */
function git(cwd: string, args: string[]): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new GitError(`git ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new GitError(`git ${args.join(" ")}: ${result.stderr.trim() || `exit ${result.status}`}`);
  }
  return result.stdout;
}

/** Where a comparison starts: a release tag, the first commit that has the spec, or a given ref. */
export interface BaseRef {
  ref: string;
  kind: "tag" | "first-spec-commit" | "given";
  /** The released version, for a release tag. */
  version?: string;
}

/** The release tags this repository uses: `@graph-recording/<name>@X.Y.Z` or `vX.Y.Z`. */
const releaseTag = /^(?:@graph-recording\/[a-z0-9-]+@|v)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/** The newest release tag reachable from HEAD, with its version, if any. */
function lastReleaseTag(cwd: string): BaseRef | undefined {
  const tags = git(cwd, ["tag", "--merged", "HEAD"]).split("\n").filter(Boolean);
  let best: BaseRef | undefined;
  for (const tag of tags) {
    const version = releaseTag.exec(tag)?.[1];
    if (!version || !semver.valid(version)) continue;
    if (!best?.version || semver.gt(version, best.version))
      best = { ref: tag, kind: "tag", version };
  }
  return best;
}

/** The first commit (oldest on HEAD's history) that added `path`, if any. */
function firstCommitWith(cwd: string, path: string): string | undefined {
  const commits = git(cwd, [
    "log",
    "--diff-filter=A",
    "--format=%H",
    "--reverse",
    "HEAD",
    "--",
    path,
  ]);
  return commits.split("\n").find(Boolean);
}

/**
 * The base to compare with: `given` when set (it must name a commit), else the last release
 * tag, else the first commit that has `specPath`. Undefined when the spec was never committed.
 */
export function resolveBase(cwd: string, specPath: string, given?: string): BaseRef | undefined {
  if (given !== undefined) {
    const result = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${given}^{commit}`], {
      cwd,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new GitError(`--base ${given}: no such commit, tag or branch`);
    const version = releaseTag.exec(given)?.[1];
    return version ? { ref: given, kind: "given", version } : { ref: given, kind: "given" };
  }
  const tag = lastReleaseTag(cwd);
  if (tag) return tag;
  const first = firstCommitWith(cwd, specPath);
  return first ? { ref: first, kind: "first-spec-commit" } : undefined;
}

/** The text of `path` at `ref`, or undefined when the file does not exist there. */
export function readAt(cwd: string, ref: string, path: string): string | undefined {
  const exists = spawnSync("git", ["cat-file", "-e", `${ref}:${path}`], { cwd });
  if (exists.status !== 0) return undefined;
  return git(cwd, ["show", `${ref}:${path}`]);
}

/** Files changed between `ref` and the working tree, untracked files included. */
export function changedFiles(cwd: string, ref: string): string[] {
  const tracked = git(cwd, ["diff", "--name-only", "-z", ref, "--"]).split("\0");
  const untracked = git(cwd, ["ls-files", "--others", "--exclude-standard", "-z"]).split("\0");
  return [...new Set([...tracked, ...untracked].filter(Boolean))].sort();
}

/** The repository's top-level folder. */
export function repositoryRoot(cwd: string): string {
  return git(cwd, ["rev-parse", "--show-toplevel"]).trim();
}
