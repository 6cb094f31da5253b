#!/usr/bin/env node
/**
 * `graph-recording-simulator`: runs the simulator until interrupted. stdout carries the URL
 * only; the other addresses and the token go to stderr. Exit 0 on a clean stop, 1 when the
 * server cannot start, 2 on bad usage.
 */
import { HELP, parseCli, UsageError } from "./cli-options.js";
import { startSimulator } from "./simulator.js";

async function main(argv: string[]): Promise<number> {
  let request: ReturnType<typeof parseCli>;
  try {
    request = parseCli(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`graph-recording-simulator: ${err.message}\nTry --help.\n`);
      return 2;
    }
    throw err;
  }
  if (request.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  try {
    sim = await startSimulator(request.options);
  } catch (err) {
    process.stderr.write(
      `graph-recording-simulator: cannot start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  process.stdout.write(`${sim.url}\n`);
  process.stderr.write(
    [
      `Graph (beta):  ${sim.baseUrl}`,
      `Graph (v1.0):  ${sim.v1BaseUrl}`,
      `Media:         ${sim.mediaUrl}`,
      `Control API:   ${sim.controlUrl}`,
      `Bearer token:  ${sim.accessToken}`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sim.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`graph-recording-simulator: internal error: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
