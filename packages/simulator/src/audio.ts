/**
 * Serves a synthesised recording as a stream, honouring a single `Range` (206 with
 * `Content-Range`, 416 when it cannot be satisfied) and, when the content has an entity tag,
 * `If-Range` (a range asked for another version gets the whole file).
 */
import { createHash } from "node:crypto";
import { GraphHttpError } from "./errors.js";
import { type ToneSpec, wavSize, wavStream } from "./wav.js";

/** A byte range `[start, end]`, inclusive as in HTTP. */
interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a `Range` header against a size. Returns undefined to serve the whole file (no header,
 * or a form the server may ignore such as several ranges), or throws 416.
 */
function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, first = "", last = ""] = m;
  let start: number;
  let end: number;
  if (first === "" && last === "") return undefined;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0) throw unsatisfiable(header, size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
    if (last !== "" && Number(last) < start) return undefined;
  }
  if (start >= size) throw unsatisfiable(header, size);
  return { start, end };
}

function unsatisfiable(header: string, size: number): GraphHttpError {
  return new GraphHttpError({
    status: 416,
    code: "invalidRange",
    message: `The requested range '${header}' is not satisfiable: the content is ${size} bytes.`,
    headers: { "content-range": `bytes */${size}` },
  });
}

/** Options of {@link audioResponse}. */
export interface AudioResponseOptions {
  tone: ToneSpec;
  range: string | undefined;
  contentType: string;
  /** Send `Content-Length` on a full answer (false: chunked, as recordingLocation does). */
  contentLength: boolean;
  /**
   * Send this strong `ETag` (see {@link audioEtag}) and honour `If-Range` against it. Without
   * it no `ETag` is sent and `If-Range` is not looked at.
   */
  etag?: string | undefined;
  /** The request's `If-Range` header. */
  ifRange?: string | undefined;
}

/** A strong entity tag for the audio of `tone`: the same bytes always get the same tag. */
export function audioEtag(tone: ToneSpec): string {
  const digest = createHash("sha256")
    .update(`${tone.durationMs}/${tone.frequencyHz}/${tone.sampleRate}`)
    .digest("base64url");
  return `"${digest.slice(0, 22)}"`;
}

/**
 * The Range to serve: RFC 9110 section 13.1.5 says a Range whose `If-Range` does not match the
 * current strong ETag (a date never does, as no Last-Modified is sent) is ignored.
 */
function effectiveRange(options: AudioResponseOptions): string | undefined {
  if (options.etag === undefined || options.ifRange === undefined) return options.range;
  return options.ifRange.trim() === options.etag ? options.range : undefined;
}

/** The response for a whole or partial download of a recording. */
export function audioResponse(options: AudioResponseOptions): Response {
  const size = wavSize(options.tone);
  const range = parseRange(effectiveRange(options), size);
  const headers: Record<string, string> = {
    "content-type": options.contentType,
    "accept-ranges": "bytes",
  };
  if (options.etag !== undefined) headers.etag = options.etag;
  if (range) {
    headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
    headers["content-length"] = String(range.end - range.start + 1);
    return new Response(wavStream(options.tone, range.start, range.end + 1), {
      status: 206,
      headers,
    });
  }
  if (options.contentLength) headers["content-length"] = String(size);
  else headers["transfer-encoding"] = "chunked";
  return new Response(wavStream(options.tone, 0, size), { status: 200, headers });
}
