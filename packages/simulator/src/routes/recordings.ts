/**
 * callRecording endpoints: list and get under a meeting, `/content`, `getAllRecordings` with
 * paging, and its `delta` with skip and delta tokens.
 */
import { audioResponse } from "../audio.js";
import { GraphHttpError } from "../errors.js";
import {
  dateParameter,
  functionParameters,
  linkWith,
  recordingFilter,
  tokenParameter,
  topParameter,
} from "../odata.js";
import { jsonResponse } from "../pipeline.js";
import type { SimMeeting, SimRecording, SimulatorState } from "../state.js";
import { decodeToken, encodeToken, type SkipToken } from "../tokens.js";
import type { GraphHandler, GraphRequest, HandlerContext } from "./context.js";

/** Name of the query parameter carrying the next page's token in `@odata.nextLink`. */
export const SKIP_TOKEN_PARAM = "$skiptoken";
/** Name of the query parameter carrying the next round's token in `@odata.deltaLink`. */
const DELTA_TOKEN_PARAM = "$deltatoken";
/** Content type of recording content. */
const RECORDING_CONTENT_TYPE = "application/octet-stream";

function notFound(message: string): GraphHttpError {
  return new GraphHttpError({ status: 404, code: "itemNotFound", message });
}

/** The JSON of a callRecording as Graph returns it. */
export function recordingJson(
  recording: SimRecording,
  state: SimulatorState,
  serviceRoot: string,
): Record<string, unknown> {
  const organizer = state.organizerOf(recording);
  const meeting = state.meetings.get(recording.meetingId);
  return {
    "@odata.type": "#microsoft.graph.callRecording",
    id: recording.id,
    meetingId: recording.meetingId,
    callId: recording.callId,
    contentCorrelationId: recording.contentCorrelationId,
    createdDateTime: new Date(recording.createdAt).toISOString(),
    endDateTime: new Date(recording.endAt).toISOString(),
    recordingContentUrl: `${serviceRoot}/users/${encodeURIComponent(organizer)}/onlineMeetings/${encodeURIComponent(recording.meetingId)}/recordings/${encodeURIComponent(recording.id)}/content`,
    meetingOrganizer: {
      application: null,
      device: null,
      user: {
        "@odata.type": "#microsoft.graph.teamworkUserIdentity",
        id: organizer,
        displayName: null,
        userIdentityType: "aadUser",
        tenantId: meeting?.tenantId ?? state.config.tenantId,
      },
    },
  };
}

/** The meeting named by the path, checked against the user in the path (`me` or an id). */
function meetingFor(req: GraphRequest, ctx: HandlerContext): SimMeeting {
  const meetingId = req.params.meetingId ?? "";
  const userId = req.params.userId ?? ctx.state.config.meUserId;
  const meeting = ctx.state.meetings.get(meetingId);
  if (!meeting || meeting.organizerUserId !== userId) {
    throw notFound(`Online meeting ${meetingId} was not found for user ${userId}.`);
  }
  return meeting;
}

function recordingIn(meeting: SimMeeting, recordingId: string): SimRecording {
  const recording = meeting.recordings.find((r) => r.id === recordingId);
  if (!recording)
    throw notFound(`Recording ${recordingId} was not found in meeting ${meeting.id}.`);
  return recording;
}

/** Decodes a token from the query, answering 410 for tokens that are expired or foreign. */
function readToken(req: GraphRequest, ctx: HandlerContext) {
  const raw = tokenParameter(req.query);
  if (raw === undefined) return undefined;
  const token = decodeToken(raw);
  if (!token) {
    throw new GraphHttpError({
      status: 410,
      code: "syncStateNotFound",
      message:
        "The skip or delta token was not issued by this service. Start again without a token.",
    });
  }
  if (token.generation !== ctx.state.tokenGeneration) {
    throw new GraphHttpError({
      status: 410,
      code: "resyncRequired",
      message: "The skip or delta token has expired. Start a new round without a token.",
    });
  }
  return token;
}

interface PageOptions {
  req: GraphRequest;
  ctx: HandlerContext;
  select: (r: SimRecording) => boolean;
  delta: boolean;
}

/** One page of recordings: a snapshot sliced by offset, with nextLink or deltaLink. */
function page({ req, ctx, select, delta }: PageOptions): Response {
  const token = readToken(req, ctx);
  const size = topParameter(req.query) ?? ctx.pageSize;
  const generation = ctx.state.tokenGeneration;
  let cursor: SkipToken;
  if (token?.kind === "skip") cursor = token;
  else {
    cursor = {
      kind: "skip",
      offset: 0,
      after: token?.kind === "delta" ? token.after : 0,
      upTo: ctx.state.lastRecordingSeq(),
      generation,
    };
  }
  const snapshot = ctx.state
    .allRecordings()
    .filter((r) => r.seq > cursor.after && r.seq <= cursor.upTo && select(r));
  const items = snapshot.slice(cursor.offset, cursor.offset + size);
  const body: Record<string, unknown> = {
    "@odata.context": `${req.serviceRoot}/$metadata#Collection(callRecording)`,
  };
  const more = cursor.offset + size < snapshot.length;
  if (more) {
    body["@odata.nextLink"] = linkWith(
      req.url,
      SKIP_TOKEN_PARAM,
      encodeToken({ ...cursor, offset: cursor.offset + size }),
    );
  } else if (delta) {
    body["@odata.deltaLink"] = linkWith(
      req.url,
      DELTA_TOKEN_PARAM,
      encodeToken({ kind: "delta", after: cursor.upTo, generation }),
    );
  }
  body.value = items.map((r) => recordingJson(r, ctx.state, req.serviceRoot));
  return jsonResponse(200, body);
}

/** GET the recordings of a meeting. */
export const listRecordings: GraphHandler = (req, ctx) => {
  const meeting = meetingFor(req, ctx);
  const filter = recordingFilter(req.query);
  return page({
    req,
    ctx,
    delta: false,
    select: (r) =>
      r.meetingId === meeting.id &&
      (filter.contentCorrelationId === undefined ||
        r.contentCorrelationId === filter.contentCorrelationId),
  });
};

/**
 * Applies `$select` (comma-separated property names) to a recording's JSON; annotations and
 * the key `id` (which the spec requires) are kept. An unknown name answers 400, as Graph does.
 */
function selectProperties(
  json: Record<string, unknown>,
  select: string | null,
): Record<string, unknown> {
  if (select === null) return json;
  const names = select
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  const known = new Set([...Object.keys(json), "content", "meetingOrganizerId"]);
  const unknown = names.find((n) => !known.has(n));
  if (unknown !== undefined) {
    throw new GraphHttpError({
      status: 400,
      code: "BadRequest",
      message: `Could not find a property named '${unknown}' on type 'microsoft.graph.callRecording'.`,
    });
  }
  return Object.fromEntries(
    Object.entries(json).filter(
      ([key]) => key.startsWith("@") || key === "id" || names.includes(key),
    ),
  );
}

/** GET one recording (`$select` honoured). */
export const getRecording: GraphHandler = (req, ctx) => {
  const recording = recordingIn(meetingFor(req, ctx), req.params.recordingId ?? "");
  const json = recordingJson(recording, ctx.state, req.serviceRoot);
  return jsonResponse(200, selectProperties(json, req.query.get("$select")));
};

/**
 * GET a recording's content, streamed with its length. `Range` is ignored (200, whole file):
 * the spec declares no 206 for this operation.
 */
export const getRecordingContent: GraphHandler = (req, ctx) => {
  const recording = recordingIn(meetingFor(req, ctx), req.params.recordingId ?? "");
  return audioResponse({
    tone: recording.tone,
    range: undefined,
    contentType: RECORDING_CONTENT_TYPE,
    contentLength: true,
  });
};

/** Which recordings a getAllRecordings call covers: organizer and creation-time window. */
function allRecordingsSelector(
  req: GraphRequest,
  ctx: HandlerContext,
): (r: SimRecording) => boolean {
  const fn = functionParameters(req.params.fn ?? "", req.query);
  const pick = (name: string) => fn.get(name) ?? req.query.get(name) ?? undefined;
  const filter = recordingFilter(req.query);
  const organizer =
    pick("meetingOrganizerUserId") ?? filter.organizerUserId ?? req.params.userId ?? undefined;
  const start = dateParameter("startDateTime", pick("startDateTime"));
  const end = dateParameter("endDateTime", pick("endDateTime"));
  return (r) =>
    (organizer === undefined || ctx.state.organizerOf(r) === organizer) &&
    (start === undefined || r.createdAt >= start) &&
    (end === undefined || r.createdAt <= end);
}

/** GET getAllRecordings(...): every recording of an organizer, paged with `@odata.nextLink`. */
export const getAllRecordings: GraphHandler = (req, ctx) =>
  page({ req, ctx, delta: false, select: allRecordingsSelector(req, ctx) });

/** GET getAllRecordings(...)/delta: rounds of new recordings, ended by `@odata.deltaLink`. */
export const recordingsDelta: GraphHandler = (req, ctx) =>
  page({ req, ctx, delta: true, select: allRecordingsSelector(req, ctx) });
