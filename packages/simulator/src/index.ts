/**
 * `@graph-recording/simulator`: a local stateful server that behaves like the Microsoft Graph
 * call-recording endpoints, with a control API and scripted faults for tests.
 */
export { CONTROL_PREFIX } from "./app.js";
export type { LifecycleEvent } from "./change-notifications.js";
export type { ClockMode } from "./clock.js";
export type {
  AddRecordingOptions,
  CallInfo,
  CreateCallOptions,
  CreateMeetingOptions,
  MeetingInfo,
  SimulatorControl,
} from "./control.js";
export type { GraphErrorDetail } from "./errors.js";
export {
  type Fault,
  FaultInjector,
  type FaultMatch,
  FaultScriptError,
  type FaultScriptHandle,
  type FaultScriptOptions,
  type FaultScriptState,
  type RetryAfter,
} from "./faults.js";
export type { Delivery, DeliveryKind } from "./outbound.js";
export type { RecordedRequest, RequestFilter } from "./request-log.js";
export { type EncryptedContent, GRAPH_NOTIFICATION_APP_ID } from "./rich-notifications.js";
export { GRAPH_ROUTES, type RouteDef } from "./routes/table.js";
export {
  type Simulator,
  type SimulatorOptions,
  SimulatorOptionsError,
  startSimulator,
} from "./simulator.js";
export {
  type OperationScenario,
  type OperationStatus,
  type ResultInfo,
  SimulatorUsageError,
} from "./state.js";
export {
  acceptAllRequests,
  type OperationValidators,
  type RequestToValidate,
  type RequestValidator,
  requestValidatorFrom,
  type SafeParser,
  toJsonPointer,
  type ValidationIssue,
} from "./validation.js";
export { type ToneSpec, wavBytes, wavSize } from "./wav.js";
