// A worker thread that validates one piece of an NDJSON input: it loads the same generated
// validators (by package name, or from their code) and answers with the results.
import { parentPort, workerData } from "node:worker_threads";
import { validateLines } from "./payload-lines.js";
import { type PayloadTarget, resolveTarget } from "./payload-target.js";
import {
  asGeneratedValidators,
  importLinkedModule,
  type ValidatorModuleSource,
} from "./validator-source.js";

/** What the main thread sends. */
export interface WorkerTask {
  source: ValidatorModuleSource;
  target: PayloadTarget;
  name: string;
  text: string;
  firstLine: number;
}

const task = workerData as WorkerTask;
const module =
  "specifier" in task.source
    ? await import(task.source.specifier)
    : await importLinkedModule(task.source.code);
const validators = asGeneratedValidators(module, "validators");
const { parser, label } = resolveTarget(validators, task.target);
parentPort?.postMessage(
  validateLines({
    name: task.name,
    text: task.text,
    firstLine: task.firstLine,
    target: label,
    parser,
  }),
);
