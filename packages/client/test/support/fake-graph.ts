/**
 * A small stateful stand-in for the Graph call endpoints, with scripted faults, for driving the
 * client's retry and reconcile paths over real HTTP. It counts every operation it creates, so a
 * duplicated action shows up as two operations with one clientContext.
 */
import type { ServerResponse } from "node:http";
import { json, odataError, serve, type TestServer } from "./server.js";

/** What happens to one request. */
export type Fault =
  | "ok"
  /** 429 with a fractional Retry-After; nothing processed. */
  | "429"
  /** 503 without processing. */
  | "503"
  /** The action is processed, then 503 is answered (the dangerous case). */
  | "503-after"
  | "504-after"
  /** The action is processed, then 503 with a Retry-After longer than any test deadline. */
  | "503-after-long"
  /** The action is processed, then the connection is reset before any answer. */
  | "reset-after"
  /** The connection is reset before processing. */
  | "reset"
  /** No answer at all. */
  | "stall"
  /** The action is processed, then a body shorter than its Content-Length. */
  | "truncate"
  /** The action is processed, then an unparsable 200 body. */
  | "invalid";

interface FakeOperation {
  "@odata.type": string;
  id: string;
  status: string;
  clientContext: string | null;
  resultInfo: { code: number; subcode: number; message: string } | null;
  recordingLocation?: string | null;
  recordingAccessToken?: string | null;
  polls: number;
}

export interface FakeGraph extends TestServer {
  /** Operations by call id. */
  calls: Map<string, FakeOperation[]>;
  /** Faults consumed by the next requests, in order, per kind (`action`, `read`). */
  faults: { action: Fault[]; read: Fault[] };
  /** Choose the fault of each request dynamically (overrides `faults` when set). */
  pick?: ((kind: "action" | "read", path: string) => Fault) | undefined;
  /** Polls before an operation completes; `failed` completes as failed. */
  completeAfterPolls: number;
  finalStatus: "completed" | "failed";
  /** How actions answer: `200` (current) or the legacy `202` without a body. */
  actionStyle: "200" | "202";
  /** clientContext -> number of operations created with it. */
  created: Map<string, number>;
}

function applyFault(res: ServerResponse, fault: Fault, processedBody: () => unknown): boolean {
  switch (fault) {
    case "429":
      json(res, 429, odataError("TooManyRequests"), { "retry-after": "0.01" });
      return true;
    case "503":
      json(res, 503, odataError("serviceNotAvailable"));
      return true;
    case "503-after":
      processedBody();
      json(res, 503, odataError("serviceNotAvailable"));
      return true;
    case "503-after-long":
      processedBody();
      json(res, 503, odataError("serviceNotAvailable"), { "retry-after": "600" });
      return true;
    case "504-after":
      processedBody();
      json(res, 504, odataError("gatewayTimeout"));
      return true;
    case "reset":
      res.socket?.destroy();
      return true;
    case "reset-after":
      processedBody();
      res.socket?.destroy();
      return true;
    case "stall":
      return true;
    case "truncate": {
      const text = JSON.stringify(processedBody());
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(text.length + 50),
      });
      res.write(text.slice(0, 5));
      res.socket?.destroy();
      return true;
    }
    case "invalid":
      processedBody();
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id": ');
      return true;
    default:
      return false;
  }
}

/** Starts the fake on 127.0.0.1. */
export async function fakeGraph(): Promise<FakeGraph> {
  let nextId = 0;
  // Assigned right after the server starts, before any request can arrive.
  let state: FakeGraph;
  const view = (op: FakeOperation) => {
    const { polls: _polls, ...rest } = op;
    return rest;
  };
  const server = await serve((req, res, body) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const action =
      /^\/communications\/calls\/([^/]+)\/(recordResponse|record|updateRecordingStatus)$/.exec(
        url.pathname,
      );
    const one = /^\/communications\/calls\/([^/]+)\/operations\/([^/]+)$/.exec(url.pathname);
    const list = /^\/communications\/calls\/([^/]+)\/operations$/.exec(url.pathname);
    const kind = action ? "action" : "read";
    const fault = state.pick
      ? state.pick(kind, url.pathname)
      : (state.faults[kind].shift() ?? "ok");

    if (action && req.method === "POST") {
      const callId = decodeURIComponent(action[1] ?? "");
      const name = action[2] ?? "";
      const operations = state.calls.get(callId) ?? [];
      state.calls.set(callId, operations);
      let created: FakeOperation | undefined;
      const process = () => {
        if (created) return view(created);
        const parsed = JSON.parse(body) as { clientContext?: string };
        created = {
          "@odata.type":
            name === "updateRecordingStatus"
              ? "#microsoft.graph.updateRecordingStatusOperation"
              : "#microsoft.graph.recordOperation",
          id: `op-${++nextId}`,
          status: "running",
          clientContext: parsed.clientContext ?? null,
          resultInfo: null,
          polls: 0,
        };
        operations.push(created);
        const key = parsed.clientContext ?? `(none-${nextId})`;
        state.created.set(key, (state.created.get(key) ?? 0) + 1);
        return view(created);
      };
      if (applyFault(res, fault, process)) return;
      const operation = process();
      const location = `${server.url}/communications/calls/${callId}/operations/${operation.id}`;
      if (state.actionStyle === "202")
        res.writeHead(202, { location, "content-length": "0" }).end();
      else json(res, 200, operation, { location });
      return;
    }
    if (
      applyFault(
        res,
        fault === "503-after" || fault === "504-after" || fault === "503-after-long"
          ? "503"
          : fault,
        () => ({}),
      )
    )
      return;
    if (one && req.method === "GET") {
      const operation = state.calls
        .get(decodeURIComponent(one[1] ?? ""))
        ?.find((op) => op.id === one[2]);
      if (!operation) return json(res, 404, odataError("itemNotFound"));
      operation.polls++;
      if (operation.polls >= state.completeAfterPolls && operation.status === "running") {
        operation.status = state.finalStatus;
        operation.resultInfo =
          state.finalStatus === "failed"
            ? { code: 400, subcode: 8510, message: "recording failed" }
            : { code: 200, subcode: 8515, message: "max record duration reached" };
        if (
          state.finalStatus === "completed" &&
          operation["@odata.type"].endsWith("recordOperation")
        ) {
          operation.recordingLocation = `${server.url}/media/${operation.id}`;
          operation.recordingAccessToken = `REC_TOKEN_${operation.id}`;
        }
      }
      return json(res, 200, view(operation));
    }
    if (list && req.method === "GET") {
      const operations = state.calls.get(decodeURIComponent(list[1] ?? "")) ?? [];
      return json(res, 200, { value: operations.map(view) });
    }
    const media = /^\/media\/([^/]+)$/.exec(url.pathname);
    if (media && req.method === "GET") {
      // The recording host answers only to the operation's own recordingAccessToken.
      if (req.headers.authorization !== `Bearer REC_TOKEN_${media[1]}`)
        return json(res, 401, odataError("unauthenticated"));
      const audio = Buffer.from("RIFF....WAVEfmt fake audio for the tests");
      res.writeHead(200, { "content-type": "audio/wav", "content-length": String(audio.length) });
      res.end(audio);
      return;
    }
    json(res, 404, odataError("itemNotFound", `no route for ${req.method} ${url.pathname}`));
  });
  state = Object.assign(server, {
    calls: new Map<string, FakeOperation[]>(),
    faults: { action: [] as Fault[], read: [] as Fault[] },
    pick: undefined,
    completeAfterPolls: 1,
    finalStatus: "completed" as const,
    actionStyle: "200" as const,
    created: new Map<string, number>(),
  }) as FakeGraph;
  return state;
}
