/**
 * The audio the simulator serves: a mono 16-bit PCM WAV holding a sine tone, the format Teams
 * media uses (16 kHz). Any byte range is computed on demand, so a two-minute recording is never
 * held in memory and `Range` requests cost only the bytes they ask for.
 */

/** What a synthesised recording sounds like. */
export interface ToneSpec {
  /** Length of the audio in ms. */
  durationMs: number;
  /** Tone frequency in Hz. */
  frequencyHz: number;
  /** Samples per second. */
  sampleRate: number;
}

const HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;
const AMPLITUDE = 0.4 * 0x7fff;

/** Number of samples in the tone. */
function sampleCount(spec: ToneSpec): number {
  return Math.max(0, Math.round((spec.durationMs / 1000) * spec.sampleRate));
}

/** Total size in bytes of the WAV file for `spec`. */
export function wavSize(spec: ToneSpec): number {
  return HEADER_BYTES + sampleCount(spec) * BYTES_PER_SAMPLE;
}

function header(spec: ToneSpec): Buffer {
  const dataBytes = sampleCount(spec) * BYTES_PER_SAMPLE;
  const buf = Buffer.alloc(HEADER_BYTES);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write("WAVE", 8, "ascii");
  buf.write("fmt ", 12, "ascii");
  buf.writeUInt32LE(16, 16); // PCM fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(spec.sampleRate, 24);
  buf.writeUInt32LE(spec.sampleRate * BYTES_PER_SAMPLE, 28); // byte rate
  buf.writeUInt16LE(BYTES_PER_SAMPLE, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(dataBytes, 40);
  return buf;
}

function sample(spec: ToneSpec, index: number): number {
  return Math.round(
    AMPLITUDE * Math.sin((2 * Math.PI * spec.frequencyHz * index) / spec.sampleRate),
  );
}

/** The bytes `[start, end)` of the WAV file for `spec` (clamped to the file). */
export function wavBytes(spec: ToneSpec, start: number, end: number): Buffer {
  const size = wavSize(spec);
  const from = Math.max(0, Math.min(start, size));
  const to = Math.max(from, Math.min(end, size));
  const out = Buffer.alloc(to - from);
  let pos = from;
  if (pos < HEADER_BYTES) {
    const head = header(spec);
    const n = Math.min(HEADER_BYTES, to) - pos;
    head.copy(out, 0, pos, pos + n);
    pos += n;
  }
  // Whole samples covering [pos, to), then copy the wanted slice.
  if (pos < to) {
    const firstSample = Math.floor((pos - HEADER_BYTES) / BYTES_PER_SAMPLE);
    const lastSample = Math.floor((to - 1 - HEADER_BYTES) / BYTES_PER_SAMPLE);
    const pcm = Buffer.alloc((lastSample - firstSample + 1) * BYTES_PER_SAMPLE);
    for (let i = firstSample; i <= lastSample; i++) {
      pcm.writeInt16LE(sample(spec, i), (i - firstSample) * BYTES_PER_SAMPLE);
    }
    const skip = pos - HEADER_BYTES - firstSample * BYTES_PER_SAMPLE;
    pcm.copy(out, pos - from, skip, skip + (to - pos));
  }
  return out;
}

/** A stream of the bytes `[start, end)` of the WAV file, produced in chunks as it is read. */
export function wavStream(
  spec: ToneSpec,
  start: number,
  end: number,
  chunkBytes = 16 * 1024,
): ReadableStream<Uint8Array> {
  let pos = start;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pos >= end) {
        controller.close();
        return;
      }
      const next = Math.min(end, pos + chunkBytes);
      controller.enqueue(new Uint8Array(wavBytes(spec, pos, next)));
      pos = next;
    },
  });
}
