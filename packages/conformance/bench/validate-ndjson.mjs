// Throughput of `graph-recording-conformance validate` on NDJSON: 100,000 payloads through the
// built CLI (wall clock, process start included), then the same payloads through the library's
// generated validator and through Ajv 2020-12 (strict mode emulated the same way), side by side.
// Not a test: run `pnpm build && pnpm bench` (options: --count N, --schema NAME, --spec FILE).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "dist");
const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    schema: { type: "string", default: "callRecording" },
    spec: { type: "string" },
  },
});
const count = Number(values.count);
const library = await import(join(dist, "index.js")).catch(() => {
  process.stderr.write("bench: build the package first (pnpm build)\n");
  process.exit(2);
});
const { checkExamples, createAjvValidators, createPayloadValidator, loadSpec, projectSpecPath } =
  library;
const specPath = values.spec ?? projectSpecPath();
const spec = await loadSpec(specPath);
const { validators, source } = values.spec
  ? { validators: await library.generateValidators(spec), source: `generated from ${values.spec}` }
  : await library.projectValidators(spec);
const validate = createPayloadValidator(validators, { schema: values.schema });

// A payload from the spec itself: the first example of the schema that is valid as it stands.
const report = await checkExamples(spec, { validators });
const sample = report.results
  .map((result) => result.example.value)
  .find(
    (value) => value && typeof value === "object" && !Array.isArray(value) && validate(value).valid,
  );
if (!sample) {
  process.stderr.write(`bench: the spec has no example that is a valid ${values.schema}\n`);
  process.exit(2);
}
const payloads = Array.from({ length: count }, (_, index) =>
  JSON.stringify("id" in sample ? { ...sample, id: `${sample.id}-${index}` } : sample),
);
const folder = mkdtempSync(join(tmpdir(), "conformance-bench-"));
const file = join(folder, "payloads.ndjson");
writeFileSync(file, `${payloads.join("\n")}\n`);

const runCli = (extra) => {
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      join(dist, "cli.js"),
      "validate",
      "--schema",
      values.schema,
      ...(values.spec ? ["--spec", values.spec] : []),
      ...extra,
      file,
    ],
    { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 },
  );
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) {
    process.stderr.write(`bench: the CLI exited ${result.status}: ${result.stderr}\n`);
    process.exit(1);
  }
  return { seconds, summary: result.stdout.trimEnd().split("\n").at(-1) };
};
const single = runCli([]);
const threaded = runCli(["--threads", String(availableParallelism())]);
rmSync(folder, { recursive: true, force: true });

const parsed = payloads.map((line) => JSON.parse(line));
const time = (run) => {
  const start = performance.now();
  for (const value of parsed) run(value);
  return (performance.now() - start) / 1000;
};
const ajv = createAjvValidators(spec);
const pointer = `/components/schemas/${values.schema}`;
const ajvRun = (value) => ajv.validate({ pointer, mode: "strict", direction: "response" }, value);
ajvRun(parsed[0]);
validate(parsed[0]);
const zodSeconds = time(validate);
const ajvSeconds = time(ajvRun);

const perSecond = (seconds) => Math.round(count / seconds).toLocaleString("en-US");
const lines = [
  `payloads: ${count.toLocaleString("en-US")} × ${values.schema} (${payloads[0].length} bytes each), spec ${specPath}`,
  `validators: ${source}`,
  `CLI validate (process, NDJSON file, strict): ${single.seconds.toFixed(2)} s (${perSecond(single.seconds)}/s), target < 3 s: ${single.seconds < 3 ? "met" : "MISSED"}`,
  `CLI validate (same, --threads ${availableParallelism()}):         ${threaded.seconds.toFixed(2)} s (${perSecond(threaded.seconds)}/s)`,
  `  CLI summary: ${single.summary}`,
  `  load average when done: ${loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")} on ${availableParallelism()} cores`,
  `library, generated Zod validator (strict): ${zodSeconds.toFixed(3)} s (${perSecond(zodSeconds)}/s)`,
  `Ajv 2020-12, same schema (strict emulated): ${ajvSeconds.toFixed(3)} s (${perSecond(ajvSeconds)}/s)`,
  `ratio generated Zod / Ajv: ${(zodSeconds / ajvSeconds).toFixed(2)}× the time`,
];
process.stdout.write(`${lines.join("\n")}\n`);
