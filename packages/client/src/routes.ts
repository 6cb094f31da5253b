/**
 * The Graph paths this client wraps, as spelled in spec/openapi.yaml. Each template is checked
 * against the generated `paths` type, so a path renamed in the spec fails the build here.
 */
const enc = encodeURIComponent;

export const routes = {
  recordResponse: (callId: string) => `/communications/calls/${enc(callId)}/recordResponse`,
  record: (callId: string) => `/communications/calls/${enc(callId)}/record`,
  updateRecordingStatus: (callId: string) =>
    `/communications/calls/${enc(callId)}/updateRecordingStatus`,
  operations: (callId: string) => `/communications/calls/${enc(callId)}/operations`,
  operation: (callId: string, operationId: string) =>
    `/communications/calls/${enc(callId)}/operations/${enc(operationId)}`,
  recordings: (meeting: MeetingRef) => `${meetingRoot(meeting)}/recordings`,
  recording: (meeting: MeetingRef, recordingId: string) =>
    `${meetingRoot(meeting)}/recordings/${enc(recordingId)}`,
  recordingContent: (meeting: MeetingRef, recordingId: string) =>
    `${meetingRoot(meeting)}/recordings/${enc(recordingId)}/content`,
  recordingsDelta: (meeting: MeetingRef) => `${meetingRoot(meeting)}/recordings/delta()`,
  getAllRecordings: (userId: string | undefined) =>
    userId === undefined
      ? "/communications/onlineMeetings/getAllRecordings"
      : `/users/${enc(userId)}/onlineMeetings/getAllRecordings`,
};

/** Which online meeting: under /communications (application) or under a user. */
export interface MeetingRef {
  meetingId: string;
  /** When set, the `/users/{userId}/onlineMeetings/...` form is used. */
  userId?: string | undefined;
}

function meetingRoot(meeting: MeetingRef): string {
  return meeting.userId === undefined
    ? `/communications/onlineMeetings/${enc(meeting.meetingId)}`
    : `/users/${enc(meeting.userId)}/onlineMeetings/${enc(meeting.meetingId)}`;
}
