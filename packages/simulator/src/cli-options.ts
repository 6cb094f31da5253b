/**
 * The CLI's flags, parsed with node:util parseArgs and mapped by one function onto the same
 * options object `startSimulator` takes.
 */
import { parseArgs } from "node:util";
import type { SimulatorOptions } from "./simulator.js";

/** Help text printed by `--help`. */
export const HELP = `Usage: graph-recording-simulator [options]

Starts a local simulator of the Microsoft Graph call-recording endpoints and prints its URL.
Graph requests go under <url>/beta and <url>/v1.0; the control API is under <url>/_simulator.
Stop it with Ctrl-C.

Options:
  --port <n>            port of the Graph origin (default: an ephemeral port)
  --media-port <n>      port of the origin serving recordingLocation audio (default: ephemeral)
  --host <address>      interface to listen on (default: 127.0.0.1)
  --clock <mode>        real (default) or virtual (time moves only via POST /_simulator/clock/advance)
  --speed <x>           real clock only: simulated seconds per real second (default: 1)
  --token <token>       Graph bearer token to accept; repeat for several (default: simulator-token)
  --page-size <n>       default page size of recording collections (default: 10)
  -h, --help            show this help
`;

/** A flag error: the CLI prints it with the help hint and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** What the command line asked for. */
export type CliRequest = { help: true } | { help: false; options: SimulatorOptions };

function integer(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag}: expected an integer from ${min} to ${max}, got '${raw}'`);
  }
  return n;
}

/** Parses the command line into simulator options. */
export function parseCli(argv: string[]): CliRequest {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values } = parsed;
  if (values.help) return { help: true };
  const options: SimulatorOptions = { clock: "real" };
  const port = integer("port", values.port, 0, 65535);
  if (port !== undefined) options.port = port;
  const mediaPort = integer("media-port", values["media-port"], 0, 65535);
  if (mediaPort !== undefined) options.mediaPort = mediaPort;
  if (values.host !== undefined) options.host = values.host;
  if (values.clock !== undefined) {
    if (values.clock !== "real" && values.clock !== "virtual") {
      throw new UsageError(`--clock: expected 'real' or 'virtual', got '${values.clock}'`);
    }
    options.clock = values.clock;
  }
  if (values.speed !== undefined) {
    const speed = Number(values.speed);
    if (!(speed > 0) || !Number.isFinite(speed)) {
      throw new UsageError(`--speed: expected a number > 0, got '${values.speed}'`);
    }
    options.speed = speed;
  }
  if (values.token !== undefined) {
    if (values.token.some((t) => t.trim() === ""))
      throw new UsageError("--token: a token cannot be empty");
    options.accessTokens = values.token;
  }
  const pageSize = integer("page-size", values["page-size"], 1, 1000);
  if (pageSize !== undefined) options.pageSize = pageSize;
  return { help: false, options };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      "media-port": { type: "string" },
      host: { type: "string" },
      clock: { type: "string" },
      speed: { type: "string" },
      token: { type: "string", multiple: true },
      "page-size": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
