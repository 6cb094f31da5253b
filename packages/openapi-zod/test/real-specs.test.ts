import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { generateZodFromFile } from "../src/index.js";
import { importGenerated } from "./support/load-module.js";
import { missingData, openapiDocsDir, packageDir } from "./support/paths.js";

const documents = [
  {
    name: "openai",
    path: join(openapiDocsDir, "openai-openapi", "openapi.yaml"),
    components: 1422,
  },
  {
    name: "msgraph-cloudcommunications-beta",
    path: join(openapiDocsDir, "msgraph-cloudcommunications-beta", "openapi.yml"),
    components: 158,
  },
];
const skip = missingData(openapiDocsDir);
const outDir = join(packageDir, "test", ".generated", "real-specs");

/**
 * The two large published documents generate, import and typecheck. This is the slow test of the package
 * (tsc on the 1,422-schema module takes minutes on two cores), hence the long timeout.
 */
describe.skipIf(skip !== undefined)(`real documents${skip ? ` (skipped: ${skip})` : ""}`, () => {
  mkdirSync(outDir, { recursive: true });

  test.each(documents)(
    "$name generates and its JavaScript imports with one validator per component",
    async ({ name, path, components }) => {
      const code = await generateZodFromFile(path, { language: "js" });
      const module = await importGenerated(code, `real-${name}`);
      expect(Object.keys(module.schemas)).toHaveLength(components);
      expect(Object.keys(module.strictSchemas)).toHaveLength(components);
      for (const schema of Object.values(module.schemas))
        expect(() => schema.safeParse({ unexpected: [1, null] })).not.toThrow();
    },
  );

  test("the TypeScript output (both documents and every snapshot) typechecks with 0 errors", async () => {
    const files: string[] = [];
    for (const { name, path } of documents) {
      const file = join(outDir, `${name}.ts`);
      writeFileSync(file, await generateZodFromFile(path, { language: "ts" }));
      files.push(file);
    }
    const snapshots = join(packageDir, "test", "snapshots");
    for (const scenario of readdirSync(snapshots))
      files.push(join(snapshots, scenario, "schemas.gen.ts"));
    const config = join(outDir, "tsconfig.json");
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: false,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files,
      }),
    );
    let output = "";
    try {
      execFileSync(
        process.execPath,
        [join(packageDir, "node_modules", "typescript", "bin", "tsc"), "-p", config],
        {
          cwd: packageDir,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  }, 900_000);
});
