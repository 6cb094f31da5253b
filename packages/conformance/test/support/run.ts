import { join } from "node:path";
import { type CliIo, runCli } from "../../src/cli-main.js";
import { type GeneratedValidators, loadSpec } from "../../src/index.js";
import { ajvValidatorSource } from "./ajv-validator-source.js";

export const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", name);

/** Test-only validators (Ajv in the generated module's shape) for a fixture spec. */
export async function fixtureValidators(name: string): Promise<GeneratedValidators> {
  return ajvValidatorSource(await loadSpec(fixture(name)));
}

/** Runs the CLI in-process and captures what it writes. */
export async function run(
  argv: string[],
  options: {
    validators?: GeneratedValidators;
    stdin?: string;
    env?: NodeJS.ProcessEnv;
    tty?: boolean;
  } = {},
) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    ...(options.validators ? { validators: options.validators } : {}),
    ...(options.stdin !== undefined ? { readStdin: async () => options.stdin ?? "" } : {}),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
