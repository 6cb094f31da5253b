import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, test } from "vitest";
import { validateOptionsFromFlags } from "../src/cli-main.js";
import type { GeneratedValidators } from "../src/index.js";
import { fixture, fixtureValidators, run } from "./support/run.js";

let validators: GeneratedValidators;
let broken: GeneratedValidators;
let folder: string;

const recording = {
  "@odata.type": "#microsoft.graph.recordOperation",
  id: "op-1",
  status: "running",
};

beforeAll(async () => {
  validators = await fixtureValidators("recording-api.yaml");
  broken = await fixtureValidators("broken-examples.yaml");
  folder = await mkdtemp(join(tmpdir(), "conformance-cli-"));
});

const file = async (name: string, content: string) => {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
};

describe("check", () => {
  test("exits 0 and prints the grouped report when every example meets its verdict", async () => {
    const result = await run(["check", fixture("recording-api.yaml")], { validators });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("recordResponse (POST /communications/calls/{id}/record)\n");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(
      "13 examples: 13 passed, 0 failed (10 expected valid, 3 expected invalid, 0 validator defects, 3 checked with Ajv only)",
    );
    expect(result.stderr).toBe("");
  });

  test("exits 1 when an example fails", async () => {
    const result = await run(["check", fixture("broken-examples.yaml")], { validators: broken });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✗ response 200 saysValidButIsNot");
  });

  test("--failures-only leaves passing examples out", async () => {
    const result = await run(["check", fixture("recording-api.yaml"), "--failures-only"], {
      validators,
    });
    expect(result.stdout).not.toContain("✓");
  });

  test("colours on a terminal, not with NO_COLOR", async () => {
    const coloured = await run(["check", fixture("recording-api.yaml")], { validators, tty: true });
    expect(coloured.stdout).toContain("\u001b[32m✓");
    const plain = await run(["check", fixture("recording-api.yaml")], {
      validators,
      tty: true,
      env: { NO_COLOR: "1" },
    });
    expect(plain.stdout).not.toContain("\u001b[");
  });

  test("--format json prints the structured report on stdout and the summary on stderr", async () => {
    const result = await run(["check", fixture("recording-api.yaml"), "--format", "json"], {
      validators,
    });
    const report = JSON.parse(result.stdout);
    expect(report.summary.passed).toBe(13);
    expect(report.results[1].example.name).toBe("minimal");
    expect(result.stderr).toBe(
      "13 examples: 13 passed, 0 failed (10 expected valid, 3 expected invalid, 0 validator defects, 3 checked with Ajv only)\n",
    );
  });

  test("--format junit prints XML", async () => {
    const result = await run(["check", fixture("broken-examples.yaml"), "--format", "junit"], {
      validators: broken,
    });
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    expect(result.code).toBe(1);
  });

  test("--html writes the page and says where", async () => {
    const target = join(folder, "nested", "report.html");
    const result = await run(["check", fixture("recording-api.yaml"), "--html", target], {
      validators,
    });
    expect(result.stderr).toBe(`wrote ${target}\n`);
    expect(await readFile(target, "utf8")).toMatch(/^<!doctype html>/);
  });

  test.each([
    [
      ["check", "missing.yaml"],
      "graph-recording-conformance: missing.yaml: cannot read the spec: no such file\n",
    ],
    [
      ["check", "--format", "xml", "x.yaml"],
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, junit.\n(run with --help for usage)\n",
    ],
    [["check", "--colour"], "error: unknown option '--colour'\n(run with --help for usage)\n"],
    [["frobnicate"], "error: unknown command 'frobnicate'\n(run with --help for usage)\n"],
  ])("bad usage %j exits 2 with a clear message", async (argv, message) => {
    const result = await run(argv, { validators });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe("");
  });

  test("a malformed spec exits 2 naming file, line and column", async () => {
    const path = await file("bad.yaml", "openapi: 3.1.0\npaths:\n  /a: [\n");
    const result = await run(["check", path], { validators });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^graph-recording-conformance: ${path.replaceAll(".", "\\.")}:\\d+:\\d+: not valid YAML or JSON: `,
      ),
    );
  });

  test("a spec without examples is not a silent pass", async () => {
    const path = await file(
      "empty.yaml",
      "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n",
    );
    const result = await run(["check", path], { validators });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${path} has no examples: nothing was checked\n`);
  });

  test("no command at all is bad usage", async () => {
    const result = await run([], { validators });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: graph-recording-conformance");
  });

  test("--help exits 0", async () => {
    const result = await run(["validate", "--help"], { validators });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--har <file...>");
  });
});

describe("validate", () => {
  test("a valid JSON file against an operation's success response exits 0", async () => {
    const path = await file("op.json", JSON.stringify(recording));
    const result = await run(["validate", "--operation", "recordResponse", path], { validators });
    expect(result.stdout).toBe(`valid   ${path}\n1 payload (strict): 1 valid, 0 invalid\n`);
    expect(result.code).toBe(0);
  });

  test("an undeclared property fails in strict mode and passes with --open", async () => {
    const path = await file("extra.json", JSON.stringify({ ...recording, colour: "red" }));
    const strict = await run(["validate", "--operation", "recordResponse", path], { validators });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(
      `invalid ${path} against operation recordResponse response 200 (strict)\n          /colour: property "colour" is not declared by the schema\n1 payload (strict): 0 valid, 1 invalid\n`,
    );
    const open = await run(["validate", "--operation", "recordResponse", "--open", path], {
      validators,
    });
    expect(open.code).toBe(0);
  });

  test("--request validates the request body, --schema a component, --webhook a payload", async () => {
    const body = await file(
      "body.json",
      JSON.stringify({ clientContext: "c", maxRecordDurationInSeconds: 5 }),
    );
    expect(
      (await run(["validate", "--operation", "recordResponse", "--request", body], { validators }))
        .code,
    ).toBe(0);
    expect((await run(["validate", "--schema", "recordRequest", body], { validators })).code).toBe(
      0,
    );
    const notification = await file(
      "note.json",
      JSON.stringify({ value: [{ changeType: "created", resource: "r" }] }),
    );
    expect(
      (
        await run(["validate", "--webhook", "callRecordingNotification", notification], {
          validators,
        })
      ).code,
    ).toBe(0);
  });

  test("--status picks another response", async () => {
    const path = await file(
      "error.json",
      JSON.stringify({ error: { code: "BadRequest", message: "no" } }),
    );
    const result = await run(
      ["validate", "--operation", "recordResponse", "--status", "400", path],
      { validators },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 valid");
  });

  test("NDJSON: one verdict per line, numbered, blank lines skipped", async () => {
    const lines = [
      JSON.stringify(recording),
      "",
      JSON.stringify({ ...recording, status: "x" }),
      "{oops",
    ].join("\n");
    const path = await file("many.ndjson", `${lines}\n`);
    const result = await run(["validate", "--operation", "recordResponse", path], { validators });
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").filter((line) => /^\S/.test(line))).toEqual([
      `valid   ${path}:1`,
      `invalid ${path}:3 against operation recordResponse response 200 (strict)`,
      `error   ${path}:4: invalid JSON at line 1, column 2: unexpected character`,
      "3 payloads (strict): 1 valid, 1 invalid, 1 error",
    ]);
  });

  test("standard input, as JSON or as NDJSON with --ndjson", async () => {
    const single = await run(["validate", "--schema", "recordOperation", "-"], {
      validators,
      stdin: JSON.stringify(recording),
    });
    expect(single.stdout).toBe("valid   <stdin>\n1 payload (strict): 1 valid, 0 invalid\n");
    const many = await run(["validate", "--schema", "recordOperation", "--ndjson", "-"], {
      validators,
      stdin: `${JSON.stringify(recording)}\n${JSON.stringify(recording)}\n`,
    });
    expect(many.stdout).toBe(
      "valid   <stdin>:1\nvalid   <stdin>:2\n2 payloads (strict): 2 valid, 0 invalid\n",
    );
  });

  test("a byte order mark at the start of a file is not an error", async () => {
    const path = await file("bom.json", `\uFEFF${JSON.stringify(recording)}`);
    const result = await run(["validate", "--schema", "recordOperation", path], { validators });
    expect(result.code).toBe(0);
  });

  test("invalid JSON is reported with its line and column", async () => {
    const path = await file("broken.json", '{\n  "id": "1",\n  "status": running\n}');
    const result = await run(["validate", "--schema", "recordOperation", path], { validators });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `error   ${path}: invalid JSON at line 3, column 13: unexpected character\n`,
    );
  });

  test("--format json", async () => {
    const path = await file("fmt.json", JSON.stringify({ ...recording, status: 3 }));
    const result = await run(
      ["validate", "--schema", "recordOperation", "--format", "json", path],
      { validators },
    );
    expect(JSON.parse(result.stdout)).toEqual({
      mode: "strict",
      results: [
        {
          input: path,
          target: "schema recordOperation (response, strict)",
          verdict: "invalid",
          issues: [
            { path: "/status", message: "must be string", code: "type" },
            {
              path: "/status",
              message: "must be equal to one of the allowed values",
              code: "enum",
            },
          ],
        },
      ],
      summary: { inputs: 1, valid: 0, invalid: 1, errors: 0, skipped: 0 },
    });
  });

  test("HAR: entries matched to operations by method and path template, bodies validated", async () => {
    const har = {
      log: {
        entries: [
          {
            request: {
              method: "POST",
              url: "https://graph.example.test/v1.0/communications/calls/abc/record",
              postData: {
                mimeType: "application/json",
                text: JSON.stringify({ clientContext: "c" }),
              },
            },
            response: {
              status: 200,
              content: {
                mimeType: "application/json; charset=utf-8",
                text: JSON.stringify(recording),
              },
            },
          },
          {
            request: {
              method: "GET",
              url: "https://graph.example.test/v1.0/users/u/onlineMeetings/m/recordings/delta?$top=1",
            },
            response: {
              status: 200,
              content: {
                mimeType: "application/json",
                encoding: "base64",
                text: Buffer.from(JSON.stringify({ value: [{ id: "r", colour: 1 }] })).toString(
                  "base64",
                ),
              },
            },
          },
          {
            request: {
              method: "GET",
              url: "https://graph.example.test/v1.0/users/u/onlineMeetings/m/recordings/r1/content",
            },
            response: { status: 200, content: { mimeType: "audio/mp4", text: "AAAA" } },
          },
          {
            request: {
              method: "GET",
              url: "https://graph.example.test/v1.0/users/u/onlineMeetings/m/recordings/r1",
            },
            response: {
              status: 200,
              content: { mimeType: "application/json", text: JSON.stringify({ id: "r1" }) },
            },
          },
          {
            request: {
              method: "POST",
              url: "https://graph.example.test/v1.0/communications/calls/abc/record",
            },
            response: { status: 503, content: { mimeType: "application/json", text: "{}" } },
          },
          {
            request: {
              method: "POST",
              url: "https://graph.example.test/v1.0/communications/calls/abc/record",
            },
            response: { status: 0, content: {} },
          },
        ],
      },
    };
    const path = await file("capture.har", JSON.stringify(har));
    const result = await run(["validate", "--har", path, "--spec", fixture("recording-api.yaml")], {
      validators,
    });
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").filter((line) => /^\S/.test(line))).toEqual([
      `valid   ${path} entries[0] request (POST https://graph.example.test/v1.0/communications/calls/abc/record)`,
      `valid   ${path} entries[0] response 200 (POST https://graph.example.test/v1.0/communications/calls/abc/record)`,
      `invalid ${path} entries[1] response 200 (GET https://graph.example.test/v1.0/users/u/onlineMeetings/m/recordings/delta?$top=1) against operation recordingsDelta response 200 (strict)`,
      `error   ${path} entries[2] (GET https://graph.example.test/v1.0/users/u/onlineMeetings/m/recordings/r1/content): GET https://graph.example.test/v1.0/users/u/onlineMeetings/m/recordings/r1/content matches no operation of the spec`,
      `valid   ${path} entries[3] response 200 (GET https://graph.example.test/v1.0/users/u/onlineMeetings/m/recordings/r1)`,
      `error   ${path} entries[4] response 503 (POST https://graph.example.test/v1.0/communications/calls/abc/record): operation recordResponse declares no JSON response body for status 503; it declares 200, 400`,
      `skipped ${path} entries[5] response (POST https://graph.example.test/v1.0/communications/calls/abc/record): no response was recorded (status 0)`,
      "7 payloads (strict): 3 valid, 1 invalid, 2 errors, 1 skipped",
    ]);
  });

  test.each([
    [
      ["validate", "--schema", "recordOperaton", "x.json"],
      'unknown schema "recordOperaton"; did you mean recordOperation?',
    ],
    [
      ["validate", "--operation", "recordRespons", "x.json"],
      'unknown operation "recordRespons"; did you mean recordResponse?',
    ],
    [
      ["validate", "--operation", "recording", "x.json"],
      'unknown operation "recording"; did you mean getRecording or listRecordings or recordingsDelta?',
    ],
    [
      ["validate", "--webhook", "zzz", "x.json"],
      'unknown webhook "zzz"; known webhooks: callRecordingNotification',
    ],
    [
      ["validate", "--operation", "recordResponse", "--status", "201", "x.json"],
      "operation recordResponse declares no JSON response body for status 201; it declares 200, 400",
    ],
    [
      ["validate", "--operation", "recordResponse", "--status", "OK", "x.json"],
      "--status OK is not a status code (e.g. 200, 4XX, default)",
    ],
    [
      ["validate", "--schema", "a", "--operation", "b", "x.json"],
      "--schema and --operation cannot be combined: pick one target",
    ],
    [
      ["validate", "--operation", "recordResponse", "--request", "--status", "200", "x.json"],
      "--request and --status cannot be combined: a body is either sent or received",
    ],
    [
      ["validate", "--schema", "recordOperation"],
      "no input: pass JSON or NDJSON files, - for standard input, or --har <file>",
    ],
    [
      ["validate", "--schema", "recordOperation", "--threads", "0", "x.json"],
      "--threads 0 is not a number of threads (1 to 99)",
    ],
    [
      ["validate", "x.json"],
      "say what the inputs should match: --schema, --operation or --webhook",
    ],
  ])("bad usage %j exits 2: %s", async (argv, message) => {
    const path = await file("x.json", "{}");
    const result = await run(
      argv.map((arg) => (arg === "x.json" ? path : arg)),
      { validators },
    );
    expect(result.stderr).toBe(`graph-recording-conformance: ${message}\n`);
    expect(result.code).toBe(2);
  });

  test("a missing input file exits 2 naming it", async () => {
    const result = await run(["validate", "--schema", "recordOperation", "nowhere.json"], {
      validators,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "graph-recording-conformance: nowhere.json: cannot read input: no such file\n",
    );
  });

  test("a directory given as input exits 2 naming it", async () => {
    const result = await run(["validate", "--schema", "recordOperation", folder], { validators });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `graph-recording-conformance: ${folder}: cannot read input: is a directory, not a file\n`,
    );
  });

  test.each([
    ["not-har.json", JSON.stringify({ entries: [] }), "not a HAR file: log.entries is missing"],
    [
      "broken.har",
      '{ "log": { "entries": [ }',
      "invalid JSON at line 1, column 25: expected a value",
    ],
  ])("a HAR file that is not one (%s) is a reported failure", async (name, content, message) => {
    const path = await file(name, content);
    const result = await run(["validate", "--har", path], { validators });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `error   ${path}: ${message}\n1 payload (strict): 0 valid, 0 invalid, 1 error\n`,
    );
  });

  test("flags map onto the library's options", () => {
    expect(
      validateOptionsFromFlags(["a.json"], {
        operation: "recordResponse",
        status: "200",
        open: true,
        format: "text",
      }),
    ).toEqual({
      inputs: ["a.json"],
      mode: "open",
      target: { operation: "recordResponse", mode: "open", status: "200" },
    });
  });
});
