// Regenerates src/generated/ from spec/openapi.yaml: the openapi-typescript output, and one
// readable named type per component schema (RecordOperation for components.schemas.recordOperation).
// Both files are written only after both were produced, each atomically.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { generatedHeader, namedExportsModule } from "./component-names.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = join(here, "..", "..", "..", "spec", "openapi.yaml");
const outDir = join(here, "..", "src", "generated");

function writeAtomically(path, text) {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

try {
  const document = parse(readFileSync(specPath, "utf8"));
  const named = namedExportsModule(document);
  const ast = await openapiTS(pathToFileURL(specPath), {
    alphabetize: false,
    defaultNonNullable: false,
  });
  const schema = generatedHeader + astToString(ast);
  mkdirSync(outDir, { recursive: true });
  writeAtomically(join(outDir, "schema.gen.ts"), schema);
  writeAtomically(join(outDir, "components.gen.ts"), named);
  process.stderr.write(
    "types: wrote src/generated/schema.gen.ts and src/generated/components.gen.ts\n",
  );
} catch (error) {
  process.stderr.write(
    `types: generation failed: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exitCode = 1;
}
