import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, isAbsolute, relative } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { type CheckOptions, type CheckReport, checkExamples } from "./check.js";
import { UsageError } from "./errors.js";
import type { PayloadTarget } from "./payload-target.js";
import { checkFailed, formatCheckSummary, formatCheckText } from "./report/check-text.js";
import { formatCheckHtml } from "./report/html.js";
import { formatCheckJunit, formatValidateJunit } from "./report/junit.js";
import { shouldColor } from "./report/style.js";
import { formatValidateText } from "./report/validate-text.js";
import { type ValidateOptions, validateInputs } from "./validate.js";
import type { GeneratedValidators } from "./validator-source.js";

/** The streams and environment the CLI talks to; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  readStdin?: () => Promise<string>;
  /** Validators to use instead of the installed or generated ones (tests). */
  validators?: GeneratedValidators;
}

/** Flags of `check`, as commander parses them. */
interface CheckFlags {
  format: "text" | "json" | "junit";
  html?: string;
  failuresOnly?: boolean;
  sources?: string[];
  accountedIn?: string[];
}

/**
 * Maps `check`'s flags onto the options of `checkExamples`.
 *
 * @throws UsageError when `--accounted-in` comes without `--sources`.
 */
function checkOptionsFromFlags(flags: CheckFlags): CheckOptions {
  if (flags.accountedIn && !flags.sources) {
    throw new UsageError(
      "bad-option",
      "--accounted-in needs --sources: the folders whose documents it accounts for",
    );
  }
  return flags.sources
    ? {
        sources: {
          folders: flags.sources,
          ...(flags.accountedIn ? { accountedIn: flags.accountedIn } : {}),
        },
      }
    : {};
}

/** Flags of `validate`, as commander parses them. */
export interface ValidateFlags {
  schema?: string;
  operation?: string;
  webhook?: string;
  request?: boolean;
  status?: string;
  har?: string[];
  ndjson?: boolean;
  open?: boolean;
  spec?: string;
  threads?: string;
  format: "text" | "json" | "junit";
}

/**
 * Maps `validate`'s flags onto the options of `validateInputs`.
 *
 * @throws UsageError naming the conflicting or malformed flag.
 */
export function validateOptionsFromFlags(inputs: string[], flags: ValidateFlags): ValidateOptions {
  const chosen = (["schema", "operation", "webhook"] as const).filter(
    (flag) => flags[flag] !== undefined,
  );
  if (chosen.length > 1) {
    throw new UsageError(
      "bad-option",
      `--${chosen.join(" and --")} cannot be combined: pick one target`,
    );
  }
  if (flags.request && flags.status !== undefined) {
    throw new UsageError(
      "bad-option",
      "--request and --status cannot be combined: a body is either sent or received",
    );
  }
  if (flags.status !== undefined && !/^([1-5](\d\d|XX)|default)$/.test(flags.status)) {
    throw new UsageError(
      "bad-option",
      `--status ${flags.status} is not a status code (e.g. 200, 4XX, default)`,
    );
  }
  if (flags.schema !== undefined && flags.status !== undefined) {
    throw new UsageError(
      "bad-option",
      "--status applies to --operation and --webhook, not --schema",
    );
  }
  if (flags.webhook !== undefined && flags.request) {
    throw new UsageError(
      "bad-option",
      "--request does not apply to --webhook: its payload is the request",
    );
  }
  if (flags.threads !== undefined && !/^[1-9][0-9]?$/.test(flags.threads)) {
    throw new UsageError(
      "bad-option",
      `--threads ${flags.threads} is not a number of threads (1 to 99)`,
    );
  }
  const mode = flags.open ? "open" : "strict";
  let target: PayloadTarget | undefined;
  if (flags.schema !== undefined)
    target = { schema: flags.schema, request: flags.request === true, mode };
  if (flags.operation !== undefined) {
    target = {
      operation: flags.operation,
      mode,
      ...(flags.request ? { request: true } : {}),
      ...(flags.status !== undefined ? { status: flags.status } : {}),
    };
  }
  if (flags.webhook !== undefined) {
    target = {
      webhook: flags.webhook,
      mode,
      ...(flags.status !== undefined ? { status: flags.status } : {}),
    };
  }
  return {
    inputs,
    mode,
    ...(target ? { target } : {}),
    ...(flags.har ? { har: flags.har } : {}),
    ...(flags.ndjson ? { ndjson: true } : {}),
    ...(flags.spec ? { spec: flags.spec } : {}),
    ...(flags.threads ? { threads: Number(flags.threads) } : {}),
  };
}

/** A path relative to the working directory when it lies below it, as people typed it. */
function displayPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown && !shown.startsWith("..") && !isAbsolute(shown) ? shown : file;
}

function version(): string {
  try {
    return (createRequire(import.meta.url)("../package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Writes a file through a temporary sibling and a rename, so no half-written report is left. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UsageError("bad-option", `cannot write ${file}: ${(error as Error).message}`);
  }
}

function formatOption() {
  return new Option("--format <format>", "output format")
    .choices(["text", "json", "junit"])
    .default("text");
}

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const color = shouldColor(io.stdout, io.env);
  const program = new Command("graph-recording-conformance")
    .description(
      "Does this JSON match the API? Checks a spec's examples and your payloads with generated validators.",
    )
    .version(version())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("check")
    .description(
      "check every example of a spec (default: the project's spec) against its generated strict validators and Ajv",
    )
    .argument(
      "[spec]",
      "an OpenAPI 3.1 document (YAML or JSON); validators are generated for it on the fly",
    )
    .addOption(formatOption())
    .option("--html <file>", "also write a self-contained HTML report to this file")
    .option("--failures-only", "in the text report, list only the examples that fail")
    .option(
      "--sources <folder...>",
      "folders of source documents that the examples must account for (by x-source)",
    )
    .option(
      "--accounted-in <file...>",
      "documents that account for a source document by naming its file (with --sources)",
    )
    .action(async (spec: string | undefined, flags: CheckFlags) => {
      const checked = await checkExamples(spec, {
        ...checkOptionsFromFlags(flags),
        ...(io.validators ? { validators: io.validators } : {}),
      });
      const report: CheckReport = {
        ...checked,
        spec: { ...checked.spec, file: displayPath(checked.spec.file) },
      };
      if (flags.html) {
        await writeAtomically(flags.html, formatCheckHtml(report));
        io.stderr.write(`wrote ${flags.html}\n`);
      }
      if (flags.format === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (flags.format === "junit") io.stdout.write(formatCheckJunit(report));
      else io.stdout.write(formatCheckText(report, { color, passes: !flags.failuresOnly }));
      if (flags.format !== "text") io.stderr.write(`${formatCheckSummary(report)}\n`);
      exitCode = checkFailed(report) ? 1 : 0;
      if (report.summary.examples === 0) {
        io.stderr.write(`${report.spec.file} has no examples: nothing was checked\n`);
        exitCode = 1;
      }
    });

  program
    .command("validate")
    .description(
      "validate JSON, NDJSON, standard input (-) or HAR captures against a schema, operation or webhook",
    )
    .argument("[inputs...]", "JSON files, NDJSON files (.ndjson, .jsonl), or - for standard input")
    .option("--schema <name>", "a component schema, e.g. callRecording")
    .option(
      "--operation <operationId>",
      "an operation's response body (or request body with --request)",
    )
    .option("--webhook <name>", "a webhook's payload (or its response with --status)")
    .option("--request", "validate the request body instead of a response")
    .option("--status <code>", "the response status (default: the operation's success status)")
    .option(
      "--har <file...>",
      "HAR files: each entry is matched to an operation by method and path",
    )
    .option("--ndjson", "read every input, also standard input, as NDJSON (one payload a line)")
    .option(
      "--open",
      "the spec's own open-world semantics instead of strict (undeclared properties allowed)",
    )
    .option(
      "--spec <file>",
      "validate against another OpenAPI 3.1 document (validators generated on the fly)",
    )
    .option(
      "--threads <n>",
      "worker threads for NDJSON inputs of 4 MB or more (default 1: only worth it for slow validators)",
    )
    .addOption(formatOption())
    .action(async (inputs: string[], flags: ValidateFlags) => {
      const options = validateOptionsFromFlags(inputs, flags);
      const report = await validateInputs({
        ...options,
        ...(io.validators ? { validators: io.validators } : {}),
        ...(io.readStdin ? { readStdin: io.readStdin } : {}),
      });
      if (flags.format === "json") io.stdout.write(`${JSON.stringify(report)}\n`);
      else if (flags.format === "junit") io.stdout.write(formatValidateJunit(report));
      else io.stdout.write(formatValidateText(report, { color }));
      const { summary } = report;
      exitCode = summary.invalid + summary.errors > 0 ? 1 : 0;
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help or version asked for: success. Help shown because no command was given: bad usage.
      return ["commander.helpDisplayed", "commander.version"].includes(error.code) ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`graph-recording-conformance: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `graph-recording-conformance: internal error: ${message}\n` +
        (io.env.DEBUG
          ? `${(error as Error).stack ?? ""}\n`
          : "(set DEBUG=1 for the stack trace, and please report it)\n"),
    );
    return 2;
  }
}
