#!/usr/bin/env node
/**
 * `graph-recording-simulator`: runs the simulator until SIGINT or SIGTERM. stdout carries the
 * URL only; the other addresses and the token go to stderr.
 */
import { runCli } from "./cli-main.js";

const stop = new Promise<void>((resolve) => {
  process.once("SIGINT", () => resolve());
  process.once("SIGTERM", () => resolve());
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stop,
}).then(
  (code) => {
    process.exitCode = code;
    // The signal listeners are the only thing left; exit now that the servers are closed.
    process.exit();
  },
  (err: unknown) => {
    process.stderr.write(`graph-recording-simulator: internal error: ${String(err)}\n`);
    process.exit(1);
  },
);
