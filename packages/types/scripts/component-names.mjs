// Readable type names for component schemas: the part of the types generator that decides names,
// kept apart from the file writing so it can be tested.

const header =
  "// Generated from spec/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:\n" +
  "// change the spec and run `pnpm generate`.\n\n";

/** The header every generated file of this package opens with. */
export const generatedHeader = header;

/** recordOperation -> RecordOperation; odata.error -> OdataError; digits first get a `_`. */
export function typeName(componentName) {
  const words = componentName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((word) => word[0].toUpperCase() + word.slice(1)).join("");
  if (name === "") throw new Error(`#/components/schemas/${componentName}: no usable type name`);
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** The first paragraph of a description, on one line (the JSDoc summary of the named type). */
function firstParagraph(description) {
  const paragraph = description?.trim().split(/\n\s*\n/)[0];
  return paragraph?.replace(/\s+/g, " ").trim();
}

/**
 * The module that exports one named type per component schema, in name order. Throws when two
 * components would get the same type name, naming both pointers.
 */
export function namedExportsModule(document) {
  const schemas = document.components?.schemas ?? {};
  const taken = new Map();
  const lines = [];
  for (const name of Object.keys(schemas).sort()) {
    const alias = typeName(name);
    const clash = taken.get(alias);
    if (clash !== undefined) {
      throw new Error(
        `#/components/schemas/${name}: its type name ${alias} is already taken by ` +
          `#/components/schemas/${clash}; rename one of the two components`,
      );
    }
    taken.set(alias, name);
    const summary = firstParagraph(schemas[name]?.description);
    if (summary) lines.push(`/** ${summary.replaceAll("*/", "*\\/")} */`);
    lines.push(`export type ${alias} = components["schemas"][${JSON.stringify(name)}];`);
  }
  return `${header}import type { components } from "./schema.gen.js";\n\n${lines.join("\n")}\n`;
}
