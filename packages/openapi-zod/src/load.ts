import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { OpenApiZodError } from "./errors.js";

/** Parses an OpenAPI document from YAML or JSON text (JSON is valid YAML 1.2; duplicate keys are an error). */
export function parseDocument(text: string, source = "<input>"): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true, maxAliasCount: -1, prettyErrors: true });
  } catch (error) {
    throw new OpenApiZodError({
      kind: "load",
      pointer: "#",
      message: `Cannot parse ${source}: ${(error as Error).message}`,
      hint: "Fix the YAML/JSON syntax of the document.",
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new OpenApiZodError({
      kind: "document",
      pointer: "#",
      message: `${source} is not an OpenAPI document (the root is not an object)`,
      hint: "Pass an OpenAPI 3.x document whose root is a mapping with an `openapi` field.",
    });
  }
  return value as Record<string, unknown>;
}

/** Reads and parses an OpenAPI document from a file path. */
export async function loadDocument(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new OpenApiZodError({
      kind: "load",
      pointer: "#",
      message: `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      hint: "Check the path of the OpenAPI document.",
    });
  }
  return parseDocument(text, path);
}
