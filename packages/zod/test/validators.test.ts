import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import type * as z from "zod";
import {
  operations,
  recordOperationStrictSchema,
  requestValidator,
  responseValidator,
  schemaPointers,
  schemas,
  strictSchemas,
  webhookPayloadValidator,
  webhooks,
} from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");
const spec = parse(readFileSync(resolve(packageDir, "../../spec/openapi.yaml"), "utf8")) as Record<
  string,
  unknown
>;

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const escapeToken = (token: string | number) =>
  String(token).replace(/~/g, "~0").replace(/\//g, "~1");
const toPointer = (path: readonly PropertyKey[]) =>
  path.map((p) => `/${escapeToken(String(p))}`).join("");
const atOrBelow = (pointer: string, base: string) =>
  pointer === base || pointer.startsWith(`${base}/`) || base === "";

function resolveRef(value: unknown): unknown {
  if (!isObject(value) || typeof value.$ref !== "string") return value;
  let current: unknown = spec;
  for (const token of value.$ref.slice(2).split("/"))
    current = (current as JsonObject)[token.replace(/~1/g, "/").replace(/~0/g, "~")];
  return current;
}

/** Every Example Object of a JSON media type in the spec, with the pointer of the media type's schema. */
function examples(): Array<{ name: string; pointer: string; example: JsonObject }> {
  const found: Array<{ name: string; pointer: string; example: JsonObject }> = [];
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${at}/${i}`);
    }
    if (!isObject(value)) return;
    if (isObject(value.content)) {
      for (const [mediaType, media] of Object.entries(value.content)) {
        if (!isObject(media) || !isObject(media.examples) || !mediaType.includes("json")) continue;
        const pointer = `#${at}/content/${escapeToken(mediaType)}/schema`;
        for (const [name, example] of Object.entries(media.examples)) {
          found.push({
            name: `${pointer} ${name}`,
            pointer,
            example: resolveRef(example) as JsonObject,
          });
        }
      }
    }
    for (const [key, child] of Object.entries(value))
      if (key !== "content" && key !== "examples") walk(child, `${at}/${escapeToken(key)}`);
  };
  walk(spec.paths, "/paths");
  walk(spec.webhooks, "/webhooks");
  return found;
}

describe("the spec's examples meet their verdicts (x-expect, x-defects) under the strict validators", () => {
  const cases = examples();
  test("finds the examples", () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, { pointer, example }) => {
    const validators = (schemaPointers as Record<string, { open: z.ZodType; strict: z.ZodType }>)[
      pointer
    ];
    expect(validators, `no validators for ${pointer}`).toBeDefined();
    const result = validators?.strict.safeParse(example.value);
    if (example["x-expect"] === "valid") {
      expect(result?.error?.issues ?? []).toEqual([]);
      return;
    }
    expect(example["x-expect"]).toBe("invalid");
    expect(result?.success).toBe(false);
    const defects = (example["x-defects"] as Array<{ path: string }>).map((d) => d.path);
    const issues = (result?.error?.issues ?? []).map((issue) => toPointer(issue.path));
    for (const defect of defects)
      expect(
        issues.some((i) => atOrBelow(i, defect)),
        `no issue at or below ${defect}: ${issues}`,
      ).toBe(true);
    for (const issue of issues)
      expect(
        defects.some((d) => atOrBelow(issue, d)),
        `issue ${issue} is under no defect`,
      ).toBe(true);
  });
});

describe("lookups", () => {
  const operationId = Object.keys(operations)[0] as keyof typeof operations;

  test("responseValidator falls back from the exact status to the range and to default", () => {
    const entry = operations[operationId] as {
      responses: Record<string, { open: z.ZodType; strict: z.ZodType }>;
    };
    const [status, body] = Object.entries(entry.responses)[0] ?? [];
    expect(responseValidator(operationId, Number(status), "strict")).toBe(body?.strict);
    expect(responseValidator(operationId, 599)).toBe(
      entry.responses.default?.open ?? entry.responses["5XX"]?.open,
    );
  });

  test("requestValidator returns the request-direction validators", () => {
    for (const id of Object.keys(operations) as Array<keyof typeof operations>) {
      const entry = operations[id] as { request?: { open: z.ZodType; strict: z.ZodType } };
      expect(requestValidator(id, "strict")).toBe(entry.request?.strict);
    }
  });

  test("webhookPayloadValidator returns the payload validators", () => {
    for (const name of Object.keys(webhooks) as Array<keyof typeof webhooks>) {
      const entry = webhooks[name] as { request?: { open: z.ZodType } };
      expect(webhookPayloadValidator(name)).toBe(entry.request?.open);
    }
  });

  test("records and named exports are the same validators", () => {
    expect(strictSchemas.recordOperation).toBe(recordOperationStrictSchema);
    expect(Object.keys(schemas).length).toBe(
      Object.keys((spec.components as { schemas: JsonObject }).schemas).length,
    );
  });
});

describe("operations.call_listOperations: the page a client reconciles a lost action from", () => {
  const page = operations.call_listOperations.responses["200"];
  const recording = {
    "@odata.type": "#microsoft.graph.recordOperation",
    id: "op-1",
    status: "running",
    clientContext: "c-1",
    resultInfo: null,
  };
  const status = {
    "@odata.type": "#microsoft.graph.updateRecordingStatusOperation",
    id: "op-2",
    status: "completed",
    clientContext: "c-2",
  };
  const issuesOf = (result: { error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
    (result.error?.issues ?? []).map((issue) => toPointer(issue.path));

  test("is the operation of the spec's list path", () => {
    expect(operations.call_listOperations.method).toBe("get");
    expect(operations.call_listOperations.path).toBe("/communications/calls/{callId}/operations");
  });

  test.each([
    [
      "a page of both operation types with a next link",
      {
        "@odata.context":
          "https://graph.microsoft.com/v1.0/$metadata#communications/calls('c')/operations",
        "@odata.nextLink":
          "https://graph.microsoft.com/v1.0/communications/calls/c/operations?$skiptoken=t",
        value: [recording, status],
      },
    ],
    ["an empty last page", { value: [] }],
  ])("accepts %s, open and strict", (_name, body) => {
    expect(issuesOf(page.open.safeParse(body))).toEqual([]);
    expect(issuesOf(page.strict.safeParse(body))).toEqual([]);
  });

  test.each([
    ["a page without value", {}, "/value"],
    [
      "an operation type outside the union",
      {
        value: [
          {
            "@odata.type": "#microsoft.graph.playPromptOperation",
            id: "op-3",
            status: "completed",
          },
        ],
      },
      "/value/0",
    ],
    [
      "an operation without @odata.type",
      { value: [{ id: "op-4", status: "running" }] },
      "/value/0",
    ],
  ])("rejects %s, open and strict, at %s", (_name, body, at) => {
    for (const schema of [page.open, page.strict]) {
      const issues = issuesOf(schema.safeParse(body));
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(atOrBelow(issue, at), `${issue} under ${at}`).toBe(true);
    }
  });

  test("strict rejects an undeclared member on an item; open accepts it", () => {
    const body = { value: [{ ...recording, legacyField: 1 }] };
    expect(issuesOf(page.open.safeParse(body))).toEqual([]);
    const issues = issuesOf(page.strict.safeParse(body));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(atOrBelow(issue, "/value/0"), issue).toBe(true);
  });
});

describe("tree shaking", () => {
  test("a bundle that imports one validator contains only that validator and what it uses", () => {
    const dir = mkdtempSync(join(tmpdir(), "graph-recording-zod-"));
    const entry = join(dir, "entry.ts");
    writeFileSync(
      entry,
      `import { mediaInfoSchema } from ${JSON.stringify(join(packageDir, "src", "index.ts"))};\nconsole.log(mediaInfoSchema);\n`,
    );
    const esbuild = join(packageDir, "node_modules", ".bin", "esbuild");
    let bundle: string;
    try {
      bundle = execFileSync(
        esbuild,
        [entry, "--bundle", "--format=esm", "--external:zod", "--log-level=error"],
        { encoding: "utf8" },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const constants = [...bundle.matchAll(/^var (\w+) = /gm)].map((m) => m[1]);
    expect(constants).toEqual(["mediaInfoSchema"]);
  });
});
