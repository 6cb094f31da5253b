import { unescapeToken, valueAtPointer } from "@graph-recording/openapi-zod/document";
import { type AjvValidators, createAjvValidators, type ValidationMode } from "./ajv-validators.js";
import { collectExamples, type ExampleCase } from "./examples.js";
import { meetsExpectation } from "./expectation.js";
import { projectSpecPath } from "./project-spec.js";
import { asRecord } from "./schema-tree.js";
import {
  type SourceCoverage,
  type SourceCoverageOptions,
  sourceCoverage,
} from "./source-coverage.js";
import { loadSpec, type SpecDocument, type SpecInput } from "./spec-document.js";
import {
  type GeneratedValidators,
  generateValidators,
  projectValidators,
} from "./validator-source.js";
import { type SafeParser, type Verdict, verdictFromSafeParse } from "./verdict.js";

/** A generated validator's verdict, with the export it came from (`operations.x.responses.200`). */
export interface GeneratedVerdict extends Verdict {
  via: string;
}

/** The outcome of checking one example. */
export interface ExampleResult {
  example: ExampleCase;
  /** `pass` when the verdict meets the expectation and both validators agree. */
  status: "pass" | "fail";
  expected: "valid" | "invalid";
  /** The strict verdict (the generated validator's, or Ajv's when none is exported). */
  actual: "valid" | "invalid" | "unchecked";
  /** The generated strict validator's verdict, when the module exports one for this schema. */
  generated?: GeneratedVerdict;
  /** Ajv 2020-12's verdict on the same schema, strict mode emulated. */
  ajv?: Verdict;
  /** True when the generated validator and Ajv disagree: a defect in one of them. */
  validatorDefect: boolean;
  /** Why the example fails, one sentence each. */
  failures: string[];
  /** Remarks that do not fail the example. */
  notes: string[];
}

/** Counts over all examples. */
export interface CheckSummary {
  examples: number;
  passed: number;
  failed: number;
  expectedValid: number;
  expectedInvalid: number;
  /** Examples where the generated validator and Ajv disagree. */
  validatorDefects: number;
  /** Examples checked by Ajv alone because no generated validator covers their schema. */
  ajvOnly: number;
}

/** The result of `checkExamples`. */
export interface CheckReport {
  spec: { file: string; title?: string; version?: string };
  /** Where the generated validators came from (`@graph-recording/zod`, generated on the fly, given). */
  validators: string;
  results: ExampleResult[];
  summary: CheckSummary;
  /** Present when `sources` was given. */
  sources?: SourceCoverage;
}

/** Options of `checkExamples`. */
export interface CheckOptions {
  /**
   * Source folders whose every file must be accounted for (named by an example's `x-source`, or
   * mentioned in one of `accountedIn`); an unaccounted file fails the check.
   */
  sources?: SourceCoverageOptions;
  /**
   * The generated validators to check with. Default: `@graph-recording/zod` for the project spec,
   * otherwise validators generated on the fly with `@graph-recording/openapi-zod`.
   */
  validators?: GeneratedValidators;
}

/**
 * Checks every example of a spec against its generated strict validator and Ajv, and compares the
 * verdicts with the `x-expect` / `x-defects` each example declares. Without a spec it checks the
 * project's own spec with `@graph-recording/zod`.
 *
 * @example
 * const report = await checkExamples("my-api.yaml");
 * if (report.summary.failed > 0) console.log(report.results.filter((r) => r.status === "fail"));
 */
export async function checkExamples(
  spec?: SpecInput,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const loaded = await loadSpec(spec ?? projectSpecPath());
  const { validators, source } = options.validators
    ? { validators: options.validators, source: "given" }
    : spec === undefined
      ? await projectValidators(loaded)
      : {
          validators: await generateValidators(loaded),
          source: `generated from ${loaded.file} by @graph-recording/openapi-zod`,
        };
  const ajv = createAjvValidators(loaded);
  const results = collectExamples(loaded).map((example) =>
    checkExample({ spec: loaded, example, validators, ajv }),
  );
  const info = asRecord(loaded.document.info);
  const named = results.flatMap((result) => (result.example.source ? [result.example.source] : []));
  const sources = options.sources ? await sourceCoverage(named, options.sources) : undefined;
  return {
    spec: {
      file: loaded.file,
      ...(typeof info?.title === "string" ? { title: info.title } : {}),
      ...(typeof info?.version === "string" ? { version: info.version } : {}),
    },
    validators: source,
    results,
    summary: summarize(results),
    ...(sources ? { sources } : {}),
  };
}

function checkExample(context: {
  spec: SpecDocument;
  example: ExampleCase;
  validators: GeneratedValidators;
  ajv: AjvValidators;
}): ExampleResult {
  const { example } = context;
  const failures = [...example.problems];
  const notes: string[] = [];
  if (example.value === undefined || example.schemaPointer === "") {
    return {
      example,
      status: "fail",
      expected: example.expect,
      actual: "unchecked",
      validatorDefect: false,
      failures,
      notes,
    };
  }
  const found = findGeneratedValidator(context.spec, context.validators, example, "strict");
  const generated = found
    ? { ...verdictFromSafeParse(found.parser, example.value), via: found.via }
    : undefined;
  const hasSchema = valueAtPointer(context.spec.document, example.schemaPointer) !== undefined;
  const ajv = hasSchema
    ? context.ajv.validate(
        { pointer: example.schemaPointer, mode: "strict", direction: example.direction },
        example.value,
      )
    : undefined;
  if (!hasSchema) {
    notes.push("no schema beside this example: it is not validated");
  } else if (!generated) {
    notes.push(
      `the generated module exports no validator for ${example.schemaPointer}: checked with Ajv only`,
    );
  }
  const verdict = generated ?? ajv;
  let validatorDefect = false;
  if (generated && ajv && generated.valid !== ajv.valid) {
    validatorDefect = true;
    failures.push(
      `validator defect: the generated validator says ${word(generated.valid)}, Ajv says ${word(ajv.valid)}`,
    );
  }
  if (verdict) failures.push(...meetsExpectation(example, verdict).reasons);
  return {
    example,
    status: failures.length === 0 && verdict ? "pass" : "fail",
    expected: example.expect,
    actual: verdict ? word(verdict.valid) : "unchecked",
    ...(generated ? { generated } : {}),
    ...(ajv ? { ajv } : {}),
    validatorDefect,
    failures,
    notes,
  };
}

function word(valid: boolean): "valid" | "invalid" {
  return valid ? "valid" : "invalid";
}

const jsonMediaType = /^application\/(.+\+)?json(;.*)?$/i;

/**
 * Finds the generated validator for an example's schema: the exact schema pointer first, then the
 * operation or webhook entry, then the component, then a component the schema only refers to.
 */
function findGeneratedValidator(
  spec: SpecDocument,
  validators: GeneratedValidators,
  example: Pick<ExampleCase, "schemaPointer" | "direction" | "target"> & {
    level?: ExampleCase["level"];
  },
  mode: ValidationMode,
): { parser: SafeParser; via: string } | undefined {
  const byPointer = pointerEntry(validators, example.schemaPointer);
  if (byPointer)
    return { parser: byPointer.pair[mode], via: `schemaPointers["${byPointer.key}"].${mode}` };
  const { target } = example;
  const isJson = target.mediaType === undefined || jsonMediaType.test(target.mediaType);
  // The operation and webhook entries validate whole bodies: only for examples of a whole body.
  if (isJson && target.parameter === undefined && example.level !== "schema") {
    const entry =
      target.kind === "webhook" && target.webhook
        ? { record: validators.webhooks[target.webhook], name: `webhooks.${target.webhook}` }
        : target.operationId && target.kind !== "callback"
          ? {
              record: validators.operations[target.operationId],
              name: `operations.${target.operationId}`,
            }
          : undefined;
    if (entry?.record) {
      if (example.direction === "request" && target.status === undefined && entry.record.request) {
        return { parser: entry.record.request[mode], via: `${entry.name}.request.${mode}` };
      }
      const response = target.status ? entry.record.responses[target.status] : undefined;
      if (response) {
        return { parser: response[mode], via: `${entry.name}.responses.${target.status}.${mode}` };
      }
    }
  }
  const component = /^\/components\/schemas\/([^/]+)$/.exec(example.schemaPointer);
  if (component?.[1]) {
    const name = unescapeToken(component[1]);
    const record = componentRecord(validators, example.direction, mode);
    const parser = record.map[name];
    if (parser) return { parser, via: `${record.name}.${name}` };
  }
  const ref = asRecord(valueAtPointer(spec.document, example.schemaPointer))?.$ref;
  if (
    typeof ref === "string" &&
    ref.startsWith("#/") &&
    onlyAnnotationsBeside(spec, example.schemaPointer)
  ) {
    return findGeneratedValidator(
      spec,
      validators,
      { ...example, schemaPointer: ref.slice(1) },
      mode,
    );
  }
  return undefined;
}

function pointerEntry(validators: GeneratedValidators, pointer: string) {
  for (const key of [`#${pointer}`, pointer]) {
    const pair = validators.schemaPointers[key];
    if (pair) return { key, pair };
  }
  return undefined;
}

function componentRecord(validators: GeneratedValidators, direction: string, mode: ValidationMode) {
  if (direction === "request") {
    return mode === "strict"
      ? { name: "strictRequestSchemas", map: validators.strictRequestSchemas }
      : { name: "requestSchemas", map: validators.requestSchemas };
  }
  return mode === "strict"
    ? { name: "strictSchemas", map: validators.strictSchemas }
    : { name: "schemas", map: validators.schemas };
}

const annotationKeywords = new Set([
  "$ref",
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "deprecated",
]);

function onlyAnnotationsBeside(spec: SpecDocument, pointer: string): boolean {
  const schema = asRecord(valueAtPointer(spec.document, pointer)) ?? {};
  return Object.keys(schema).every((key) => annotationKeywords.has(key) || key.startsWith("x-"));
}

function summarize(results: readonly ExampleResult[]): CheckSummary {
  return {
    examples: results.length,
    passed: results.filter((result) => result.status === "pass").length,
    failed: results.filter((result) => result.status === "fail").length,
    expectedValid: results.filter((result) => result.expected === "valid").length,
    expectedInvalid: results.filter((result) => result.expected === "invalid").length,
    validatorDefects: results.filter((result) => result.validatorDefect).length,
    ajvOnly: results.filter((result) => !result.generated && result.ajv).length,
  };
}
