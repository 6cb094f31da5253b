import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations.
import { measure } from "../bench/bundle-size.mjs";

/** Size budget of the typical import, min+gzip. */
const BUDGET = 8 * 1024;

describe("bundle size", () => {
  it("keeps the typical import within its budget", async () => {
    const size = (await measure(
      'export { createRecordingClient, isRecordingClientError } from "./src/index.ts";',
    )) as { min: number; gzip: number };
    expect(size.gzip).toBeLessThanOrEqual(BUDGET);
  });

  it("leaves openapi-fetch, validation, downloads, meeting recordings and subscriptions out of it", async () => {
    const core = (await measure('export { createRecordingClient } from "./src/index.ts";')) as {
      min: number;
    };
    const all = (await measure(
      'export { createRecordingClient, createRawClient, zodValidator, meetingRecordings, subscriptions, downloadRecordedAudio } from "./src/index.ts";',
    )) as { min: number };
    expect(all.min - core.min).toBeGreaterThan(8_000);
  });
});
