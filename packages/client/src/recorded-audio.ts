/**
 * Download of the audio a recordOperation captured. A separate import: bots that only report
 * recording status (policy-based recording) never carry the streaming code.
 */
import type { RecordingClient } from "./client.js";
import { type DownloadOptions, openDownload, type RecordingDownload } from "./download.js";
import { internalsOf } from "./internal/context.js";
import type { RecordOperation } from "./models.js";

/**
 * Streams the audio of a completed recordOperation from its `recordingLocation`, with its
 * `recordingAccessToken` and no other credential (the Graph token never goes there, nor does the
 * recording token follow a redirect elsewhere). Resumes with `Range` after stalls and breaks.
 *
 * @example
 * const done = await client.waitForOperation(await client.recordResponse({ callId, body: {} }));
 * const audio = await downloadRecordedAudio(client, done);
 * await pipeline(Readable.fromWeb(audio.body), createWriteStream("reply.wav"));
 */
export function downloadRecordedAudio(
  client: RecordingClient,
  operation: Pick<RecordOperation, "recordingLocation" | "recordingAccessToken">,
  options: DownloadOptions = {},
): Promise<RecordingDownload> {
  const location = operation.recordingLocation;
  const token = operation.recordingAccessToken;
  if (!location || !token) {
    throw new TypeError(
      "downloadRecordedAudio needs an operation with recordingLocation and recordingAccessToken (a completed recordOperation)",
    );
  }
  return openDownload(
    internalsOf(client),
    "downloadRecordedAudio",
    { url: location, credential: { kind: "bearer", url: location, token } },
    options,
  );
}
