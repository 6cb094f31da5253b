import { parseSpecDocument } from "@graph-recording/openapi-zod/document";
import { specInputError } from "./context.js";

/**
 * Parses the text of an OpenAPI document (YAML or JSON). Throws a SpecInputError naming the
 * source and line when it is not valid YAML or not an OpenAPI 3.x document.
 */
export function parseSpec(text: string, source: string): Record<string, unknown> {
  try {
    return parseSpecDocument(text, { file: source, versions: ["3"] }).document;
  } catch (error) {
    throw specInputError(error, source);
  }
}
