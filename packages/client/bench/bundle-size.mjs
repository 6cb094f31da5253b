// Bundle size of a typical import, minified and gzipped, next to openapi-fetch alone.
// Usage: node bench/bundle-size.mjs [--check]   (--check exits 1 above the 8 kB budget)

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const BUDGET = 8 * 1024;

export async function measure(source, platform = "browser") {
  const result = await build({
    stdin: { contents: source, resolveDir: join(here, ".."), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const entries = {
  "createRecordingClient (typical import)":
    'export { createRecordingClient, isRecordingClientError } from "./src/index.ts";',
  "createRecordingClient + downloadRecordedAudio (recording bot)":
    'export { createRecordingClient, downloadRecordedAudio, isRecordingClientError } from "./src/index.ts";',
  "everything in the main entry (raw client, recordings, subscriptions, zodValidator)":
    'export * from "./src/index.ts";',
  "openapi-fetch createClient (reference)": 'export { default } from "openapi-fetch";',
  "notification receiver (./notifications, node)":
    'export { createNotificationReceiver } from "./src/notifications.ts";',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let over = false;
  for (const [name, source] of Object.entries(entries)) {
    const size = await measure(source, name.includes("node") ? "node" : "browser");
    process.stdout.write(`${name}: ${size.min} B min, ${size.gzip} B min+gzip\n`);
    if (name.includes("(typical import)") && size.gzip > BUDGET) over = true;
  }
  process.stdout.write(
    `budget for the typical import: ${BUDGET} B min+gzip -> ${over ? "OVER" : "ok"}\n`,
  );
  if (over && process.argv.includes("--check")) process.exit(1);
}
