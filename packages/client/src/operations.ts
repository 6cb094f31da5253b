/**
 * The commsOperation helper: takes whatever an action answered (200 + Location + body, the legacy
 * 202 + Location with no body, or an already final body) and resolves to the final operation,
 * polling `operations/{id}` with backoff inside the deadline, racing a notification that may
 * arrive first, and turning `failed` into OperationFailedError.
 */
import { OperationFailedError, ProtocolError, type ResultInfo } from "./errors.js";
import { type Deadline, sleep } from "./internal/timing.js";

/** The fields of a commsOperation this client reads. */
export interface OperationLike {
  "@odata.type"?: string;
  id?: string;
  status?: string | null;
  clientContext?: string | null;
  resultInfo?: ResultInfo | null;
  completionReason?: string | null;
  recordingLocation?: string | null;
  recordingAccessToken?: string | null;
}

/** Lowercase status, so `Completed` (CSDL) and `completed` (docs) compare equal. */
function statusOf(operation: OperationLike | undefined): string | undefined {
  return typeof operation?.status === "string" ? operation.status.toLowerCase() : undefined;
}

/** Whether the operation reached `completed` or `failed`. */
function isFinal(operation: OperationLike | undefined): boolean {
  const status = statusOf(operation);
  return status === "completed" || status === "failed";
}

/** Throws OperationFailedError for `failed`; returns the operation otherwise. */
function settle<T extends OperationLike>(operation: T, name: string, clientRequestId?: string): T {
  if (statusOf(operation) !== "failed") return operation;
  const info = operation.resultInfo;
  const detail = info
    ? ` (code ${info.code ?? "?"}, subcode ${info.subcode ?? "?"}${info.message ? `: ${info.message}` : ""})`
    : "";
  throw new OperationFailedError({
    message: `${name}: operation ${operation.id ?? "(no id)"} failed${detail}${operation.completionReason ? `, completionReason ${operation.completionReason}` : ""}`,
    operation: name,
    clientRequestId,
    operationId: operation.id,
    resultInfo: info,
    completionReason: operation.completionReason,
  });
}

/**
 * Where operation updates from notifications meet the callers waiting for them. Final states are
 * remembered for a while, so a notification that arrives before `wait` starts still wins the race.
 */
export class OperationHub {
  private readonly finals = new Map<string, { operation: OperationLike; at: number }>();
  private readonly waiters = new Map<string, Set<(operation: OperationLike) => void>>();

  constructor(
    private readonly retainMs = 10 * 60_000,
    private readonly maxRetained = 5_000,
  ) {}

  /** Hands an operation update over; final states resolve every waiter for that id. */
  publish(operation: OperationLike): void {
    if (!operation.id || !isFinal(operation)) return;
    this.prune();
    this.finals.set(operation.id, { operation, at: Date.now() });
    for (const resolve of this.waiters.get(operation.id) ?? []) resolve(operation);
    this.waiters.delete(operation.id);
  }

  /** The final state already received for `id`, if any. */
  peek(id: string): OperationLike | undefined {
    return this.finals.get(id)?.operation;
  }

  /** Resolves with the final state of `id` when it is published; rejects when `signal` aborts. */
  next(id: string, signal: AbortSignal): Promise<OperationLike> {
    const known = this.peek(id);
    if (known) return Promise.resolve(known);
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const set = this.waiters.get(id) ?? new Set();
      const done = (operation: OperationLike) => {
        signal.removeEventListener("abort", onAbort);
        resolve(operation);
      };
      const onAbort = () => {
        set.delete(done);
        if (set.size === 0) this.waiters.delete(id);
        reject(signal.reason);
      };
      set.add(done);
      this.waiters.set(id, set);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  private prune(): void {
    const cutoff = Date.now() - this.retainMs;
    for (const [id, entry] of this.finals) {
      if (entry.at >= cutoff && this.finals.size < this.maxRetained) break;
      this.finals.delete(id);
    }
  }
}

/** Polling cadence: starts at `initialDelayMs`, grows by `factor`, capped at `maxDelayMs`. */
export interface PollOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export const DEFAULT_POLL: PollOptions = { initialDelayMs: 1_000, maxDelayMs: 10_000, factor: 1.5 };

/** What an action answered, as the helper needs it. */
export interface ActionResult<T extends OperationLike> {
  status: number;
  location: string | undefined;
  operation: T | undefined;
}

/** Polls until final or until the notification hub delivers the final state first. */
export async function waitForFinal<T extends OperationLike>(options: {
  name: string;
  result: ActionResult<T>;
  /** Builds the operation URL from its id when `Location` is absent. */
  operationUrl: (id: string) => string | undefined;
  /** Reads the operation within `deadline`; `signal` ends the read once the race is decided. */
  get: (url: string, deadline: Deadline, signal: AbortSignal) => Promise<T>;
  deadline: Deadline;
  poll: PollOptions;
  hub: OperationHub | undefined;
  clientRequestId: string;
}): Promise<T> {
  const { result, name, deadline } = options;
  if (result.operation && isFinal(result.operation)) {
    return settle(result.operation, name, options.clientRequestId);
  }
  const id = result.operation?.id ?? idFromLocation(result.location);
  const url = result.location ?? (id ? options.operationUrl(id) : undefined);
  if (!url) {
    throw new ProtocolError({
      message: `${name}: the service answered ${result.status} with neither a Location header nor an operation id to poll`,
      operation: name,
      clientRequestId: options.clientRequestId,
      status: result.status,
    });
  }
  const race = new AbortController();
  const stopRace = () => race.abort(deadline.signal.reason);
  deadline.signal.addEventListener("abort", stopRace, { once: true });
  try {
    const polling = pollUntilFinal({ ...options, url, signal: race.signal });
    const notified =
      options.hub && id
        ? (options.hub.next(id, race.signal) as Promise<T>)
        : new Promise<T>(() => undefined);
    // Whichever side settles first wins; the other is stopped by aborting the race signal.
    polling.catch(() => undefined);
    notified.catch(() => undefined);
    let final: T;
    try {
      final = await Promise.race([polling, notified]);
    } catch (error) {
      // Past the deadline, report the deadline, whichever side noticed first.
      throw deadline.signal.aborted ? deadline.signal.reason : error;
    }
    return settle(final, name, options.clientRequestId);
  } finally {
    deadline.signal.removeEventListener("abort", stopRace);
    race.abort(new Error("settled"));
  }
}

async function pollUntilFinal<T extends OperationLike>(options: {
  url: string;
  get: (url: string, deadline: Deadline, signal: AbortSignal) => Promise<T>;
  deadline: Deadline;
  poll: PollOptions;
  signal: AbortSignal;
}): Promise<T> {
  let delay = options.poll.initialDelayMs;
  for (;;) {
    await sleep(Math.min(delay, options.deadline.remaining()), options.signal);
    options.deadline.check();
    const operation = await options.get(options.url, options.deadline, options.signal);
    if (isFinal(operation)) return operation;
    delay = Math.min(options.poll.maxDelayMs, delay * options.poll.factor);
  }
}

/** The last path segment of `.../operations/{id}`. */
function idFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const match = /\/operations\/([^/?#]+)/.exec(location);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
