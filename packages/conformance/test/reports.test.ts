import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseHtml } from "parse5";
import { describe, expect, test } from "vitest";
import {
  type CheckReport,
  checkExamples,
  formatCheckHtml,
  formatCheckJunit,
  formatCheckText,
  formatValidateJunit,
  loadSpec,
  shouldColor,
} from "../src/index.js";
import { renderJson } from "../src/report/html.js";
import { escapeXml } from "../src/report/junit.js";
import { ajvValidatorSource } from "./support/ajv-validator-source.js";
import { fixture } from "./support/run.js";

async function reportFor(name: string): Promise<CheckReport> {
  const spec = await loadSpec(fixture(name));
  return checkExamples(spec, { validators: ajvValidatorSource(spec) });
}

type HtmlNode = {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  value?: string;
};

function findAll(
  node: HtmlNode,
  predicate: (node: HtmlNode) => boolean,
  found: HtmlNode[] = [],
): HtmlNode[] {
  if (predicate(node)) found.push(node);
  for (const child of node.childNodes ?? []) findAll(child, predicate, found);
  return found;
}
const attr = (node: HtmlNode, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const text = (node: HtmlNode): string =>
  node.nodeName === "#text" ? (node.value ?? "") : (node.childNodes ?? []).map(text).join("");

describe("text report", () => {
  test("groups by operation, shows failures in detail and ends with the summary", async () => {
    const output = formatCheckText(await reportFor("broken-examples.yaml"));
    expect(output).toContain(
      "getThing (GET /things/{id})\n  ✗ response 200 saysValidButIsNot: expected valid, got invalid\n",
    );
    expect(output).toContain('      /colour: property "colour" is not declared by the schema\n');
    expect(output.trimEnd().split("\n").at(-1)).toBe(
      "6 examples: 0 passed, 6 failed (3 expected valid, 3 expected invalid, 0 validator defects)",
    );
    expect(output).not.toContain("\u001b[");
  });

  test("a validator defect shows both verdicts and both lists of issues", async () => {
    const spec = await loadSpec(fixture("recording-api.yaml"));
    const honest = ajvValidatorSource(spec);
    const acceptsAnything = { safeParse: () => ({ success: true }) };
    const pointer =
      "/paths/~1communications~1calls~1{id}~1record/post/responses/200/content/application~1json/schema";
    const report = await checkExamples(spec, {
      validators: {
        ...honest,
        schemaPointers: {
          ...honest.schemaPointers,
          [pointer]: { open: acceptsAnything, strict: acceptsAnything },
        },
      },
    });
    const output = formatCheckText(report, { passes: false });
    expect(output).toContain(
      [
        "      - validator defect: the generated validator says valid, Ajv says invalid",
        "      - expected invalid, but validation accepted the example",
        `      generated (schemaPointers["${pointer}"].strict): valid`,
        "      Ajv: invalid",
        "        /status: must be equal to one of the allowed values",
      ].join("\n"),
    );
  });

  test("colours only when asked", async () => {
    const output = formatCheckText(await reportFor("broken-examples.yaml"), { color: true });
    expect(output).toContain("\u001b[31m");
  });

  test.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{ isTTY: true }, { NO_COLOR: "1" }, false],
    [{ isTTY: true }, { NO_COLOR: "" }, true],
    [{ isTTY: false }, { FORCE_COLOR: "1" }, true],
    [{ isTTY: true }, { TERM: "dumb" }, false],
  ])("colour decision for %j with %j", (stream, env, expected) => {
    expect(shouldColor(stream, env)).toBe(expected);
  });
});

describe("JUnit report", () => {
  test("is well-formed XML with one suite per operation and a failure per failing example", async () => {
    const xml = formatCheckJunit(await reportFor("broken-examples.yaml"));
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name) => ["testsuite", "testcase"].includes(name),
    }).parse(xml);
    const suites = parsed.testsuites.testsuite;
    expect(parsed.testsuites.tests).toBe("6");
    expect(parsed.testsuites.failures).toBe("6");
    expect(suites.map((suite: { name: string }) => suite.name)).toEqual([
      "getThing (GET /things/{id})",
      "components/examples (not referenced)",
    ]);
    const first = suites[0].testcase[0];
    expect(first.name).toBe("response 200 saysValidButIsNot");
    expect(first.failure.message).toBe("expected valid, but validation found 1 issue");
  });

  test("passing examples carry no failure", async () => {
    const xml = formatCheckJunit(await reportFor("recording-api.yaml"));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain("<failure");
  });

  test("escapes markup and drops characters XML cannot hold", () => {
    const escaped = escapeXml(`<a b="c">&'\u0001`);
    expect(escaped).toBe("&lt;a b=&quot;c&quot;&gt;&amp;&apos;\uFFFD");
    expect(XMLValidator.validate(`<x y="${escaped}">${escaped}</x>`)).toBe(true);
  });

  test("validate's JUnit output is well-formed too", () => {
    const xml = formatValidateJunit({
      mode: "strict",
      results: [
        { input: "a.json", verdict: "valid", issues: [] },
        {
          input: "b<.json",
          verdict: "invalid",
          issues: [{ path: "/x", message: "bad & wrong" }],
          target: "schema x",
        },
        {
          input: "c.json",
          verdict: "error",
          issues: [],
          message: "invalid JSON at line 1, column 2: expected a value",
        },
      ],
      summary: { inputs: 3, valid: 1, invalid: 1, errors: 1, skipped: 0 },
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('failures="2"');
  });
});

describe("HTML report", () => {
  test("parses without a single HTML parse error", async () => {
    for (const name of ["recording-api.yaml", "broken-examples.yaml"]) {
      const errors: string[] = [];
      parseHtml(formatCheckHtml(await reportFor(name)), {
        onParseError: (error) =>
          errors.push(`${error.code} at ${error.startLine}:${error.startCol}`),
      });
      expect(errors).toEqual([]);
    }
  });

  test("is one self-contained page with a section per operation and an article per example", async () => {
    const html = formatCheckHtml(await reportFor("recording-api.yaml"));
    const document = parseHtml(html) as unknown as HtmlNode;
    const sections = findAll(document, (node) => node.nodeName === "section");
    expect(
      sections.map((section) =>
        text(findAll(section, (node) => node.nodeName === "h2")[0] as HtmlNode),
      ),
    ).toEqual([
      "/communications/calls/{id}/record",
      "recordResponse (POST /communications/calls/{id}/record)",
      "listRecordings (GET /users/{userId}/onlineMeetings/{meetingId}/recordings)",
      "webhook callRecordingNotification",
      "schema recordRequest",
      "schema callRecording",
    ]);
    const articles = findAll(document, (node) => node.nodeName === "article");
    expect(articles).toHaveLength(13);
    expect(articles.every((article) => attr(article, "class") === "pass")).toBe(true);
    const links = findAll(
      document,
      (node) =>
        ["link", "script", "img"].includes(node.nodeName) ||
        (node.nodeName === "a" && !attr(node, "href")?.startsWith("#")),
    );
    expect(links).toEqual([]);
    const navTargets = findAll(document, (node) => node.nodeName === "a").map((node) =>
      attr(node, "href")?.slice(1),
    );
    const ids = new Set(
      findAll(document, (node) => attr(node, "id") !== undefined).map((node) => attr(node, "id")),
    );
    expect(navTargets.every((target) => ids.has(target))).toBe(true);
  });

  test("highlights each issue in the example value, marking the object that lacks a required property", async () => {
    const html = formatCheckHtml(await reportFor("recording-api.yaml"));
    const document = parseHtml(html) as unknown as HtmlNode;
    const marks = findAll(document, (node) => node.nodeName === "mark");
    expect(marks.map((mark) => attr(mark, "data-pointer"))).toEqual([
      "/maxRecordDurationInSecond",
      "/status",
      "/value/0",
    ]);
    expect(attr(marks[2] as HtmlNode, "title")).toBe(
      '/value/0/resource: required property "resource" is missing',
    );
  });

  test("failed examples are marked and carry their reasons", async () => {
    const document = parseHtml(
      formatCheckHtml(await reportFor("broken-examples.yaml")),
    ) as unknown as HtmlNode;
    const failed = findAll(
      document,
      (node) => node.nodeName === "article" && attr(node, "class") === "fail",
    );
    expect(failed).toHaveLength(6);
    const reasons = findAll(
      failed[0] as HtmlNode,
      (node) => node.nodeName === "ul" && attr(node, "class") === "failures",
    );
    expect(text(reasons[0] as HtmlNode)).toBe("expected valid, but validation found 1 issue");
  });

  test("escapes example values", () => {
    expect(renderJson({ "<script>": "</pre>" }, [])).toBe(
      "{\n  &quot;&lt;script&gt;&quot;: &quot;&lt;/pre&gt;&quot;\n}",
    );
  });
});
