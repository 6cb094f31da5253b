/**
 * The call actions (record, recordResponse, updateRecordingStatus) and the operations they start.
 */

import { GraphHttpError } from "../errors.js";
import { linkWith, tokenParameter } from "../odata.js";
import { operationJson } from "../operation-payloads.js";
import { jsonResponse } from "../pipeline.js";
import type { OperationKind } from "../state.js";
import { decodeToken, encodeToken } from "../tokens.js";
import type { GraphHandler, GraphRequest } from "./context.js";
import { SKIP_TOKEN_PARAM } from "./recordings.js";

function operationUrl(req: GraphRequest, callId: string, operationId: string): string {
  return `${req.serviceRoot}/communications/calls/${encodeURIComponent(callId)}/operations/${encodeURIComponent(operationId)}`;
}

function param(req: GraphRequest, name: string): string {
  const value = req.params[name];
  if (value === undefined) throw new Error(`route is missing path parameter ${name}`);
  return value;
}

/**
 * An action answered with 200 and the operation body, with `Location` for recordResponse and
 * updateRecordingStatus (the superseded `record` page documents the body only).
 */
export function startAction(kind: OperationKind): GraphHandler {
  return (req, ctx) => {
    const call = ctx.state.graphCall(param(req, "callId"));
    const op = ctx.state.startOperation({
      call,
      kind,
      body: req.body as Record<string, unknown>,
      legacy: false,
    });
    const headers: Record<string, string> =
      kind === "record" ? {} : { location: operationUrl(req, call.id, op.id) };
    return jsonResponse(200, operationJson(op, { beta: req.beta }), headers);
  };
}

/** The legacy record action under `/app` or `/applications/{id}`: 202, `Location`, no body. */
export const startLegacyRecord: GraphHandler = (req, ctx) => {
  const call = ctx.state.graphCall(param(req, "callId"));
  const op = ctx.state.startOperation({
    call,
    kind: "record",
    body: req.body as Record<string, unknown>,
    legacy: true,
  });
  return new Response(null, {
    status: 202,
    headers: { location: operationUrl(req, call.id, op.id) },
  });
};

/** GET one operation of a call. */
export const getOperation: GraphHandler = (req, ctx) => {
  const call = ctx.state.graphCall(param(req, "callId"));
  const op = ctx.state.graphOperation(call, param(req, "operationId"));
  return jsonResponse(200, operationJson(op, { beta: req.beta }));
};

/**
 * GET the operations of a call, oldest first (a client reconciles a request whose answer was lost
 * by finding its clientContext here). Paged like every Graph collection: `pageSize` operations a
 * page, then `@odata.nextLink` with a `$skiptoken` over the operations that existed at the first
 * page, so operations started while a client pages do not shift the pages it has not read.
 */
export const listOperations: GraphHandler = (req, ctx) => {
  const call = ctx.state.graphCall(param(req, "callId"));
  const all = [...call.operations.values()];
  const cursor = operationsCursor(tokenParameter(req.query), all.length);
  const items = all.slice(cursor.offset, Math.min(cursor.offset + ctx.pageSize, cursor.upTo));
  const body: Record<string, unknown> = {
    "@odata.context": `${req.serviceRoot}/$metadata#communications/calls('${call.id}')/operations`,
    value: items.map((op) => operationJson(op, { beta: req.beta })),
  };
  const next = cursor.offset + ctx.pageSize;
  if (next < cursor.upTo) {
    body["@odata.nextLink"] = linkWith(
      req.url,
      SKIP_TOKEN_PARAM,
      encodeToken({
        kind: "skip",
        offset: next,
        after: 0,
        upTo: cursor.upTo,
        generation: ctx.state.tokenGeneration,
      }),
    );
  }
  return jsonResponse(200, body);
};

/** The page a `$skiptoken` of the operations list points to (offset, and the snapshot's size). */
function operationsCursor(
  raw: string | undefined,
  count: number,
): { offset: number; upTo: number } {
  if (raw === undefined) return { offset: 0, upTo: count };
  const token = decodeToken(raw);
  if (
    token?.kind === "skip" &&
    token.after === 0 &&
    token.offset < token.upTo &&
    token.upTo <= count
  ) {
    return token;
  }
  throw new GraphHttpError({
    status: 400,
    code: "BadRequest",
    message: `Invalid value for query option $skiptoken: '${raw}' is not a page of this call's operations. Start again without it.`,
  });
}
