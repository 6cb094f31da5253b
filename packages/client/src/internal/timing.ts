/**
 * Time primitives: Retry-After parsing, full-jitter backoff, abortable sleeps, and the single
 * deadline that covers a logical call (retries, redirects, polling and body reads).
 */
import { AbortedError, RecordingErrorBase, TimeoutError } from "../errors.js";

/**
 * Milliseconds the server asked to wait, from `Retry-After` in any of its forms: integer seconds,
 * fractional seconds (Graph sends `2.128`), or an HTTP-date. Rounded up so the wait is never
 * shorter than asked. Undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // An HTTP-date names a weekday and a month; anything else (e.g. "-1") is not a delay.
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil(at - now));
}

/** Backoff settings for retries that have no server timing. */
export interface BackoffOptions {
  /** First delay ceiling in ms (default 500). */
  baseDelayMs: number;
  /** Largest delay ceiling in ms (default 30 000). Never applied to a server's Retry-After. */
  maxDelayMs: number;
}

/** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. `attempt` counts from 1. */
export function fullJitterDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * One logical call's time budget and cancellation: it combines the caller's signal with a timer,
 * and every fetch, body read and sleep of the call listens to `signal`.
 */
export class Deadline {
  readonly expiresAt: number;
  /** Whether `signal` was handed out: then its controller must serve no other call. */
  handedOut = false;
  private readonly controller: AbortController;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopListening: (() => void) | undefined;

  constructor(options: {
    timeoutMs: number;
    signal?: AbortSignal | undefined;
    operation?: string;
    /** A controller to abort (one that has served finished calls), instead of a new one. */
    controller?: AbortController | undefined;
  }) {
    const { timeoutMs, signal, operation } = options;
    const controller = options.controller ?? new AbortController();
    this.controller = controller;
    this.expiresAt = Date.now() + timeoutMs;
    if (signal) {
      // An outer deadline that passes its own error on (a timeout) keeps it; anything else is an abort.
      const onAbort = () =>
        controller.abort(
          signal.reason instanceof RecordingErrorBase
            ? signal.reason
            : new AbortedError({
                message: `${operation ?? "call"} was aborted by the caller`,
                operation,
              }),
        );
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener("abort", onAbort, { once: true });
        this.stopListening = () => signal.removeEventListener("abort", onAbort);
      }
    }
    if (!this.aborted && Number.isFinite(timeoutMs)) {
      this.timer = setTimeout(() => {
        controller.abort(
          new TimeoutError({
            message: `${operation ?? "call"} did not finish within its deadline of ${timeoutMs} ms`,
            operation,
            timeoutMs,
          }),
        );
      }, timeoutMs);
      // A pending deadline never keeps the process alive on its own.
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  /** Aborts with `reason` when the call ends early. Whoever gets it may keep it (see `handedOut`). */
  get signal(): AbortSignal {
    this.handedOut = true;
    return this.controller.signal;
  }

  /** The same signal, for the call's own fetches, which are over when the call is. */
  get fetchSignal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether the call ended early (see `reason`). */
  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  /** Why the call ended early: a TimeoutError, an AbortedError, or the caller's own error. */
  get reason(): unknown {
    return this.controller.signal.reason;
  }

  /** Milliseconds left before the deadline (0 when passed). */
  remaining(): number {
    return Math.max(0, this.expiresAt - Date.now());
  }

  /** Throws the abort or timeout error if the call is over. */
  check(): void {
    if (this.aborted) throw this.reason;
  }

  /** Releases the timer and the listener on the caller's signal. */
  dispose(): void {
    clearTimeout(this.timer);
    this.stopListening?.();
  }
}

/** Sleeps `ms`, rejecting with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
