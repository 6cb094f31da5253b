// Request overhead of the client against raw fetch and @microsoft/microsoft-graph-client doing the
// same GET on one loopback server, side by side in one run. The server and every contender run in
// processes of their own, so each contender's CPU time is its own client-side cost, garbage
// collection included (in one shared process a collection is paid by whoever runs when it comes).
// The contenders take turns: each round runs every one of them for the same number of requests, in
// an order rotated from round to round, and divides its time by raw fetch's in that round.
// Printed: the median of those ratios with the middle half of the rounds beside it (a busy machine
// moves it far less than a sum), and the ratio of the totals. Prints ratios; asserts nothing.
// Usage: pnpm build && node bench/overhead.mjs [--rounds 16] [--requests 1000] [--warmup 2000]
import { fork } from "node:child_process";
import { parseArgs } from "node:util";

const OPERATION = {
  "@odata.type": "#microsoft.graph.recordOperation",
  id: "op-1",
  status: "completed",
  clientContext: "ctx",
  resultInfo: { code: 200, subcode: 8515, message: "max record duration reached" },
  recordingLocation: "https://media.example/rec",
  recordingAccessToken: "token",
};
const PATH = "/communications/calls/call-1/operations/op-1";
const RAW = "raw fetch";
const CLIENT = "@graph-recording/client";
const DEADLINE = "raw fetch + AbortController deadline";
const NAMES = [RAW, CLIENT, "@microsoft/microsoft-graph-client", DEADLINE];
const script = new URL(import.meta.url).pathname;

async function serve() {
  const { createServer } = await import("node:http");
  const body = JSON.stringify(OPERATION);
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
  server.listen(0, "127.0.0.1", () => process.send?.(server.address().port));
}

/** One GET of the operation, resolving to the parsed body, as each contender does it. */
async function contender(name, base) {
  const url = `${base}${PATH}`;
  const headers = { authorization: "Bearer token", accept: "application/json" };
  switch (name) {
    case RAW:
      return async () => (await fetch(url, { headers })).json();
    case CLIENT: {
      const { createRecordingClient } = await import("../dist/index.js");
      const client = createRecordingClient({ baseUrl: base, getToken: async () => "token" });
      return () => client.getOperation({ callId: "call-1", operationId: "op-1" });
    }
    case DEADLINE:
      // Reference: what a cancellable fetch alone costs (the client gives every fetch a signal).
      return async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        try {
          return await (await fetch(url, { headers, signal: controller.signal })).json();
        } finally {
          clearTimeout(timer);
        }
      };
    default: {
      const { Client } = await import("@microsoft/microsoft-graph-client");
      const graph = Client.initWithMiddleware({
        authProvider: { getAccessToken: async () => "token" },
        baseUrl: `${base}/`,
        defaultVersion: "",
        customHosts: new Set(["127.0.0.1"]),
      });
      return () => graph.api(PATH).get();
    }
  }
}

/**
 * A contender's process: runs `count` requests when asked and answers with the time they took.
 * CPU time counts from the end of the previous batch, so what the process did while it waited for
 * its turn (garbage collection the runtime put off until it was idle) is charged to it as well.
 */
async function work(name, base) {
  const run = await contender(name, base);
  let since = process.cpuUsage();
  process.on("message", async ({ count }) => {
    try {
      const start = process.hrtime.bigint();
      for (let i = 0; i < count; i++) {
        if ((await run()).id !== OPERATION.id) throw new Error("unexpected answer");
      }
      const wall = Number(process.hrtime.bigint() - start) / 1e3;
      const used = process.cpuUsage(since);
      since = process.cpuUsage();
      process.send?.({ cpu: (used.user + used.system) / count, wall: wall / count });
    } catch (error) {
      process.send?.({ error: `${name}: ${error?.message ?? error}` });
    }
  });
  process.send?.({ ready: true });
}

function usage(message) {
  process.stderr.write(
    `${message}\nusage: node bench/overhead.mjs [--rounds 16] [--requests 1000] [--warmup 2000]\n`,
  );
  process.exit(2);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        rounds: { type: "string", default: "16" },
        requests: { type: "string", default: "1000" },
        warmup: { type: "string", default: "2000" },
      },
    }));
  } catch (error) {
    usage(error.message);
  }
  const options = {};
  for (const [name, value] of Object.entries(values)) {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) {
      usage(`--${name} must be a positive integer, got ${JSON.stringify(value)}`);
    }
    options[name] = number;
  }
  return options;
}

/** Starts a child process of this script and resolves with it once it sent its first message. */
function start(args) {
  const child = fork(script, args, { stdio: "inherit" });
  const first = new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (${code})`)));
  });
  return { child, first };
}

function ask(child, count) {
  return new Promise((resolve, reject) => {
    child.once("message", (answer) =>
      answer.error ? reject(new Error(answer.error)) : resolve(answer),
    );
    child.send({ count });
  });
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

async function measure(options) {
  const children = [];
  try {
    const server = start(["--serve"]);
    children.push(server.child);
    const base = `http://127.0.0.1:${await server.first}`;
    const workers = {};
    for (const name of NAMES) {
      const worker = start(["--work", name, base]);
      children.push(worker.child);
      await worker.first;
      workers[name] = worker.child;
      await ask(worker.child, options.warmup);
    }
    const samples = Object.fromEntries(NAMES.map((name) => [name, { cpu: [], wall: [] }]));
    for (let round = 0; round < options.rounds; round++) {
      for (let k = 0; k < NAMES.length; k++) {
        const name = NAMES[(round + k) % NAMES.length];
        const { cpu, wall } = await ask(workers[name], options.requests);
        samples[name].cpu.push(cpu);
        samples[name].wall.push(wall);
      }
    }
    return samples;
  } finally {
    for (const child of children) child.kill();
  }
}

function report(samples, options) {
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  const ratios = (name, base, kind) =>
    samples[name][kind].map((value, round) => value / samples[base][kind][round]);
  const column = (name, kind) => {
    const each = ratios(name, RAW, kind);
    const median = quantile(each, 0.5).toFixed(3);
    const spread = `${quantile(each, 0.25).toFixed(2)}-${quantile(each, 0.75).toFixed(2)}`;
    const total = (sum(samples[name][kind]) / sum(samples[RAW][kind])).toFixed(3);
    const perRequest = quantile(samples[name][kind], 0.5).toFixed(1);
    return `${median}x (${spread}) ${total}x ${perRequest.padStart(6)} µs`;
  };
  const over = (kind) => quantile(ratios(CLIENT, DEADLINE, kind), 0.5).toFixed(3);
  const out = [
    `sequential GETs of one operation on 127.0.0.1: ${options.rounds} rounds of ${options.requests} requests per contender, one process each, order rotated each round`,
    "ratio to raw fetch: median of rounds (middle half of rounds), ratio of totals, median µs per request",
    `${"".padEnd(38)}${"cpu".padEnd(38)}wall`,
    ...NAMES.map(
      (name) => `${name.padEnd(38)}${column(name, "cpu").padEnd(38)}${column(name, "wall")}`,
    ),
    `${CLIENT} over a cancellable fetch (the last row): cpu ${over("cpu")}x, wall ${over("wall")}x`,
    `target for ${CLIENT}: <= 1.10x raw fetch (cpu)`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

if (process.argv[2] === "--serve") {
  await serve();
} else if (process.argv[2] === "--work") {
  await work(process.argv[3], process.argv[4]);
} else {
  const options = readOptions();
  report(await measure(options), options);
}
