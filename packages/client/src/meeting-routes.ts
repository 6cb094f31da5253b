/** The meeting-recording and subscription paths, as spelled in spec/openapi.yaml. */
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

function meetingRoot(meeting: MeetingRef): string {
  return meeting.userId === undefined
    ? `/me/onlineMeetings/${enc(meeting.meetingId)}`
    : `/users/${enc(meeting.userId)}/onlineMeetings/${enc(meeting.meetingId)}`;
}

/** OData string literal inside a function call: quotes doubled, the rest percent-encoded. */
function odataString(value: string): string {
  return `'${enc(value.replaceAll("'", "''"))}'`;
}

function allRecordings(ref: AllRecordingsRef, suffix: string): string {
  const organizer = odataString(ref.meetingOrganizerUserId ?? ref.userId);
  const query: string[] = [];
  // Parameter aliases keep their literal `@`, as the function call in the path refers to them.
  if (ref.startDateTime !== undefined) query.push(`@startDateTime=${enc(ref.startDateTime)}`);
  if (ref.endDateTime !== undefined) query.push(`@endDateTime=${enc(ref.endDateTime)}`);
  if (ref.top !== undefined) query.push(`$top=${ref.top}`);
  const path =
    `/users/${enc(ref.userId)}/onlineMeetings/getAllRecordings(meetingOrganizerUserId=${organizer},` +
    `startDateTime=@startDateTime,endDateTime=@endDateTime)${suffix}`;
  return query.length > 0 ? `${path}?${query.join("&")}` : path;
}

export const meetingRoutes = {
  recordings: (meeting: MeetingRef) => `${meetingRoot(meeting)}/recordings`,
  recording: (meeting: MeetingRef, recordingId: string) =>
    `${meetingRoot(meeting)}/recordings/${enc(recordingId)}`,
  recordingContent: (meeting: MeetingRef, recordingId: string) =>
    `${meetingRoot(meeting)}/recordings/${enc(recordingId)}/content`,
  getAllRecordings: (ref: AllRecordingsRef) => allRecordings(ref, ""),
  getAllRecordingsDelta: (ref: AllRecordingsRef) => allRecordings(ref, "/delta"),
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
