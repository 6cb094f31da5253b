import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  createRecordingClient,
  GraphError,
  MayHaveBeenSentError,
  NetworkError,
  OperationFailedError,
  type RecordingClientError,
  ThrottledError,
} from "../src/index.js";
import { json, serve, type TestServer } from "./support/server.js";

const SECRETS = [
  "GRAPH_SECRET_TOKEN",
  "REC_SECRET_TOKEN",
  "STATE_SECRET",
  "VALIDATION_SECRET",
  "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
];

/** Every way an error can be turned into text. */
function renderings(error: unknown): string[] {
  return [
    String(error),
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error),
    inspect(error, { showHidden: true, depth: null }),
    inspect({ wrapped: error }, { depth: null }),
  ];
}

function leaks(error: unknown): string[] {
  return renderings(error).flatMap((text) => SECRETS.filter((secret) => text.includes(secret)));
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("secret redaction", () => {
  const cases: [string, () => RecordingClientError][] = [
    [
      "GraphError with secrets in message and innerError",
      () =>
        new GraphError({
          message: "recordResponse: rejected Bearer GRAPH_SECRET_TOKEN",
          operation: "recordResponse",
          status: 400,
          body: {
            code: "badRequest",
            message: "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl is bad",
            innerError: {
              recordingAccessToken: "REC_SECRET_TOKEN",
              clientState: "STATE_SECRET",
              url: "https://x.example/notify?validationToken=VALIDATION_SECRET",
            },
          },
        }),
    ],
    [
      "OperationFailedError whose resultInfo echoes a token",
      () =>
        new OperationFailedError({
          message: "failed",
          operationId: "op-1",
          resultInfo: {
            code: 500,
            subcode: 1,
            message: "Authorization: Bearer GRAPH_SECRET_TOKEN",
          },
          completionReason: "unspecifiedError",
        }),
    ],
    [
      "NetworkError caused by an error holding key material",
      () =>
        new NetworkError({
          message: "broke",
          cause: new Error(
            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
          ),
        }),
    ],
    [
      "MayHaveBeenSentError wrapping a throttle",
      () =>
        new MayHaveBeenSentError({
          message: "may have been sent to https://h.example/?access_token=GRAPH_SECRET_TOKEN",
          clientContext: "ctx",
          reason: "status",
          cause: new ThrottledError({
            message: "Bearer REC_SECRET_TOKEN",
            status: 429,
            retryAfterMs: 1,
            attempts: 1,
          }),
        }),
    ],
  ];

  it.each(cases)("%s renders without secrets", (_name, make) => {
    const error = make();
    expect(leaks(error)).toEqual([]);
    expect(error.toJSON()).toMatchObject({ kind: error.kind });
  });

  it("keeps secrets that a server reflects into its error body out of the error", async () => {
    const s = await serve((req, res) =>
      json(res, 403, {
        error: {
          code: "accessDenied",
          message: `you sent ${req.headers.authorization}`,
          innerError: { recordingAccessToken: "REC_SECRET_TOKEN", "request-id": "r-1" },
        },
      }),
    );
    servers.push(s);
    const client = createRecordingClient({
      baseUrl: s.url,
      getToken: async () => "GRAPH_SECRET_TOKEN",
    });
    const error = await client.getOperation({ callId: "c", operationId: "o" }).catch((e) => e);
    expect(error).toMatchObject({ kind: "graph", code: "accessDenied", requestId: "r-1" });
    expect(error.message).toBe(
      "getOperation: the service answered 403 accessDenied: you sent Bearer [redacted]",
    );
    expect(leaks(error)).toEqual([]);
  });
});
