// Regenerates src/generated/ from spec/openapi.yaml: the openapi-typescript output, and one
// readable named type per component schema (RecordOperation for components.schemas.recordOperation).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = join(here, "..", "..", "..", "spec", "openapi.yaml");
const outDir = join(here, "..", "src", "generated");
const header =
  "// Generated from spec/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:\n" +
  "// change the spec and run `pnpm generate`.\n\n";

/** recordOperation -> RecordOperation; odataError -> OdataError; keeps only identifier characters. */
export function typeName(componentName) {
  const words = componentName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((word) => word[0].toUpperCase() + word.slice(1)).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function namedExports(document) {
  const names = Object.keys(document.components?.schemas ?? {}).sort();
  const seen = new Map();
  const lines = [];
  for (const name of names) {
    const alias = typeName(name);
    const clash = seen.get(alias);
    if (clash) {
      throw new Error(
        `#/components/schemas/${name}: its type name ${alias} is already taken by ` +
          `#/components/schemas/${clash}; rename one of the two components`,
      );
    }
    seen.set(alias, name);
    const summary = document.components.schemas[name].description?.split("\n")[0];
    if (summary) lines.push(`/** ${summary.replaceAll("*/", "*\\/")} */`);
    lines.push(`export type ${alias} = components["schemas"][${JSON.stringify(name)}];`);
  }
  return `${header}import type { components } from "./schema.gen.js";\n\n${lines.join("\n")}\n`;
}

function writeAtomically(path, text) {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

const source = readFileSync(specPath, "utf8");
const document = parse(source);
const ast = await openapiTS(pathToFileURL(specPath), { alphabetize: false, exportType: false });
const schema = header + astToString(ast);
const named = namedExports(document);
mkdirSync(outDir, { recursive: true });
writeAtomically(join(outDir, "schema.gen.ts"), schema);
writeAtomically(join(outDir, "components.gen.ts"), named);
process.stderr.write(`types: wrote src/generated/schema.gen.ts and components.gen.ts\n`);
