// Spectral's `oas3-valid-media-example` is turned off, in .spectral.yaml, for exactly the examples
// spec/openapi.yaml marks `x-expect: invalid` (their defects are deliberate; the conformance
// package checks them against their `x-defects`). Fails naming every pointer that is missing from
// that list or listed without reason, so the list cannot drift from the spec. Part of `pnpm lint`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { root, runScript } from "./lib/toolchain.mjs";

const specFile = "spec/openapi.yaml";
const rulesetFile = ".spectral.yaml";
const rule = "oas3-valid-media-example";

await runScript(async () => {
  const spec = parse(readFileSync(join(root, specFile), "utf8"));
  const ruleset = parse(readFileSync(join(root, rulesetFile), "utf8"));
  const expected = invalidExamplePointers(spec).map((tokens) => overrideTarget(tokens));
  const problems = compareOverrides(listedOverrides(ruleset), expected);
  if (problems.length > 0) {
    process.stderr.write(
      `${rulesetFile}: the override that turns \`${rule}\` off must list exactly the examples ` +
        `marked \`x-expect: invalid\` in ${specFile}.\n${problems.join("")}` +
        `Fix: edit the \`files\` of that override in ${rulesetFile}.\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stderr.write(
    `${rulesetFile} turns \`${rule}\` off for exactly the ${expected.length} examples marked \`x-expect: invalid\`.\n`,
  );
});

/**
 * The reference tokens of every object marked `x-expect: invalid`, where it is written (Example
 * Objects in `components.examples` or inline in a media type's `examples`).
 */
function invalidExamplePointers(value, tokens = [], found = []) {
  if (typeof value !== "object" || value === null) return found;
  if (value["x-expect"] === "invalid") found.push(tokens);
  // Object.entries lists an array's items under their indices, which is what a pointer uses.
  for (const [key, child] of Object.entries(value)) {
    invalidExamplePointers(child, [...tokens, key], found);
  }
  return found;
}

/**
 * How Spectral names a place in a file: `file#` and a JSON pointer whose tokens are escaped
 * (RFC 6901) and then percent-encoded as a URI fragment (`{id}` becomes `%7Bid%7D`).
 */
function overrideTarget(tokens) {
  const fragment = tokens
    .map((token) => String(token).replaceAll("~", "~0").replaceAll("/", "~1"))
    .map((token) => `/${encodeURIComponent(token)}`)
    .join("");
  return `${specFile}#${fragment}`;
}

/** The `files` of the overrides that turn the rule off (undefined when none does). */
function listedOverrides(ruleset) {
  const overrides = Array.isArray(ruleset?.overrides) ? ruleset.overrides : [];
  const off = overrides.filter((override) => ["off", 0, false].includes(override?.rules?.[rule]));
  if (off.length === 0) return undefined;
  return off.flatMap((override) => (Array.isArray(override.files) ? override.files : []));
}

/** One text block per kind of mismatch: missing, extra and repeated entries. */
function compareOverrides(listed, expected) {
  if (listed === undefined) {
    return [`  no override sets \`${rule}: off\`; add one whose files are:\n${bullets(expected)}`];
  }
  const listedSet = new Set(listed);
  const expectedSet = new Set(expected);
  const missing = expected.filter((target) => !listedSet.has(target));
  const extra = [...listedSet].filter((target) => !expectedSet.has(target));
  const repeated = [...listedSet].filter(
    (target) => listed.indexOf(target) !== listed.lastIndexOf(target),
  );
  const problems = [];
  if (missing.length > 0) {
    problems.push(
      `  missing (marked invalid, so Spectral would report their deliberate defects):\n${bullets(missing)}`,
    );
  }
  if (extra.length > 0) {
    problems.push(
      `  extra (no example marked invalid there, so Spectral must check it):\n${bullets(extra)}`,
    );
  }
  if (repeated.length > 0) problems.push(`  listed more than once:\n${bullets(repeated)}`);
  return problems;
}

function bullets(items) {
  return items.map((item) => `    - ${item}\n`).join("");
}
