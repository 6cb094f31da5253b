import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { childPointer } from "../src/document/json-pointer.js";
import { generateZod, parseDocument } from "../src/index.js";
import { instanceOf, mutated } from "./support/instances.js";
import { importGenerated } from "./support/load-module.js";
import { missingData, repoRoot, suiteDir } from "./support/paths.js";
import { type SuiteGroup, suiteFiles } from "./support/suite.js";

type JsonObject = Record<string, unknown>;

/**
 * Cases where Ajv 2020 itself departs from JSON Schema 2020-12 (the suite's verdict), so a disagreement is
 * Ajv's, not ours. Keyed like the suite report: `file | group`.
 */
const AJV_DEPARTURES: Record<string, string> = {
  "properties.json | properties whose names are Javascript object property names":
    "Ajv reads inherited members (`toString`) as present properties",
  "required.json | required properties whose names are Javascript object property names":
    "Ajv reads inherited members (`toString`) as present properties",
  "multipleOf.json | float division = inf":
    "with multipleOfPrecision, Ajv rounds the quotient of huge integers and accepts non-multiples",
  "unevaluatedItems.json | unevaluatedItems with nested items":
    "Ajv counts items evaluated by a failed anyOf branch",
};

/** Ajv marks every item evaluated when any `contains` runs (suite: "unevaluatedItems depends on adjacent contains"). */
const ajvDeparts = (file: string, group: SuiteGroup): string | undefined =>
  AJV_DEPARTURES[`${file} | ${group.description}`] ??
  (file === "unevaluatedItems.json" && JSON.stringify(group.schema).includes('"contains"')
    ? "Ajv treats items as evaluated by `contains` regardless of which items matched"
    : undefined);

/** Non-integers rounded to 6 decimals: JSON payloads do not carry denormals, where Ajv's multipleOf precision differs. */
function realistic(value: unknown): unknown {
  if (typeof value === "number")
    return Number.isInteger(value) ? value : Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(realistic);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, realistic(v)]));
}

/** OpenAPI-only keywords Ajv does not know; `discriminator` is dropped because the spec's alternatives carry `const` tags. */
function forAjv(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forAjv);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(
        ([key]) =>
          key !== "discriminator" &&
          key !== "example" &&
          key !== "xml" &&
          key !== "externalDocs" &&
          !key.startsWith("x-"),
      )
      .map(([key, child]) => [
        key,
        key === "enum" || key === "const" || key === "examples" || key === "default"
          ? child
          : forAjv(child),
      ]),
  );
}

function makeAjv(document: JsonObject) {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    multipleOfPrecision: 12,
    validateFormats: true,
    logger: false,
  });
  addFormats.default(ajv, ["date-time", "date", "time", "uuid", "email", "uri", "ipv4", "ipv6"]);
  // OpenAPI's integer formats, with the ranges the generator asserts.
  ajv.addFormat("int32", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat("int64", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63,
  });
  ajv.addSchema(forAjv(document) as JsonObject, "doc");
  return ajv;
}

const RUNS = 100;

async function compare(document: JsonObject, names: string[], label: string) {
  const module = await importGenerated(generateZod(document, { language: "js" }), label);
  const zodOnly = await importGenerated(
    generateZod(document, { language: "js", fastPath: false }),
    `${label}-zod-only`,
  );
  const ajv = makeAjv(document);
  let valid = 0;
  let invalid = 0;
  for (const name of names) {
    const validate = ajv.getSchema(`doc${childPointer("#/components/schemas", name)}`);
    if (validate === undefined) throw new Error(`Ajv has no schema for ${name}`);
    const zod = module.schemas[name];
    const slow = zodOnly.schemas[name];
    if (zod === undefined || slow === undefined) throw new Error(`${name} missing`);
    const schema = (document.components as JsonObject & { schemas: JsonObject }).schemas[name];
    const shaped = instanceOf(schema, document);
    const details = fc.check(
      fc.property(fc.oneof(shaped, mutated(shaped)).map(realistic), (instance) => {
        let expected: boolean;
        try {
          expected = validate(instance) as boolean;
        } catch {
          // Ajv's deep equality calls `toString` of objects that have an own `toString` key, and throws.
          fc.pre(false);
          return true;
        }
        const actual = zod.safeParse(instance).success;
        if (actual) valid++;
        else invalid++;
        return actual === expected && slow.safeParse(instance).success === expected;
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    if (details.failed) {
      const instance = details.counterexample?.[0];
      throw new Error(
        `${name}: Zod says ${zod.safeParse(instance).success}, Ajv says ${validate(instance)} for ${JSON.stringify(instance)} (schema ${JSON.stringify(schema)})`,
      );
    }
  }
  return { valid, invalid };
}

const suiteSkip = missingData(suiteDir);

describe.skipIf(suiteSkip !== undefined)(
  "agrees with Ajv 2020 on the JSON Schema Test Suite's schemas",
  () => {
    const files = suiteSkip === undefined ? suiteFiles() : [];
    test.each(files)("%s", async (file) => {
      const groups = JSON.parse(readFileSync(join(suiteDir, file), "utf8")) as SuiteGroup[];
      const schemas: JsonObject = {};
      const names: string[] = [];
      groups.forEach((group, i) => {
        if (ajvDeparts(file, group) !== undefined) return;
        const name = `T${i}`;
        const document = {
          openapi: "3.1.0",
          info: { title: "t", version: "1" },
          paths: {},
          components: { schemas: { [name]: rehome(group.schema, name) } },
        };
        try {
          generateZod(document, { language: "js" });
          if (makeAjv(document).getSchema(`doc#/components/schemas/${name}`) === undefined) return;
        } catch {
          return; // unsupported by design (see the suite test), or a schema Ajv refuses
        }
        schemas[name] = rehome(group.schema, name);
        names.push(name);
      });
      if (names.length === 0) return;
      const document = {
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        paths: {},
        components: { schemas },
      };
      await compare(document, names, `ajv-${file}`);
    });
  },
);

const specPath = join(repoRoot, "spec", "openapi.yaml");
const fixturesDir = join(repoRoot, "spec", "fixtures");

describe.skipIf(missingData(specPath) !== undefined)(
  "agrees with Ajv 2020 on spec/openapi.yaml",
  () => {
    test("every component, valid and mutated instances", async () => {
      const document = parseDocument(readFileSync(specPath, "utf8"));
      const names = Object.keys((document.components as { schemas: JsonObject }).schemas);
      const { valid, invalid } = await compare(document, names, "ajv-spec");
      expect(valid).toBeGreaterThan(0);
      expect(invalid).toBeGreaterThan(0);
    });
  },
);

describe("agrees with Ajv 2020 on the fixture specs", () => {
  const fixtures = missingData(fixturesDir) === undefined ? readdirFixtures() : [];
  test("finds the fixture specs", () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });
  test.each(fixtures)("%s", async (file) => {
    const document = parseDocument(readFileSync(join(fixturesDir, file), "utf8"));
    // Ajv 2020 knows neither OpenAPI 3.0's `nullable` nor its boolean `exclusiveMinimum`.
    if (String(document.openapi).startsWith("3.0.")) return;
    const names = Object.keys((document.components as { schemas?: JsonObject })?.schemas ?? {});
    await compare(document, names, `ajv-fixture-${file}`);
  });
});

function readdirFixtures(): string[] {
  return readdirSync(fixturesDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".json"))
    .sort();
}

function rehome(value: unknown, name: string): unknown {
  const base = `#/components/schemas/${name}`;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== "object" || v === null) return v;
    return Object.fromEntries(
      Object.entries(v).map(([key, child]) => {
        if (key === "enum" || key === "const") return [key, child];
        if (
          key === "$ref" &&
          typeof child === "string" &&
          (child === "#" || child.startsWith("#/"))
        )
          return [key, `${base}${child.slice(1)}`];
        return [key, walk(child)];
      }),
    );
  };
  return walk(value);
}
