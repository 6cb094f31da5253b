import { parseArgs } from "node:util";
import { SpecInputError } from "./context.js";
import { formatSpecDiff } from "./format.js";
import { GitError } from "./git.js";
import { type ChangeClass, maxClass } from "./model.js";
import { checkRelease, type ReleaseGateReport } from "./release-gate.js";
import { writeSpecChangeset } from "./spec-changeset.js";
import { defaultSpecPath, diffSpecSinceBase, type SpecHistoryOptions } from "./spec-history.js";

/** Where a CLI writes and which folder it starts from. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes shared by the three commands. */
export const exitCode = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

const sharedFlags = {
  base: { type: "string" },
  spec: { type: "string" },
  format: { type: "string", default: "text" },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Format = "text" | "json";

interface ParsedFlags {
  base?: string | undefined;
  spec?: string | undefined;
  format?: string | undefined;
  "fail-on"?: string | undefined;
}

/** Maps parsed flags onto the options the library functions take. */
export function optionsFromFlags(
  flags: ParsedFlags,
  cwd: string,
): SpecHistoryOptions & {
  format: Format;
  failOn?: ChangeClass;
} {
  if (flags.format !== undefined && flags.format !== "text" && flags.format !== "json") {
    throw new UsageError(`--format must be text or json, not ${JSON.stringify(flags.format)}`);
  }
  const failOn = flags["fail-on"];
  if (failOn !== undefined && !["breaking", "additive", "patch"].includes(failOn)) {
    throw new UsageError(
      `--fail-on must be breaking, additive or patch, not ${JSON.stringify(failOn)}`,
    );
  }
  return {
    cwd,
    specPath: flags.spec ?? defaultSpecPath,
    format: (flags.format ?? "text") as Format,
    ...(flags.base !== undefined ? { base: flags.base } : {}),
    ...(failOn !== undefined ? { failOn: failOn as ChangeClass } : {}),
  };
}

async function runCli(
  argv: string[],
  io: CliIo,
  spec: { usage: string; extraFlags?: Record<string, { type: "string" }> },
  body: (options: ReturnType<typeof optionsFromFlags>) => Promise<number>,
): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { ...sharedFlags, ...spec.extraFlags },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout(spec.usage);
      return exitCode.ok;
    }
    return await body(optionsFromFlags(values as ParsedFlags, io.cwd));
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      io.stderr(`${(error as Error).message}\n\n${spec.usage}`);
      return exitCode.usage;
    }
    if (error instanceof SpecInputError || error instanceof GitError) {
      io.stderr(`${error.message}\n`);
      return exitCode.usage;
    }
    throw error;
  }
}

function describeBase(report: { base: ReleaseGateReport["base"] }): string {
  const base = report.base;
  if (!base) return "the spec was never committed: everything in it is new";
  if (base.kind === "tag") return `last release tag ${base.ref}`;
  if (base.kind === "given") return `${base.ref} (given with --base)`;
  return `${base.ref.slice(0, 12)}, the first commit with the spec (no release tag yet)`;
}

const specDiffUsage = `Usage: spec-diff [--base <ref>] [--spec <path>] [--format text|json] [--fail-on <class>]

Compares the spec in the working tree with the one at the last release tag
(@graph-recording/<name>@X.Y.Z or vX.Y.Z; with none, the first commit that has the spec)
and classifies each change as breaking, additive or patch.

  --base <ref>       compare with this commit, tag or branch instead
  --spec <path>      the spec, relative to the repository root (default ${defaultSpecPath})
  --format json      print the result as JSON
  --fail-on <class>  exit 1 when a change of this class or a more severe one is found

Exit codes: 0 compared, 1 a change reached --fail-on, 2 bad usage or unreadable spec/ref.
`;

/** `spec-diff`: prints the classified changes since the last release. */
export function runSpecDiffCli(argv: string[], io: CliIo): Promise<number> {
  return runCli(
    argv,
    io,
    { usage: specDiffUsage, extraFlags: { "fail-on": { type: "string" } } },
    async (options) => {
      const history = diffSpecSinceBase(options);
      if (options.format === "json") {
        io.stdout(
          `${JSON.stringify({ base: history.base ?? null, spec: history.specPath, ...history.diff }, null, 2)}\n`,
        );
      } else {
        io.stdout(
          formatSpecDiff(
            history.diff,
            `${history.specPath} compared with ${describeBase(history)}:`,
          ),
        );
      }
      const failOn = options.failOn;
      return failOn &&
        maxClass(history.diff.class, failOn) === history.diff.class &&
        history.diff.class !== "none"
        ? exitCode.failed
        : exitCode.ok;
    },
  );
}

const checkReleaseUsage = `Usage: check-release [--base <ref>] [--spec <path>] [--format text|json]

Fails when the pending changesets do not release every published package that changed since
the last release tag, or release them with a smaller bump than the spec changes need
(breaking: major, or minor before 1.0; additive: minor; documentation: patch). With no release
tag yet, the next release is the first and must include every published package.

Exit codes: 0 consistent, 1 a problem was found, 2 bad usage or unreadable spec/ref.
`;

function formatReport(report: ReleaseGateReport): string {
  const lines = [
    formatSpecDiff(report.diff, `Spec changes since ${describeBase(report)}:`).trimEnd(),
    `${report.firstRelease ? `Nothing released yet (packages at ${report.releasedVersion})` : `Released version ${report.releasedVersion}`}; the spec changes need ${report.requiredBump === "none" ? "no" : `a ${report.requiredBump}`} release.`,
    `Pending changesets: ${report.changesets.length ? report.changesets.join(", ") : "none"}`,
    "Published packages (version, pending bump, bump already applied, changed files):",
    ...report.packages.map(
      (pkg) =>
        `  ${pkg.name} ${pkg.version}  ${pkg.plannedBump}  ${pkg.appliedBump}  ${pkg.changedFiles.length}`,
    ),
    ...(report.ok
      ? ["Release gate: ok"]
      : ["Release gate: FAILED", ...report.problems.map((p) => `  - ${p}`)]),
  ];
  return `${lines.join("\n")}\n`;
}

/** `check-release`: the CI gate on pending changesets. */
export function runCheckReleaseCli(argv: string[], io: CliIo): Promise<number> {
  return runCli(argv, io, { usage: checkReleaseUsage }, async (options) => {
    const report = await checkRelease(options);
    if (options.format === "json") {
      const { root: _root, ...portable } = report;
      io.stdout(`${JSON.stringify(portable, null, 2)}\n`);
    } else {
      io.stdout(formatReport(report));
    }
    if (!report.ok) io.stderr(`check-release: ${report.problems.length} problem(s), see above\n`);
    return report.ok ? exitCode.ok : exitCode.failed;
  });
}

const specChangesetUsage = `Usage: changeset:spec [--base <ref>] [--spec <path>] [--format text|json]

Writes a changeset that releases every published package with the bump the spec changes need
since the last release tag, and whose body (the changelog entry) lists each change.
Writes nothing when the spec is unchanged.

Exit codes: 0 written (or nothing to write), 2 bad usage or unreadable spec/ref.
`;

/** `changeset:spec`: writes the changeset for the spec changes. */
export function runSpecChangesetCli(argv: string[], io: CliIo): Promise<number> {
  return runCli(argv, io, { usage: specChangesetUsage }, async (options) => {
    const result = await writeSpecChangeset(options);
    if (options.format === "json") {
      io.stdout(
        `${JSON.stringify({ file: result.file ?? null, bump: result.bump, content: result.content ?? null }, null, 2)}\n`,
      );
    } else if (result.file) {
      io.stdout(`Wrote ${result.file} (${result.bump}):\n\n${result.content}`);
    } else {
      io.stderr(
        `The spec is unchanged since ${describeBase(result.report)}: no changeset written.\n`,
      );
    }
    return exitCode.ok;
  });
}
