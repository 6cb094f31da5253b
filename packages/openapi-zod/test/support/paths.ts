import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package folder. */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The repository root. */
export const repoRoot = resolve(packageDir, "../..");
/** Shared reference data lives next to the repository (`../shared` from the root). */
const sharedDir = resolve(repoRoot, "../shared");
export const suiteDir = resolve(sharedDir, "data/json-schema-test-suite/draft2020-12");
export const openapiDocsDir = resolve(sharedDir, "data/openapi-docs");

/** Why a test that needs `path` cannot run, or undefined when it can. */
export function missingData(path: string): string | undefined {
  return existsSync(path)
    ? undefined
    : `${path} is absent (shared reference data is expected at ../shared from the repository root)`;
}
