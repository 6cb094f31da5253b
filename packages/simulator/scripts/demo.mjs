// The whole recording flow with no tenant: start the simulator, record a caller's answer, wait for
// the operation's callback, download the audio with its access token, then list a meeting's
// recordings page by page. Runs against the built package (`pnpm build` first).
import { createServer } from "node:http";
import { startSimulator } from "../dist/index.js";

const say = (line) => process.stdout.write(`${line}\n`);
const TIMEOUT_MS = 15_000;

/** A bot's callback endpoint: resolves with the first commsNotifications it accepts. */
async function startBot(expectedToken) {
  let deliver;
  const notification = new Promise((resolve) => {
    deliver = resolve;
  });
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      if (req.headers.authorization !== `Bearer ${expectedToken}`) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(202).end();
      deliver(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/callback`,
    notification,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function expectOk(res, what) {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

const sim = await startSimulator({ clock: "real" });
const callbackToken = "demo-bot-token";
const bot = await startBot(callbackToken);
try {
  const graph = (path, init = {}) =>
    fetch(path.startsWith("http") ? path : `${sim.baseUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${sim.accessToken}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });
  say(`simulator: ${sim.baseUrl}`);

  // 1. A call whose callbacks go to the bot, and a recordResponse on it.
  const call = sim.control.createCall({ callbackUri: bot.url, callbackToken });
  const started = await expectOk(
    await graph(`/communications/calls/${call.id}/recordResponse`, {
      method: "POST",
      body: JSON.stringify({ maxRecordDurationInSeconds: 2, clientContext: "demo-1" }),
    }),
    "recordResponse",
  );
  const operation = await started.json();
  say(`recordResponse: ${started.status}, operation ${operation.id} is ${operation.status}`);
  say(`  Location: ${started.headers.get("location")}`);

  // 2. The result arrives as a commsNotifications callback (changeType deleted).
  const note = await withTimeout(bot.notification, "the operation callback");
  const finished = note.value[0].resourceData;
  say(
    `callback: ${note.value[0].changeType} ${note.value[0].resourceUrl} -> ${finished.status} ` +
      `(resultInfo ${finished.resultInfo.code}/${finished.resultInfo.subcode}, ${finished.completionReason})`,
  );
  const polled = await (
    await expectOk(await graph(started.headers.get("location")), "GET operation")
  ).json();
  say(`GET operation: ${polled.status}`);

  // 3. Download the audio from recordingLocation with recordingAccessToken, and nothing else.
  const audio = await expectOk(
    await fetch(finished.recordingLocation, {
      headers: { authorization: `Bearer ${finished.recordingAccessToken}` },
    }),
    "download",
  );
  const bytes = Buffer.from(await audio.arrayBuffer());
  const seconds = bytes.readUInt32LE(40) / bytes.readUInt32LE(28);
  say(
    `downloaded: ${bytes.length} bytes, ${bytes.toString("ascii", 0, 4)}/${bytes.toString("ascii", 8, 12)}, ` +
      `${bytes.readUInt32LE(24)} Hz, ${seconds.toFixed(2)} s`,
  );

  // 4. A meeting with three recordings, listed two per page.
  const meeting = sim.control.createMeeting();
  for (let i = 0; i < 3; i++) await sim.control.addRecording(meeting.id, { durationMs: 1500 });
  let next = `/me/onlineMeetings/${meeting.id}/recordings?$top=2`;
  let page = 0;
  let total = 0;
  while (next) {
    const body = await (await expectOk(await graph(next), "list recordings")).json();
    page++;
    total += body.value.length;
    say(`recordings page ${page}: ${body.value.map((r) => r.id.slice(0, 12)).join(", ")}`);
    next = body["@odata.nextLink"];
  }
  say(`listed ${total} recordings in ${page} pages`);
  const requests = sim.control.requests();
  say(
    `the simulator received ${requests.length} requests; every one answered ${[...new Set(requests.map((r) => r.status))].join("/")}`,
  );
} finally {
  await bot.close();
  await sim.close();
}
