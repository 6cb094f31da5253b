import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as z from "zod";
import { packageDir } from "./paths.js";

/** The exports every generated module has (contract 2). */
export interface GeneratedModule {
  schemas: Record<string, z.ZodType>;
  strictSchemas: Record<string, z.ZodType>;
  requestSchemas: Record<string, z.ZodType>;
  strictRequestSchemas: Record<string, z.ZodType>;
  operations: Record<
    string,
    {
      method: string;
      path: string;
      request?: { open: z.ZodType; strict: z.ZodType };
      responses: Record<string, { open: z.ZodType; strict: z.ZodType }>;
    }
  >;
  webhooks: Record<
    string,
    {
      method: string;
      request?: { open: z.ZodType; strict: z.ZodType };
      responses: Record<string, { open: z.ZodType; strict: z.ZodType }>;
    }
  >;
  schemaPointers: Record<string, { open: z.ZodType; strict: z.ZodType }>;
  [name: string]: unknown;
}

/** Writes generated JavaScript under test/.generated (so `zod` resolves from this package) and imports it. */
export async function importGenerated(code: string, label: string): Promise<GeneratedModule> {
  const dir = join(packageDir, "test", ".generated");
  mkdirSync(dir, { recursive: true });
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 12);
  const file = join(dir, `${label.replace(/[^A-Za-z0-9_-]/g, "_")}-${hash}.mjs`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as GeneratedModule;
}
