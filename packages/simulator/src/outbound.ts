/**
 * Requests the simulator sends out, as Graph does: operation callbacks to the call's callback URL,
 * subscription validation handshakes and change notifications. Each one is recorded so a test can
 * see exactly what was sent and how the receiver answered.
 */

import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** What a delivery was for. */
export type DeliveryKind =
  | "commsNotification"
  | "subscriptionValidation"
  | "changeNotification"
  | "lifecycleNotification";

/** One outbound request and its outcome. */
export interface Delivery {
  id: number;
  kind: DeliveryKind;
  /** Simulated time when it was sent (ISO 8601). */
  time: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Receiver's status, when it answered. */
  status?: number;
  /** Receiver's answer body (first 64 KiB), when it answered. */
  responseBody?: string;
  /** Receiver's `Location` header, when it answered with one. */
  location?: string;
  /** Why no answer was received (timeout, refused, aborted). */
  error?: string;
}

/** Sends and records outbound requests; `close()` aborts the ones in flight. */
export class Outbound {
  private readonly log: Delivery[] = [];
  private readonly inflight = new Set<AbortController>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly now: () => Date) {}

  /** Sends one request, waiting at most `timeoutMs` (real time) for the answer. */
  async send(options: {
    kind: DeliveryKind;
    url: string;
    method?: string;
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
  }): Promise<Delivery> {
    const delivery: Delivery = {
      id: this.nextId++,
      kind: options.kind,
      time: this.now().toISOString(),
      method: options.method ?? "POST",
      url: options.url,
      headers: { ...options.headers },
      body: options.body,
    };
    this.log.push(delivery);
    if (this.closed) {
      delivery.error = "simulator closed";
      return delivery;
    }
    const controller = new AbortController();
    this.inflight.add(controller);
    const timer = setTimeout(() => controller.abort(new Error("timeout")), options.timeoutMs);
    try {
      const answer = await request({
        url: options.url,
        method: delivery.method,
        headers: options.headers,
        body: options.body,
        signal: controller.signal,
      });
      delivery.status = answer.status;
      delivery.responseBody = answer.body;
      if (answer.location !== undefined) delivery.location = answer.location;
    } catch (err) {
      const reason = controller.signal.aborted ? controller.signal.reason : err;
      delivery.error = reason instanceof Error ? reason.message : String(reason);
    } finally {
      clearTimeout(timer);
      this.inflight.delete(controller);
    }
    return delivery;
  }

  /** Sends a recorded delivery again, unchanged (a duplicate, as Graph may send). */
  resend(id: number, timeoutMs: number): Promise<Delivery> {
    const original = this.log.find((d) => d.id === id);
    if (!original) return Promise.reject(new RangeError(`no delivery with id ${id}`));
    return this.send({
      kind: original.kind,
      url: original.url,
      method: original.method,
      headers: original.headers,
      body: original.body,
      timeoutMs,
    });
  }

  /** Every delivery so far, oldest first. */
  list(): Delivery[] {
    return this.log.map((d) => ({ ...d, headers: { ...d.headers } }));
  }

  /** Forgets the recorded deliveries. */
  clear(): void {
    this.log.length = 0;
  }

  /** Aborts what is in flight and refuses new sends. */
  close(): void {
    this.closed = true;
    for (const controller of this.inflight) controller.abort(new Error("simulator closed"));
  }
}

const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * One HTTP exchange on a fresh connection: nothing is pooled, so nothing outlives
 * the simulator, and the receiver sees exactly the headers given.
 */
function request(options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}): Promise<{ status: number; body: string; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const url = new URL(options.url);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const body = Buffer.from(options.body, "utf8");
    const req = send(
      url,
      {
        method: options.method,
        agent: false,
        headers: { ...options.headers, "content-length": String(body.length) },
        signal: options.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString("utf8"),
            location: res.headers.location,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
