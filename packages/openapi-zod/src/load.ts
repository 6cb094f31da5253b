import { parseSpecDocument, readSpecDocument } from "./document/spec-document.js";
import { generatorError } from "./errors.js";

/** Parses an OpenAPI document from YAML or JSON text (JSON is valid YAML 1.2; duplicate keys are an error). */
export function parseDocument(text: string, source = "<input>"): Record<string, unknown> {
  try {
    return parseSpecDocument(text, { file: source }).document;
  } catch (error) {
    throw generatorError(error);
  }
}

/** Reads and parses an OpenAPI document from a file path. */
export async function loadDocument(path: string): Promise<Record<string, unknown>> {
  try {
    return (await readSpecDocument(path)).document;
  } catch (error) {
    throw generatorError(error);
  }
}
