import { type ParseError, parse, printParseErrorCode } from "jsonc-parser";

/** JSON text that did not parse: what is wrong and where (1-based line and column). */
export class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`invalid JSON at line ${line}, column ${column}: ${reason}`);
  }
}

const reasons: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a double-quoted property name",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "unexpected content after the JSON value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "control character in a string",
};

/**
 * Parses JSON with `JSON.parse`; when that fails, finds the line and column of the first error.
 *
 * @throws JsonSyntaxError
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw locateSyntaxError(text, error);
  }
}

function locateSyntaxError(text: string, original: unknown): JsonSyntaxError {
  const errors: ParseError[] = [];
  parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (text.trim() === "") return new JsonSyntaxError("no JSON value (the input is empty)", 1, 1);
  if (!first) {
    const message = original instanceof Error ? original.message : String(original);
    return new JsonSyntaxError(message, 1, 1);
  }
  const { line, column } = lineAndColumn(text, first.offset);
  return new JsonSyntaxError(
    reasons[printParseErrorCode(first.error)] ?? "syntax error",
    line,
    column,
  );
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (
    let index = text.indexOf("\n");
    index !== -1 && index < offset;
    index = text.indexOf("\n", index + 1)
  ) {
    line += 1;
    start = index + 1;
  }
  return { line, column: offset - start + 1 };
}
