// Validation throughput: the generated Zod validators against Ajv 2020's compiled validators for the same
// schemas of spec/openapi.yaml, on realistic payloads (the spec's own examples: a recordOperation, a
// callRecording page, a commsNotifications batch) and on invalid variants of them. Prints ops/s and ratios.
// Usage: pnpm --filter @graph-recording/openapi-zod run build && node bench/validation.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { generateZod } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");
const specPath = resolve(packageDir, "../../spec/openapi.yaml");
const document = parse(readFileSync(specPath, "utf8"));

const dir = join(packageDir, "bench", ".generated");
mkdirSync(dir, { recursive: true });
const file = join(dir, "spec.mjs");
writeFileSync(file, generateZod(document, { language: "js" }));
const generated = await import(pathToFileURL(file).href);

const forAjv = (value) => {
  if (Array.isArray(value)) return value.map(forAjv);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "discriminator" && key !== "example" && !key.startsWith("x-"))
      .map(([key, child]) => [
        key,
        key === "enum" || key === "const" || key === "examples" ? child : forAjv(child),
      ]),
  );
};
const ajv = new Ajv2020({ strict: false, allErrors: false, logger: false });
addFormats.default(ajv, ["date-time", "date", "time", "uuid", "email", "uri", "ipv4", "ipv6"]);
// OpenAPI's integer formats, with the ranges the generated validators assert.
ajv.addFormat("int32", {
  type: "number",
  validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
});
ajv.addFormat("int64", {
  type: "number",
  validate: (n) => Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63,
});
ajv.addSchema(forAjv(document), "doc");

const example = (name) => structuredClone(document.components.examples[name].value);
const page = example("recordingListBeta");
const cases = [
  ["recordOperation", example("recordOperationRunningV1"), (v) => ({ ...v, status: "paused" })],
  [
    "callRecordingCollectionResponse",
    page,
    (v) => ({
      ...v,
      value: v.value.map((r, i) => (i === 0 ? { ...r, createdDateTime: "yesterday" } : r)),
    }),
  ],
  [
    "commsNotifications",
    example("commsNotificationsRecordCompletedV1"),
    (v) => ({ ...v, value: [{ ...v.value[0], changeType: "exploded" }] }),
  ],
];

function opsPerSecond(fn, value) {
  const deadline = performance.now() + 300;
  while (performance.now() < deadline) fn(value); // warm-up
  let n = 0;
  const start = performance.now();
  const end = start + 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) fn(value);
    n += 100;
  }
  return (n * 1000) / (performance.now() - start);
}

const format = (x) => Math.round(x).toLocaleString("en-US").padStart(11);
console.log(`validation throughput (ops/s, 1 s per cell, Node ${process.version})`);
console.log(
  "schema                            payload   ajv         zod open    ratio   zod strict  ratio",
);
for (const [name, valid, breakIt] of cases) {
  const validate = ajv.getSchema(`doc#/components/schemas/${name}`);
  const open = generated.schemas[name];
  const strict = generated.strictSchemas[name];
  for (const [label, value] of [
    ["valid", valid],
    ["invalid", breakIt(valid)],
  ]) {
    const expected = label === "valid";
    if (
      validate(value) !== expected ||
      open.safeParse(value).success !== expected ||
      strict.safeParse(value).success !== expected
    ) {
      throw new Error(
        `${name} ${label}: verdicts differ (ajv ${validate(value)}, open ${open.safeParse(value).success}, strict ${strict.safeParse(value).success})`,
      );
    }
    const a = opsPerSecond((v) => validate(v), value);
    const o = opsPerSecond((v) => open.safeParse(v), value);
    const s = opsPerSecond((v) => strict.safeParse(v), value);
    console.log(
      `${name.padEnd(33)} ${label.padEnd(8)} ${format(a)} ${format(o)} ${(o / a).toFixed(2).padStart(6)}x ${format(s)} ${(s / a).toFixed(2).padStart(6)}x`,
    );
  }
}
