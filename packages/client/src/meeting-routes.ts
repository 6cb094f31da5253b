/** The meeting-recording paths, as spelled in spec/openapi.yaml. */
import type { paths } from "@graph-recording/types";
import { fill } from "./routes.js";

const enc = encodeURIComponent;

/** Which online meeting: one of the signed-in user's (`/me`) or a given user's. */
export interface MeetingRef {
  meetingId: string;
  /** When set, the `/users/{userId}/onlineMeetings/...` form is used; otherwise `/me/...`. */
  userId?: string | undefined;
}

/** The getAllRecordings function: a user's meetings organized by one organizer, in a time window. */
export interface AllRecordingsRef {
  /** The user whose online meetings are read. */
  userId: string;
  /** The organizer (default: `userId`). */
  meetingOrganizerUserId?: string | undefined;
  /** Lower bound (ISO date-time), sent as the `@startDateTime` parameter alias. */
  startDateTime?: string | undefined;
  /** Upper bound (ISO date-time), sent as the `@endDateTime` parameter alias. */
  endDateTime?: string | undefined;
  /** Page size (`$top`; Graph may then omit nextLink). */
  top?: number | undefined;
}

/** Path templates from the spec; `satisfies` fails the build when the spec renames one. */
const templates = {
  meRecordings: "/me/onlineMeetings/{meetingId}/recordings",
  userRecordings: "/users/{userId}/onlineMeetings/{meetingId}/recordings",
  meRecording: "/me/onlineMeetings/{meetingId}/recordings/{recordingId}",
  userRecording: "/users/{userId}/onlineMeetings/{meetingId}/recordings/{recordingId}",
  meContent: "/me/onlineMeetings/{meetingId}/recordings/{recordingId}/content",
  userContent: "/users/{userId}/onlineMeetings/{meetingId}/recordings/{recordingId}/content",
  getAllRecordings:
    "/users/{userId}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='{meetingOrganizerUserId}',startDateTime=@startDateTime,endDateTime=@endDateTime)",
  getAllRecordingsDelta:
    "/users/{userId}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='{meetingOrganizerUserId}',startDateTime=@startDateTime,endDateTime=@endDateTime)/delta",
} as const satisfies Record<string, keyof paths>;

function meetingPath(meeting: MeetingRef, me: string, user: string, recordingId = ""): string {
  const values = { meetingId: meeting.meetingId, userId: meeting.userId ?? "", recordingId };
  return fill(meeting.userId === undefined ? me : user, values);
}

function allRecordings(ref: AllRecordingsRef, template: string): string {
  // Inside the OData string literal a quote is written twice.
  const organizer = (ref.meetingOrganizerUserId ?? ref.userId).replaceAll("'", "''");
  const query: string[] = [];
  // Parameter aliases keep their literal `@`, as the function call in the path refers to them.
  if (ref.startDateTime !== undefined) query.push(`@startDateTime=${enc(ref.startDateTime)}`);
  if (ref.endDateTime !== undefined) query.push(`@endDateTime=${enc(ref.endDateTime)}`);
  if (ref.top !== undefined) query.push(`$top=${ref.top}`);
  const path = fill(template, { userId: ref.userId, meetingOrganizerUserId: organizer });
  return query.length > 0 ? `${path}?${query.join("&")}` : path;
}

export const meetingRoutes = {
  recordings: (meeting: MeetingRef) =>
    meetingPath(meeting, templates.meRecordings, templates.userRecordings),
  recording: (meeting: MeetingRef, recordingId: string) =>
    meetingPath(meeting, templates.meRecording, templates.userRecording, recordingId),
  recordingContent: (meeting: MeetingRef, recordingId: string) =>
    meetingPath(meeting, templates.meContent, templates.userContent, recordingId),
  getAllRecordings: (ref: AllRecordingsRef) => allRecordings(ref, templates.getAllRecordings),
  getAllRecordingsDelta: (ref: AllRecordingsRef) =>
    allRecordings(ref, templates.getAllRecordingsDelta),
};

/** The spec's operationId of each meeting-recording call. */
export const meetingOperationIds = {
  listRecordings: (meeting: MeetingRef) =>
    meeting.userId === undefined
      ? "me_onlineMeeting_listRecordings"
      : "user_onlineMeeting_listRecordings",
  getRecording: (meeting: MeetingRef) =>
    meeting.userId === undefined
      ? "me_onlineMeeting_getRecording"
      : "user_onlineMeeting_getRecording",
  getRecordingContent: (meeting: MeetingRef) =>
    meeting.userId === undefined
      ? "me_onlineMeeting_getRecordingContent"
      : "user_onlineMeeting_getRecordingContent",
  getAllRecordings: "user_onlineMeeting_getAllRecordings",
  getAllRecordingsDelta: "user_onlineMeeting_getAllRecordings_delta",
} as const;
