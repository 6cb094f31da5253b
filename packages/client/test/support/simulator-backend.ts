/**
 * `@graph-recording/simulator` as the tests' backend: one simulator per test (closed after it),
 * what it received and created, and a way to move its virtual clock at an exact point of a
 * conversation instead of sleeping.
 */
import {
  type RecordedRequest,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from "@graph-recording/simulator";
import { afterEach } from "vitest";

/** Returns a starter of simulators that are all closed after each test of the calling file. */
export function simulatorPerTest(): (options?: SimulatorOptions) => Promise<Simulator> {
  const open: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((simulator) => simulator.close()));
  });
  return async (options) => {
    const simulator = await startSimulator(options);
    open.push(simulator);
    return simulator;
  };
}

/** The requests the simulator received for one operationId of the spec, oldest first. */
export function received(simulator: Simulator, operationId: string): RecordedRequest[] {
  return simulator.control.requests({ operationId });
}

/** The operations of a call that carry this clientContext: more than one is a duplicated action. */
export function operationsWith(
  simulator: Simulator,
  callId: string,
  clientContext: string,
): Record<string, unknown>[] {
  return simulator.control
    .operations(callId)
    .filter((operation) => operation.clientContext === clientContext);
}

/** Every clientContext that more than one operation of these calls carries. */
export function duplicatedContexts(simulator: Simulator, callIds: readonly string[]): string[] {
  const duplicated: string[] = [];
  for (const callId of callIds) {
    const seen = new Map<unknown, number>();
    for (const operation of simulator.control.operations(callId)) {
      seen.set(operation.clientContext, (seen.get(operation.clientContext) ?? 0) + 1);
    }
    for (const [context, count] of seen) if (count > 1) duplicated.push(String(context));
  }
  return duplicated;
}

const POLL = /\/communications\/calls\/[^/]+\/operations\/[^/?]+$/;

/**
 * A fetch for the client under test that moves the simulator's virtual clock by `ms` right after
 * the `afterPolls`-th answer to `GET .../operations/{id}` arrived, before the client sees it. The
 * next poll is then the first to find the operation in its new state, whatever the machine's load.
 */
export function fetchAdvancingClock(
  simulator: Simulator,
  options: { afterPolls: number; ms: number },
): typeof globalThis.fetch {
  let polls = 0;
  return async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    if (method === "GET" && POLL.test(url.pathname) && ++polls === options.afterPolls) {
      await simulator.control.advanceClock(options.ms);
    }
    return response;
  };
}

/** Resolves once `holds()` is true, looking every few milliseconds; rejects naming `what` after 10 s. */
export async function until(holds: () => boolean, what: string): Promise<void> {
  const giveUp = Date.now() + 10_000;
  while (!holds()) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
