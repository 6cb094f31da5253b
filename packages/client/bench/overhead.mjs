// Request overhead of the client against raw fetch (and @microsoft/microsoft-graph-client) on the
// same loopback server, same calls, interleaved rounds. Prints ratios; asserts nothing.
// Usage: pnpm build && node bench/overhead.mjs [requests-per-round]
import { createServer } from "node:http";
import { Client } from "@microsoft/microsoft-graph-client";
import { createRecordingClient } from "../dist/index.js";

const PER_ROUND = Number(process.argv[2] ?? 2000);
const ROUNDS = 5;
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
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;
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
  const result = await run();
  if (result.id !== "op-1") throw new Error("unexpected answer");
}

const totals = Object.fromEntries(Object.keys(contenders).map((name) => [name, 0]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(contenders)) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_ROUND; i++) await run();
    totals[name] += Number(process.hrtime.bigint() - start) / 1e6;
  }
}
server.close();

const requests = PER_ROUND * ROUNDS;
const rawMs = totals["raw fetch"];
process.stdout.write(
  `sequential GETs of one operation on 127.0.0.1, ${ROUNDS} interleaved rounds of ${PER_ROUND}\n`,
);
for (const [name, ms] of Object.entries(totals)) {
  process.stdout.write(
    `${name.padEnd(36)} ${((ms / requests) * 1000).toFixed(1).padStart(7)} µs/request  ${(ms / rawMs).toFixed(3)}x raw fetch\n`,
  );
}
process.stdout.write(`target for @graph-recording/client: <= 1.10x raw fetch\n`);
