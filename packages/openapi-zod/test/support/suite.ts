import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateZod, OpenApiZodError } from "../../src/index.js";
import { importGenerated } from "./load-module.js";
import { suiteDir } from "./paths.js";

interface SuiteTest {
  description: string;
  data: unknown;
  valid: boolean;
}
export interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: SuiteTest[];
}
export interface CaseResult {
  file: string;
  group: string;
  test: string;
  typedRoot: boolean;
  /** The schema declares `type` somewhere (the shape of hand-written OpenAPI). */
  typedAnywhere: boolean;
  expected: boolean;
  actual: boolean;
  /** The verdict of the Zod schemas alone (generated with `fastPath: false`). */
  zodOnly: boolean;
}
export interface FileResult {
  file: string;
  cases: CaseResult[];
  /** Groups the generator refuses by design (anchors, `$id`, `$dynamicRef`, remote refs), with the error. */
  unsupported: Array<{ group: string; tests: number; error: OpenApiZodError }>;
}

/**
 * Keyword files that are out of scope by design. `format.json` tests the 2020-12 default that `format` is only an
 * annotation; this generator asserts the formats OpenAPI authors rely on (the optional/format files test those).
 */
const EXCLUDED_FILES: Record<string, string> = {
  "format.json": "format is asserted, not annotation-only (see optional/format/*)",
};

/** Keyword files of the suite, relative to draft2020-12 (optional formats included). */
export function suiteFiles(): string[] {
  const top = readdirSync(suiteDir).filter((f) => f.endsWith(".json") && !(f in EXCLUDED_FILES));
  const formats = readdirSync(join(suiteDir, "optional", "format"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => `optional/format/${f}`);
  return [...top.sort(), ...formats.sort()];
}

/** A schema as a user writes it under components.schemas: local references re-rooted at the component. */
function rehome(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rehome(v, base));
  if (typeof value !== "object" || value === null) return value;
  // Object.fromEntries defines own properties, so a key named `__proto__` stays a key.
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      if (key === "enum" || key === "const") return [key, child];
      const rehomed =
        key === "$ref" && typeof child === "string" && (child === "#" || child.startsWith("#/"))
          ? `${base}${child.slice(1)}`
          : rehome(child, base);
      return [key, rehomed];
    }),
  );
}

const documentFor = (schemas: Record<string, unknown>) => ({
  openapi: "3.1.0",
  info: { title: "JSON Schema Test Suite", version: "1" },
  paths: {},
  components: { schemas },
});

/** Runs one keyword file: every group becomes a component, the module is generated as JS and imported. */
export async function runSuiteFile(file: string): Promise<FileResult> {
  const groups = JSON.parse(readFileSync(join(suiteDir, file), "utf8")) as SuiteGroup[];
  const unsupported: FileResult["unsupported"] = [];
  const supported: Array<[string, SuiteGroup]> = [];
  groups.forEach((group, i) => {
    const name = `T${i}`;
    const schema = rehome(group.schema, `#/components/schemas/${name}`);
    try {
      generateZod(documentFor({ [name]: schema }), { language: "js" });
      supported.push([name, { ...group, schema }]);
    } catch (error) {
      if (!(error instanceof OpenApiZodError)) throw error;
      unsupported.push({ group: group.description, tests: group.tests.length, error });
    }
  });
  const code = generateZod(
    documentFor(Object.fromEntries(supported.map(([name, g]) => [name, g.schema]))),
    { language: "js" },
  );
  const module = await importGenerated(code, `suite-${file}`);
  const slowCode = generateZod(
    documentFor(Object.fromEntries(supported.map(([name, g]) => [name, g.schema]))),
    {
      language: "js",
      fastPath: false,
    },
  );
  const slowModule = await importGenerated(slowCode, `suite-zod-only-${file}`);
  const cases: CaseResult[] = [];
  for (const [name, group] of supported) {
    const schema = module.schemas[name];
    if (schema === undefined) throw new Error(`${file}: ${name} missing from schemas`);
    const typedRoot =
      typeof group.schema === "object" && group.schema !== null && "type" in group.schema;
    const typedAnywhere = JSON.stringify(group.schema).includes('"type":');
    for (const test of group.tests) {
      let actual: boolean;
      let zodOnly: boolean;
      try {
        actual = schema.safeParse(test.data).success;
        zodOnly = (slowModule.schemas[name] as typeof schema).safeParse(test.data).success;
      } catch (error) {
        throw new Error(
          `${file} / ${group.description} / ${test.description}: validator threw ${(error as Error).message}`,
        );
      }
      cases.push({
        file,
        group: group.description,
        test: test.description,
        typedRoot,
        typedAnywhere,
        expected: test.valid,
        actual,
        zodOnly,
      });
    }
  }
  return { file, cases, unsupported };
}

export const caseKey = (c: Pick<CaseResult, "file" | "group" | "test">): string =>
  `${c.file} | ${c.group} | ${c.test}`;
