import type { IncomingMessage, ServerResponse } from "node:http";
import type { NotificationReceiver } from "./receiver.js";

/**
 * Adapts a receiver to `node:http` (and Express/Koa-style `(req, res)` handlers).
 *
 * @example
 * http.createServer(toNodeHandler(receiver)).listen(3978);
 */
export function toNodeHandler(
  receiver: NotificationReceiver,
  options: { maxBodyBytes?: number } = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("error", () => {
      if (!res.headersSent) res.writeHead(400).end();
    });
    req.on("end", () => {
      if (tooLarge) {
        res
          .writeHead(413, { "content-type": "text/plain; charset=utf-8" })
          .end("payload too large");
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      }
      const method = req.method ?? "GET";
      const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
        method,
        headers,
        body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
      });
      receiver.handle(request).then(
        async (response) => {
          const body = Buffer.from(await response.arrayBuffer());
          res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
        },
        () => {
          if (!res.headersSent) res.writeHead(500).end();
        },
      );
    });
  };
}
