// Generation speed and type-checking cost on the 1,422-schema OpenAI document: @graph-recording/openapi-zod
// against @hey-api/openapi-ts with its zod plugin (0.95.0, the newest release that runs on Node 20).
// Each generator runs in a fresh Node process (wall time, best of 3); then `tsc --noEmit` runs on each output
// with the same compiler options. Prints both and the ratios side by side.
// Usage: pnpm --filter @graph-recording/openapi-zod run build && node bench/generation.mjs
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");
const spec = resolve(packageDir, "../../../shared/data/openapi-docs/openai-openapi/openapi.yaml");
if (!existsSync(spec)) {
  process.stderr.write(
    `bench: ${spec} is absent (shared data is expected at ../shared from the repository root)\n`,
  );
  process.exit(2);
}
const work = join(here, ".generated", "generation");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const ours = join(work, "ours", "schemas.gen.ts");
const theirsDir = join(work, "hey-api");
const heyScript = join(work, "hey-api.mjs");
writeFileSync(
  heyScript,
  `import { createClient } from "@hey-api/openapi-ts";\nawait createClient({ input: ${JSON.stringify(spec)}, output: { path: ${JSON.stringify(theirsDir)} }, plugins: ["zod"], logs: { level: "silent" } });\n`,
);

function wall(command, args, options = {}) {
  const start = performance.now();
  execFileSync(command, args, {
    stdio: ["ignore", "ignore", "inherit"],
    cwd: packageDir,
    ...options,
  });
  return (performance.now() - start) / 1000;
}
const best = (runs) => Math.min(...runs);
const node = process.execPath;

const oursGen = best(
  [1, 2, 3].map(() => wall(node, [join(packageDir, "dist", "bin.js"), spec, "--out", ours])),
);
const theirsGen = best([1, 2, 3].map(() => wall(node, [heyScript], { cwd: packageDir })));

const tsc = join(packageDir, "node_modules", "typescript", "bin", "tsc");
function typecheck(file) {
  const config = join(dirname(file), "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: [file],
    }),
  );
  let errors = 0;
  const start = performance.now();
  try {
    execFileSync(node, [tsc, "-p", config], {
      cwd: packageDir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    errors = (String(error.stdout).match(/error TS/g) ?? []).length;
  }
  return { seconds: (performance.now() - start) / 1000, errors };
}
const theirsFile = join(theirsDir, "zod.gen.ts");
const oursTsc = typecheck(ours);
const theirsTsc = typecheck(theirsFile);

const kb = (file) => `${Math.round(statSync(file).size / 1024)} KB`;
const row = (label, a, b, unit) =>
  `${label.padEnd(28)} ${`${a.toFixed(2)}${unit}`.padStart(10)} ${`${b.toFixed(2)}${unit}`.padStart(10)} ${`${(a / b).toFixed(2)}x`.padStart(8)}`;
console.log(`OpenAI document (1,422 schemas), Node ${process.version}`);
console.log(
  `${"".padEnd(28)} ${"ours".padStart(10)} ${"hey-api".padStart(10)} ${"ratio".padStart(8)}`,
);
console.log(row("generation (wall, best of 3)", oursGen, theirsGen, "s"));
console.log(row("tsc --noEmit (wall)", oursTsc.seconds, theirsTsc.seconds, "s"));
console.log(`output size                  ${kb(ours).padStart(10)} ${kb(theirsFile).padStart(10)}`);
console.log(
  `tsc errors                   ${String(oursTsc.errors).padStart(10)} ${String(theirsTsc.errors).padStart(10)}`,
);
console.log("targets: generation <= 0.25x, tsc <= 0.5x");
