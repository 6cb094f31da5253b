// The program every consumer setup compiles and runs: start the simulator, drive it through the
// client (record, wait for the operation, download the audio, list a meeting's recordings), and
// check every answer with the strict validators of @graph-recording/zod. Each setup adds its own
// imports in front (ESM `import`, CommonJS `require`, TypeScript with types).

/** Statements shared by every setup; valid as JavaScript and as strict TypeScript. */
export const flow = `
const sim = await startSimulator();
try {
  const client = createRecordingClient({
    baseUrl: sim.baseUrl,
    getToken: async () => sim.accessToken,
    poll: { initialDelayMs: 10, maxDelayMs: 50 },
    validation: { mode: "error", validate: zodValidator(graphZod, { strict: true }) },
  });
  const call = sim.control.createCall();
  const started = await client.recordResponse({
    callId: call.id,
    body: { maxRecordDurationInSeconds: 5, clientContext: "smoke-1" },
  });
  const startedValidator = responseValidator("call_recordResponse", 200, "strict");
  if (!startedValidator) throw new Error("no validator for call_recordResponse 200");
  expectValid("recordResponse answer", startedValidator.safeParse(started.operation));

  const finished = client.waitForOperation(started);
  await sim.control.advanceClock(10_000);
  const done = await finished;
  expectValid("final recordOperation", recordOperationStrictSchema.safeParse(done));
  if (done.status !== "completed") throw new Error("operation ended " + done.status);

  const audio = await downloadRecordedAudio(client, done);
  const bytes = new Uint8Array(await new Response(audio.body).arrayBuffer());
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== "RIFF") throw new Error("recording is not a WAV file: " + magic);

  const meeting = sim.control.createMeeting();
  await sim.control.addRecording(meeting.id, { callId: call.id });
  await sim.control.addRecording(meeting.id);
  const ids = [];
  const recordings = meetingRecordings(client).listRecordings({
    meetingId: meeting.id,
    userId: meeting.organizerUserId,
  });
  for await (const recording of recordings) {
    expectValid("callRecording " + recording.id, callRecordingStrictSchema.safeParse(recording));
    ids.push(recording.id);
  }
  if (ids.length !== 2) throw new Error("expected 2 recordings, listed " + ids.length);
  console.log(
    "smoke ok: operation " + done.status + ", " + bytes.length + " audio bytes, " +
      ids.length + " recordings",
  );
} finally {
  await sim.close();
}
`;

/** Throws with every issue when a validator rejected a payload. */
export const expectValidJs = `
function expectValid(what, result) {
  if (!result.success) throw new Error(what + " is invalid: " + JSON.stringify(result.error.issues));
}
`;

export const expectValidTs = `
function expectValid(
  what: string,
  result: { success: boolean; error?: { issues: readonly unknown[] } },
): void {
  if (!result.success) throw new Error(what + " is invalid: " + JSON.stringify(result.error?.issues));
}
`;
