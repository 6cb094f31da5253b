import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffSpecs } from "./document-diff.js";
import { type BaseRef, readAt, repositoryRoot, resolveBase } from "./git.js";
import { parseSpec } from "./load.js";
import type { SpecDiff } from "./model.js";

/** Where to find the spec and what to compare it with. */
export interface SpecHistoryOptions {
  /** Any folder inside the repository. */
  cwd: string;
  /** A commit, tag or branch to compare with instead of the last release tag. */
  base?: string;
  /** The spec's path relative to the repository root. */
  specPath?: string;
}

/** The spec diff between a base and the working tree, with the base that was used. */
export interface SpecHistory {
  root: string;
  specPath: string;
  /** Undefined when the spec was never committed (everything in it is then new). */
  base: BaseRef | undefined;
  diff: SpecDiff;
}

const emptySpec = { openapi: "3.1.0" };

/** The default location of the spec in this repository. */
export const defaultSpecPath = "spec/openapi.yaml";

/**
 * Compares the working tree's spec with the spec at the base (`options.base`, else the last
 * release tag, else the first commit that has the spec).
 */
export function diffSpecSinceBase(options: SpecHistoryOptions): SpecHistory {
  const root = repositoryRoot(options.cwd);
  const specPath = options.specPath ?? defaultSpecPath;
  const base = resolveBase(root, specPath, options.base);
  const current = parseSpec(readFileSync(join(root, specPath), "utf8"), specPath);
  const baseText = base ? readAt(root, base.ref, specPath) : undefined;
  const previous =
    baseText === undefined ? emptySpec : parseSpec(baseText, `${specPath} at ${base?.ref}`);
  return { root, specPath, base, diff: diffSpecs(previous, current) };
}
