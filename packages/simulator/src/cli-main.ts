/**
 * The CLI's body, separate from the process wiring so it can run in-process: parse the flags,
 * start the simulator, print the URL, run until `stop` fires, close.
 */
import { HELP, parseCli, UsageError } from "./cli-options.js";
import { type Simulator, startSimulator } from "./simulator.js";

/** Where the CLI writes, and what stops it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves when the simulator should stop (Ctrl-C in the real CLI). */
  stop: Promise<unknown>;
  /** Called once the simulator is listening (tests use it to reach the server). */
  onStarted?: (sim: Simulator) => void;
}

/** Runs the CLI; resolves with the exit code (0 ok, 1 cannot start, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let request: ReturnType<typeof parseCli>;
  try {
    request = parseCli(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`graph-recording-simulator: ${err.message}\nTry --help.\n`);
      return 2;
    }
    throw err;
  }
  if (request.help) {
    io.stdout(HELP);
    return 0;
  }
  let sim: Simulator;
  try {
    sim = await startSimulator(request.options);
  } catch (err) {
    io.stderr(
      `graph-recording-simulator: cannot start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  io.stdout(`${sim.url}\n`);
  io.stderr(
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
  io.onStarted?.(sim);
  await io.stop;
  await sim.close();
  return 0;
}
