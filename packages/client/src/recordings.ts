/**
 * Teams meeting recordings (callRecording): list, get, getAllRecordings, its delta, and the
 * streamed `/content`. A separate entry so that a calling bot's bundle does not carry it.
 */
import type { CallSettings, RecordingClient } from "./client.js";
import { type DownloadOptions, openDownload } from "./download.js";
import { internalsOf } from "./internal/context.js";
import {
  type AllRecordingsRef,
  type MeetingRef,
  meetingOperationIds as operationIds,
  meetingRoutes as routes,
} from "./meeting-routes.js";
import type { CallRecording } from "./models.js";
import { type DeltaOptions, deltaRound, type PagedIterable, paginate } from "./paging.js";

/**
 * The meeting-recording calls, on a client's transport.
 *
 * @example
 * const recordings = meetingRecordings(client);
 * for await (const recording of recordings.getAllRecordings({ userId })) console.log(recording.id);
 */
export function meetingRecordings(client: RecordingClient) {
  const internals = internalsOf(client);
  return {
    /** Recordings of an online meeting, item by item (or `.pages()`). */
    listRecordings(
      input: MeetingRef & { maxPages?: number } & CallSettings,
    ): PagedIterable<CallRecording> {
      return paginate({
        firstUrl: internals.url(routes.recordings(input)),
        operation: "listRecordings",
        maxPages: input.maxPages,
        fetchPage: internals.pageFetcher<CallRecording>(
          "listRecordings",
          operationIds.listRecordings(input),
          input,
        ),
      });
    },

    /** One recording's metadata. */
    getRecording(input: MeetingRef & { recordingId: string } & CallSettings) {
      return internals.getJson<CallRecording>(
        "getRecording",
        operationIds.getRecording(input),
        internals.url(routes.recording(input, input.recordingId)),
        input,
      );
    },

    /** Recordings of every meeting a user organized (getAllRecordings), item by item (or `.pages()`). */
    getAllRecordings(
      input: AllRecordingsRef & { maxPages?: number } & CallSettings,
    ): PagedIterable<CallRecording> {
      return paginate({
        firstUrl: internals.url(routes.getAllRecordings(input)),
        operation: "getAllRecordings",
        maxPages: input.maxPages,
        fetchPage: internals.pageFetcher<CallRecording>(
          "getAllRecordings",
          operationIds.getAllRecordings,
          input,
        ),
      });
    },

    /**
     * One delta round over getAllRecordings: resumes from the stored deltaLink, saves the new one
     * only when the consumer finished the round, and restarts on resyncRequired/syncStateNotFound.
     */
    recordingsDelta(
      input: AllRecordingsRef & DeltaOptions & CallSettings,
    ): PagedIterable<CallRecording> {
      return deltaRound({
        ...input,
        initialUrl: internals.url(routes.getAllRecordingsDelta(input)),
        operation: "recordingsDelta",
        fetchPage: internals.pageFetcher<CallRecording>(
          "recordingsDelta",
          operationIds.getAllRecordingsDelta,
          input,
        ),
      });
    },

    /** Streams a recording's `/content` (Graph token; 402 raises PaymentRequiredError). */
    downloadRecordingContent(input: MeetingRef & { recordingId: string } & DownloadOptions) {
      return openDownload(
        internals,
        "downloadRecordingContent",
        {
          url: internals.url(routes.recordingContent(input, input.recordingId)),
          credential: { kind: "graph" },
        },
        input,
      );
    },
  };
}

/** The object returned by {@link meetingRecordings}. */
export type MeetingRecordings = ReturnType<typeof meetingRecordings>;
