export { type Direction, SpecInputError } from "./context.js";
export { diffSpecs } from "./document-diff.js";
export { formatSpecDiff, specChangesMarkdown } from "./format.js";
export { type BaseRef, GitError, resolveBase } from "./git.js";
export { parseSpec } from "./load.js";
export {
  type Bump,
  bumpCovers,
  type ChangeClass,
  maxBump,
  maxClass,
  requiredBump,
  type SpecChange,
  type SpecDiff,
} from "./model.js";
export {
  checkRelease,
  isPublishedFile,
  type PackageRelease,
  type ReleaseGateReport,
} from "./release-gate.js";
export {
  type SpecChangesetResult,
  specChangesetSummary,
  writeSpecChangeset,
} from "./spec-changeset.js";
export { diffSpecSinceBase, type SpecHistory, type SpecHistoryOptions } from "./spec-history.js";
