// Validation of JSON text and NDJSON lines, shared by the main thread and the worker threads.
import { JsonSyntaxError, parseJson } from "./json-input.js";
import { type Issue, type SafeParser, verdictFromSafeParse } from "./verdict.js";

/** The outcome for one payload. */
export interface PayloadResult {
  /** Which input: `file.json`, `file.ndjson:12`, `<stdin>`, `capture.har entries[3] response ...`. */
  input: string;
  /** What it was validated against, e.g. `operation recordResponse response 200 (strict)`. */
  target?: string;
  /** `error`: the input could not be validated (not JSON, no matching operation); a failure. */
  verdict: "valid" | "invalid" | "error" | "skipped";
  issues: Issue[];
  /** Why the verdict is `error` or `skipped`. */
  message?: string;
}

/** Parses one JSON text and validates it. */
export function validateText(options: {
  input: string;
  text: string;
  target: string;
  parser: SafeParser;
}): PayloadResult {
  let value: unknown;
  try {
    value = parseJson(options.text);
  } catch (error) {
    const message = error instanceof JsonSyntaxError ? error.message : String(error);
    return { input: options.input, target: options.target, verdict: "error", issues: [], message };
  }
  const verdict = verdictFromSafeParse(options.parser, value);
  return {
    input: options.input,
    target: options.target,
    verdict: verdict.valid ? "valid" : "invalid",
    issues: verdict.issues,
  };
}

/** Validates each non-blank line of NDJSON text; `firstLine` numbers the first line of `text`. */
export function validateLines(options: {
  name: string;
  text: string;
  firstLine: number;
  target: string;
  parser: SafeParser;
}): PayloadResult[] {
  const results: PayloadResult[] = [];
  const { text } = options;
  let start = 0;
  let number = options.firstLine;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== "") {
      results.push(
        validateText({
          input: `${options.name}:${number}`,
          text: line,
          target: options.target,
          parser: options.parser,
        }),
      );
    }
    start = end + 1;
    number += 1;
  }
  return results;
}

/**
 * Splits NDJSON text into at most `parts` pieces at line boundaries, each with the number of its
 * first line.
 */
export function splitLines(
  text: string,
  parts: number,
): Array<{ text: string; firstLine: number }> {
  const pieces: Array<{ text: string; firstLine: number }> = [];
  const size = Math.ceil(text.length / parts);
  let start = 0;
  let firstLine = 1;
  while (start < text.length) {
    let end = start + size >= text.length ? text.length : text.indexOf("\n", start + size);
    if (end === -1) end = text.length;
    const piece = text.slice(start, end);
    pieces.push({ text: piece, firstLine });
    for (let index = piece.indexOf("\n"); index !== -1; index = piece.indexOf("\n", index + 1))
      firstLine += 1;
    firstLine += 1;
    start = end + 1;
  }
  return pieces;
}
