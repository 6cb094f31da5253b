// Regenerates src/generated/validators.gen.ts from spec/openapi.yaml with @graph-recording/openapi-zod
// (open and strict validators, request and response directions, per-operation lookups). Written atomically.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  generateZodFromFile,
  OpenApiZodError,
  writeFileAtomic,
} from "@graph-recording/openapi-zod";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = join(here, "..", "..", "..", "spec", "openapi.yaml");
const outPath = join(here, "..", "src", "generated", "validators.gen.ts");

try {
  const code = await generateZodFromFile(specPath, { language: "ts", source: "spec/openapi.yaml" });
  await writeFileAtomic(outPath, code);
  process.stderr.write("zod: wrote src/generated/validators.gen.ts\n");
} catch (error) {
  const message =
    error instanceof OpenApiZodError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`zod: generation failed: ${message}\n`);
  process.exitCode = 1;
}
