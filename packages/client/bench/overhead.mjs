// Request overhead of the client against raw fetch (and @microsoft/microsoft-graph-client) doing the
// same GET on one loopback server, in interleaved rounds. The server runs in a child process, so
// this process's CPU time per request is the client-side cost; wall time is printed beside it.
// Prints ratios; asserts nothing. Usage: pnpm build && node bench/overhead.mjs [requests-per-round]
import { fork } from "node:child_process";
import { Client } from "@microsoft/microsoft-graph-client";
import { createRecordingClient } from "../dist/index.js";

const PER_ROUND = Number(process.argv[2] ?? 1000);
const ROUNDS = 10;

if (process.argv[2] === "--serve") {
  const { createServer } = await import("node:http");
  const body = JSON.stringify({
    "@odata.type": "#microsoft.graph.recordOperation",
    id: "op-1",
    status: "completed",
    clientContext: "ctx",
    resultInfo: { code: 200, subcode: 8515, message: "max record duration reached" },
    recordingLocation: "https://media.example/rec",
    recordingAccessToken: "token",
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
  server.listen(0, "127.0.0.1", () => process.send?.(server.address().port));
} else {
  const child = fork(new URL(import.meta.url).pathname, ["--serve"], { stdio: "inherit" });
  const port = await new Promise((resolve) => child.once("message", resolve));
  const base = `http://127.0.0.1:${port}`;
  const path = "/communications/calls/call-1/operations/op-1";
  const recording = createRecordingClient({ baseUrl: base, getToken: async () => "token" });
  const graph = Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => "token" },
    baseUrl: `${base}/`,
    defaultVersion: "",
    customHosts: new Set(["127.0.0.1"]),
  });
  const contenders = {
    "raw fetch": async () => {
      const response = await fetch(`${base}${path}`, {
        headers: { authorization: "Bearer token", accept: "application/json" },
      });
      return response.json();
    },
    "@graph-recording/client": () =>
      recording.getOperation({ callId: "call-1", operationId: "op-1" }),
    "@microsoft/microsoft-graph-client": () => graph.api(path).get(),
  };
  for (const run of Object.values(contenders)) {
    for (let i = 0; i < 200; i++) {
      if ((await run()).id !== "op-1") throw new Error("unexpected answer");
    }
  }
  const wall = Object.fromEntries(Object.keys(contenders).map((name) => [name, 0]));
  const cpu = { ...wall };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const startCpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (let i = 0; i < PER_ROUND; i++) await run();
      wall[name] += Number(process.hrtime.bigint() - start) / 1e6;
      const used = process.cpuUsage(startCpu);
      cpu[name] += (used.user + used.system) / 1e3;
    }
  }
  child.kill();
  const requests = PER_ROUND * ROUNDS;
  const line = (name) =>
    `${name.padEnd(36)} cpu ${((cpu[name] / requests) * 1000).toFixed(1).padStart(6)} µs/req ` +
    `${(cpu[name] / cpu["raw fetch"]).toFixed(3)}x   wall ${((wall[name] / requests) * 1000).toFixed(1).padStart(6)} µs/req ` +
    `${(wall[name] / wall["raw fetch"]).toFixed(3)}x`;
  process.stdout.write(
    `sequential GETs of one operation on 127.0.0.1, ${ROUNDS} interleaved rounds of ${PER_ROUND}\n`,
  );
  for (const name of Object.keys(contenders)) process.stdout.write(`${line(name)}\n`);
  process.stdout.write("target for @graph-recording/client: <= 1.10x raw fetch\n");
}
