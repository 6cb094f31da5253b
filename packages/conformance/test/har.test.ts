import { describe, expect, test } from "vitest";
import { operationMatcher, serverBasePaths } from "../src/har.js";
import type { GeneratedValidators } from "../src/index.js";

const pair = {
  open: { safeParse: () => ({ success: true }) },
  strict: { safeParse: () => ({ success: true }) },
};
const validators = (routes: Record<string, [string, string]>): GeneratedValidators => ({
  schemas: {},
  strictSchemas: {},
  requestSchemas: {},
  strictRequestSchemas: {},
  webhooks: {},
  schemaPointers: {},
  operations: Object.fromEntries(
    Object.entries(routes).map(([id, [method, path]]) => [
      id,
      { method, path, responses: { "200": pair } },
    ]),
  ),
});

describe("HAR matching", () => {
  test("expands server variables to every enum value", () => {
    const document = {
      servers: [
        {
          url: "https://graph.microsoft.com/{version}",
          variables: { version: { default: "v1.0", enum: ["v1.0", "beta"] } },
        },
        { url: "http://127.0.0.1:4010" },
      ],
    };
    expect(serverBasePaths(document)).toEqual(["/v1.0", "/beta", ""]);
  });

  const match = operationMatcher(
    validators({
      getRecording: ["get", "/me/onlineMeetings/{meetingId}/recordings/{recordingId}"],
      recordingsDelta: ["get", "/me/onlineMeetings/{meetingId}/recordings/delta"],
      getAllRecordings: [
        "get",
        "/users/{userId}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='{meetingOrganizerUserId}',startDateTime=@startDateTime,endDateTime=@endDateTime)",
      ],
      createSubscription: ["post", "/subscriptions"],
    }),
    ["/v1.0", "/beta", ""],
  );

  test.each([
    ["GET", "https://graph.microsoft.com/v1.0/me/onlineMeetings/m1/recordings/r1", "getRecording"],
    [
      "GET",
      "https://graph.microsoft.com/beta/me/onlineMeetings/m1/recordings/delta?$deltatoken=x",
      "recordingsDelta",
    ],
    [
      "GET",
      "https://graph.microsoft.com/v1.0/users/u1/onlineMeetings/getAllRecordings(meetingOrganizerUserId=%27u1%27,startDateTime=%40startDateTime,endDateTime=%40endDateTime)?%40startDateTime=2024-01-01",
      "getAllRecordings",
    ],
    ["post", "http://127.0.0.1:4010/subscriptions/", "createSubscription"],
    ["GET", "https://graph.microsoft.com/v1.0/subscriptions", undefined],
    ["GET", "https://graph.microsoft.com/v2.0/me/onlineMeetings/m1/recordings/r1", undefined],
  ])("%s %s -> %s", (method, url, operationId) => {
    expect(match(method, url)).toBe(operationId);
  });
});
