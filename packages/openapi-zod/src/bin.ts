#!/usr/bin/env node
import { runCli } from "./cli.js";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `openapi-zod: internal error: ${(error as Error).stack ?? String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
