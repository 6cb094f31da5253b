import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createRecordingClient,
  GraphError,
  MayHaveBeenSentError,
  NetworkError,
  OperationFailedError,
  type RecordingClientError,
  ThrottledError,
} from "../src/index.js";
import { finishedOperation, useSimulators } from "./support/with-simulator.js";

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

function leaks(error: unknown, secrets: readonly string[] = SECRETS): string[] {
  return renderings(error).flatMap((text) => secrets.filter((secret) => text.includes(secret)));
}

const simulator = useSimulators();

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
    const sim = await simulator({ accessTokens: ["GRAPH_SECRET_TOKEN"] });
    sim.control.faults.script(
      {
        kind: "respond",
        status: 403,
        body: {
          error: {
            code: "accessDenied",
            message: "you sent Bearer GRAPH_SECRET_TOKEN",
            innerError: { recordingAccessToken: "REC_SECRET_TOKEN", "request-id": "r-1" },
          },
        },
      },
      { match: { operationId: "call_getOperation" } },
    );
    const client = createRecordingClient({
      baseUrl: sim.baseUrl,
      getToken: async () => "GRAPH_SECRET_TOKEN",
    });
    const call = sim.control.createCall();
    const error = await client.getOperation({ callId: call.id, operationId: "o" }).catch((e) => e);
    // The body above reflects exactly what the client sent.
    const [request] = sim.control.requests();
    expect(request?.headers.authorization).toBe("Bearer GRAPH_SECRET_TOKEN");
    // Every answer of the simulator carries a request-id header, which wins over the body's.
    expect(error).toMatchObject({
      kind: "graph",
      code: "accessDenied",
      requestId: request?.requestId,
    });
    expect(error.message).toBe(
      "getOperation: the service answered 403 accessDenied: you sent Bearer [redacted]",
    );
    expect(leaks(error)).toEqual([]);
  });

  it.each<[string, (operation: Record<string, unknown>, token: string) => string]>([
    [
      "the operation cut off by a stray comma",
      (operation) => `${JSON.stringify(operation).slice(0, -1)},}`,
    ],
    // JSON.parse quotes the 10 characters on either side of an unexpected character.
    ["a token after a stray '='", (_operation, token) => `{"recordingAccessToken":=${token}}`],
    // JSON.parse quotes an input of up to 20 characters whole in its message.
    ["a short single-quoted string", (_operation, token) => `'${token.slice(0, 18)}'`],
  ])(
    "keeps the recordingAccessToken out of the error for an unreadable body: %s",
    async (_name, makeBody) => {
      const sim = await simulator();
      const { callId, operationId, operation } = await finishedOperation(sim);
      const token = String(operation.recordingAccessToken);
      const body = makeBody(operation, token);
      sim.control.faults.script(
        { kind: "contentType", contentType: "application/json", body },
        { match: { operationId: "call_getOperation" } },
      );
      const client = createRecordingClient({
        baseUrl: sim.baseUrl,
        getToken: async () => sim.accessToken,
      });
      const error = await client.getOperation({ callId, operationId }).catch((e) => e);
      expect(error).toMatchObject({ kind: "protocol", status: 200 });
      expect(error.message).toBe("getOperation: the 200 response body is not valid JSON");
      // Not even a piece: every 8 characters of the token are looked for.
      const pieces = Array.from({ length: token.length - 7 }, (_, i) => token.slice(i, i + 8));
      expect(leaks(error, [...SECRETS, ...pieces, sim.accessToken])).toEqual([]);
    },
  );
});
