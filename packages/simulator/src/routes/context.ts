/** What every Graph route handler receives. */
import type { Exchange, PipelineDeps } from "../pipeline.js";
import type { SimulatorState } from "../state.js";

/** Shared services of the handlers. */
export interface HandlerContext {
  state: SimulatorState;
  deps: PipelineDeps;
  /** Default page size of collections. */
  pageSize: number;
  /** Real-time limit for a subscriber to answer the validation handshake. */
  validationTimeoutMs: number;
}

/** One Graph request after auth, body parsing and validation. */
export interface GraphRequest extends Exchange {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when the route takes none). */
  body: unknown;
  /** Whether the request came in under `/beta`. */
  beta: boolean;
  /** Service root of the request, e.g. `http://127.0.0.1:4000/beta`. */
  serviceRoot: string;
}

/** A Graph route handler. */
export type GraphHandler = (req: GraphRequest, ctx: HandlerContext) => Promise<Response> | Response;
