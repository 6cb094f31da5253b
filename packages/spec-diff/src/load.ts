import { parse, YAMLParseError } from "yaml";
import { SpecInputError } from "./context.js";
import { isRecord } from "./pointer.js";

/**
 * Parses the text of an OpenAPI document (YAML or JSON). Throws a SpecInputError naming the
 * source and line when it is not valid YAML or not an OpenAPI 3.x document.
 */
export function parseSpec(text: string, source: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = parse(text, { prettyErrors: true, maxAliasCount: -1 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0];
      const where = line ? ` (line ${line.line}, column ${line.col})` : "";
      throw new SpecInputError(
        source,
        "",
        `not valid YAML${where}: ${error.message.split("\n")[0]}`,
      );
    }
    throw error;
  }
  if (!isRecord(document) || typeof document.openapi !== "string") {
    throw new SpecInputError(
      source,
      "",
      "not an OpenAPI document (no `openapi` field at the root)",
    );
  }
  if (!document.openapi.startsWith("3.")) {
    throw new SpecInputError(
      source,
      "/openapi",
      `OpenAPI ${document.openapi} is not supported (3.x only)`,
    );
  }
  return document;
}
