import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The path of the project's spec: the copy shipped beside the built package (`dist/openapi.yaml`,
 * the same version `@graph-recording/zod` was generated from), or, when running from a checkout of
 * the repository, its `spec/openapi.yaml`.
 */
export function projectSpecPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const shipped = join(here, "openapi.yaml");
  if (existsSync(shipped)) return shipped;
  let folder = here;
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(folder, "spec", "openapi.yaml");
    if (existsSync(candidate)) return candidate;
    folder = dirname(folder);
  }
  return shipped;
}
