/**
 * The call actions (record, recordResponse, updateRecordingStatus) and the operations they start.
 */

import { operationJson } from "../operation-payloads.js";
import { jsonResponse } from "../pipeline.js";
import type { OperationKind } from "../state.js";
import type { GraphHandler, GraphRequest } from "./context.js";

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

/** GET the operations of a call (used to reconcile a request whose answer was lost). */
export const listOperations: GraphHandler = (req, ctx) => {
  const call = ctx.state.graphCall(param(req, "callId"));
  const value = [...call.operations.values()].map((op) => operationJson(op, { beta: req.beta }));
  return jsonResponse(200, { value });
};
