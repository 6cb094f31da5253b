/**
 * The client's tests against @graph-recording/simulator: simulators that close after each test,
 * and scenes set up with plain `fetch` and the control API, so that the request log holds only
 * what the client under test sent.
 */
import { type Simulator, type SimulatorOptions, startSimulator } from "@graph-recording/simulator";
import { afterEach } from "vitest";

/** Returns a starter of simulators; each one is closed after the test that started it. */
export function useSimulators(): (options?: SimulatorOptions) => Promise<Simulator> {
  const running: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()));
  });
  return async (options) => {
    const sim = await startSimulator(options);
    running.push(sim);
    return sim;
  };
}

/** Sends a Graph request with the simulator's token, outside the client under test. */
async function graphFetch(sim: Simulator, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${sim.accessToken}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: the simulator answered ${response.status}`);
  return response;
}

/** An operation the simulator is running on a new call (the request log is cleared). */
export async function runningOperation(
  sim: Simulator,
): Promise<{ callId: string; operationId: string; operation: Record<string, unknown> }> {
  const call = sim.control.createCall();
  const response = await graphFetch(sim, `/communications/calls/${call.id}/recordResponse`, {
    maxRecordDurationInSeconds: 5,
  });
  const operation = (await response.json()) as Record<string, unknown>;
  sim.control.clearLogs();
  return { callId: call.id, operationId: String(operation.id), operation };
}
