/**
 * Streaming download of recording media: never buffered whole, an idle timeout instead of a total
 * one, and resumption with `Range` (or by skipping what was already delivered when the server
 * ignores ranges) after a stall or a broken connection.
 */
import {
  AbortedError,
  NetworkError,
  ProtocolError,
  RecordingErrorBase,
  TimeoutError,
} from "./errors.js";
import type { ClientInternals } from "./internal/context.js";
import { type Credential, toGraphError } from "./transport.js";

/** A recording being streamed. */
export interface RecordingDownload {
  /** The media bytes; read it, pipe it, or cancel it. */
  body: ReadableStream<Uint8Array>;
  /** Total size when the server sent one. */
  contentLength: number | undefined;
  contentType: string | undefined;
  /** How many times the stream was resumed so far (grows while reading). */
  readonly resumes: number;
}

/** Download tuning. */
export interface DownloadOptions {
  signal?: AbortSignal | undefined;
  /** Fail (or resume) when no byte arrives for this long (default 30 000 ms). */
  idleTimeoutMs?: number | undefined;
  /** Reconnections allowed after stalls or broken connections (default 3). */
  maxResumes?: number | undefined;
  /** Time budget for each request until response headers, retries included (default: the client's timeout). */
  timeoutMs?: number | undefined;
}

/** Opens the resource; `range` asks for the bytes from `start` on (If-Range pins the version). */
type OpenResource = (
  range: { start: number; ifRange: string | undefined } | undefined,
) => Promise<Response>;

function parseContentRangeStart(value: string | null): number | undefined {
  const match = value ? /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(value.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

/** Reads one chunk or rejects after `idleMs` without data. */
async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  idleMs: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IdleTimeout()), idleMs);
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } finally {
    clearTimeout(timer);
  }
}

class IdleTimeout extends Error {}

/** Builds the resumable stream around `open`, which applies credentials and the retry policy. */
async function streamDownload(options: {
  operation: string;
  open: OpenResource;
  download: DownloadOptions;
}): Promise<RecordingDownload> {
  const { operation, open } = options;
  const idleMs = options.download.idleTimeoutMs ?? 30_000;
  const maxResumes = options.download.maxResumes ?? 3;
  const signal = options.download.signal;
  const first = await open(undefined);
  if (!first.body) {
    throw new ProtocolError({
      message: `${operation}: the response had no body`,
      operation,
      status: first.status,
    });
  }
  const length = first.headers.get("content-length");
  const etag = first.headers.get("etag") ?? undefined;
  const total = length !== null && first.status === 200 ? Number(length) : undefined;
  let reader = first.body.getReader();
  let received = 0;
  let resumes = 0;
  let skip = 0;

  const abortError = () =>
    signal?.reason instanceof RecordingErrorBase
      ? signal.reason
      : new AbortedError({ message: `${operation} was aborted by the caller`, operation });
  const onAbort = () => {
    reader.cancel().catch(() => undefined);
  };
  signal?.addEventListener("abort", onAbort, { once: true });

  async function reopen(cause: unknown): Promise<void> {
    reader.cancel().catch(() => undefined);
    if (resumes >= maxResumes) {
      if (cause instanceof IdleTimeout) {
        throw new TimeoutError({
          message: `${operation}: no data for ${idleMs} ms after ${received} bytes and ${resumes} resumptions`,
          operation,
          timeoutMs: idleMs,
        });
      }
      throw new NetworkError({
        message: `${operation}: the download broke after ${received} bytes and ${resumes} resumptions`,
        operation,
        cause,
      });
    }
    resumes++;
    // Weak validators cannot pin a byte range; only strong ETags go into If-Range.
    const ifRange = etag && !etag.startsWith("W/") ? etag : undefined;
    const response = await open({ start: received, ifRange });
    if (!response.body)
      throw new ProtocolError({ message: `${operation}: resumed response had no body`, operation });
    if (response.status === 206) {
      const start = parseContentRangeStart(response.headers.get("content-range"));
      if (start !== received) {
        response.body.cancel().catch(() => undefined);
        throw new ProtocolError({
          message: `${operation}: asked to resume at byte ${received}, the server sent a range starting at ${start ?? "an unreadable position"}`,
          operation,
          status: 206,
        });
      }
      skip = 0;
    } else {
      // The server ignored Range (or the resource changed): skip what the consumer already has.
      skip = received;
    }
    reader = response.body.getReader();
  }

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          if (signal?.aborted) throw abortError();
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await readWithin(reader, idleMs);
          } catch (error) {
            if (signal?.aborted) throw abortError();
            await reopen(error);
            continue;
          }
          if (signal?.aborted) throw abortError();
          if (chunk.done) {
            if (total !== undefined && received < total) {
              await reopen(new Error(`stream ended at ${received} of ${total} bytes`));
              continue;
            }
            signal?.removeEventListener("abort", onAbort);
            controller.close();
            return;
          }
          let bytes = chunk.value;
          if (skip > 0) {
            const dropped = Math.min(skip, bytes.byteLength);
            skip -= dropped;
            bytes = bytes.subarray(dropped);
            if (bytes.byteLength === 0) continue;
          }
          received += bytes.byteLength;
          controller.enqueue(bytes);
          return;
        }
      },
      cancel(reason) {
        signal?.removeEventListener("abort", onAbort);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );

  return {
    body,
    contentLength: total,
    contentType: first.headers.get("content-type") ?? undefined,
    get resumes() {
      return resumes;
    },
  };
}

/** Opens a resumable download through a client's transport, with the given credential. */
export function openDownload(
  internals: Pick<ClientInternals, "send">,
  operation: string,
  target: { url: string; credential: Credential },
  options: DownloadOptions,
): Promise<RecordingDownload> {
  return streamDownload({
    operation,
    download: options,
    open: async (range) => {
      const headers = new Headers({ accept: "*/*" });
      if (range) {
        headers.set("range", `bytes=${range.start}-`);
        if (range.ifRange) headers.set("if-range", range.ifRange);
      }
      const response = await internals.send({
        operation,
        method: "GET",
        url: target.url,
        credential: target.credential,
        headers,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        buffer: false,
      });
      if (!response.ok) throw await toGraphError(response, { operation });
      return response;
    },
  });
}
