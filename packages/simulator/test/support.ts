/** Test support: a webhook receiver on 127.0.0.1 and an authenticated Graph fetch. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Simulator } from "../src/index.js";

/** A request the receiver got. */
interface Received {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: string;
}

/** How the receiver answers one request. */
export type Responder = (req: Received, res: ServerResponse) => void;

/** Answers like a well-behaved bot: echoes validation tokens, 202 for notifications. */
export const politeResponder: Responder = (req, res) => {
  const token = req.url.searchParams.get("validationToken");
  if (token !== null) {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(token);
    return;
  }
  res.writeHead(202);
  res.end();
};

/** A webhook receiver: records every request and answers through `respond`. */
export async function startReceiver(respond: Responder = politeResponder) {
  const received: Received[] = [];
  let responder = respond;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry: Received = {
        method: req.method ?? "",
        url: new URL(req.url ?? "/", "http://127.0.0.1"),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(entry);
      responder(entry, res);
      for (const w of [...waiters]) {
        if (received.length >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    setResponder(next: Responder) {
      responder = next;
    },
    /** Resolves once `count` requests have arrived. */
    waitFor(count: number): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** fetch against the simulator's beta root with its bearer token. */
export function graph(sim: Simulator, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${sim.accessToken}`);
  if (init.body !== undefined && !headers.has("content-type")) {
    headers.set("content-type", "application/json");
  }
  const url = path.startsWith("http") ? path : `${sim.baseUrl}${path}`;
  return fetch(url, { ...init, headers });
}

/** POST a JSON body to the simulator. */
export function post(sim: Simulator, path: string, body: unknown): Promise<Response> {
  return graph(sim, path, { method: "POST", body: JSON.stringify(body) });
}
