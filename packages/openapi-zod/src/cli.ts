import { parseArgs } from "node:util";
import { OpenApiZodError } from "./errors.js";
import { type GenerateOptions, generateZodFromFile } from "./generate.js";
import { writeFileAtomic } from "./write.js";

const USAGE = `Usage: openapi-zod <spec.yaml|spec.json> [--out <file.ts>] [--language ts|js] [--no-fast-path]

Generates one Zod 4 module (open and strict validators) from an OpenAPI 3.x document.
  -o, --out <file>       write the module here (atomically); stdout when omitted
  -l, --language <lang>  ts (default) or js
      --no-fast-path     emit the Zod schemas alone, without the compiled checks that answer valid input
  -h, --help             show this help`;

/** A bad command line (exit code 2). */
export class UsageError extends Error {}

/** The parsed command line. */
export interface CliOptions {
  spec: string;
  out?: string;
  generate: GenerateOptions;
}

/** Maps command-line flags onto the library's options; throws UsageError on bad usage. */
export function optionsFromArgs(args: string[]): CliOptions | "help" {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof flags; allowPositionals: true; args: string[] }>
  >;
  const flags = {
    out: { type: "string", short: "o" },
    language: { type: "string", short: "l", default: "ts" },
    "fast-path": { type: "boolean", default: true },
    help: { type: "boolean", short: "h", default: false },
  } as const;
  try {
    parsed = parseArgs({
      args,
      options: flags,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return "help";
  if (parsed.positionals.length !== 1)
    throw new UsageError(`Expected exactly one spec path, got ${parsed.positionals.length}`);
  const language = parsed.values.language;
  if (language !== "ts" && language !== "js")
    throw new UsageError(`--language must be "ts" or "js", got ${JSON.stringify(language)}`);
  const spec = parsed.positionals[0] as string;
  const options: CliOptions = {
    spec,
    generate: { language, source: spec, fastPath: parsed.values["fast-path"] },
  };
  if (parsed.values.out !== undefined) options.out = parsed.values.out;
  return options;
}

/** Where the CLI writes: results to `stdout`, diagnostics to `stderr`. */
export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Runs `openapi-zod` with the given arguments; resolves to the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(args: string[], io: CliStreams = process): Promise<number> {
  let options: CliOptions | "help";
  try {
    options = optionsFromArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`openapi-zod: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const code = await generateZodFromFile(options.spec, options.generate);
    if (options.out === undefined) io.stdout.write(code);
    else {
      await writeFileAtomic(options.out, code);
      io.stderr.write(`openapi-zod: wrote ${options.out}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof OpenApiZodError) {
      io.stderr.write(`openapi-zod: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
