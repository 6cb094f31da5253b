import { readdir, readFile } from "node:fs/promises";
import { basename, join, sep } from "node:path";
import { describeFsError } from "@graph-recording/openapi-zod/document";
import { UsageError } from "./errors.js";

/** Which source documents the examples account for. */
export interface SourceCoverage {
  /** The folders searched, as given. */
  folders: string[];
  /** Files found in them. */
  files: number;
  /** Files an example names in its `x-source`. */
  namedByExamples: number;
  /** Files not named by an example but mentioned (by file name) in one of `accountedIn`. */
  mentionedInDocuments: number;
  /** Files neither named nor mentioned: these fail the check. */
  unaccounted: string[];
}

/** Options of `sourceCoverage`. */
export interface SourceCoverageOptions {
  /** Folders holding the source documents (every file below them counts). */
  folders: string[];
  /** Documents (a DECISIONS file) that account for a source by naming its file. */
  accountedIn?: string[];
}

async function filesBelow(folder: string): Promise<string[]> {
  let entries: Array<{ name: string; isDirectory(): boolean; isFile(): boolean }>;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(
      "missing-file",
      `cannot read the sources folder: ${describeFsError(error)}`,
      {
        file: folder,
      },
    );
  }
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return filesBelow(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat().sort();
}

/**
 * Checks that every file in the source folders is accounted for: named by an example's
 * `x-source` (a path relative to a folder above it, e.g. `reference/graph-examples/x.json`), or
 * mentioned by file name in one of the `accountedIn` documents.
 */
export async function sourceCoverage(
  sources: readonly string[],
  options: SourceCoverageOptions,
): Promise<SourceCoverage> {
  const files = (await Promise.all(options.folders.map(filesBelow))).flat();
  const documents = await Promise.all(
    (options.accountedIn ?? []).map(async (file) => {
      try {
        return await readFile(file, "utf8");
      } catch (error) {
        throw new UsageError("missing-file", `cannot read: ${describeFsError(error)}`, { file });
      }
    }),
  );
  const suffixes = sources.map(
    (source) => `/${source.replaceAll("\\", "/").replace(/^\.?\//, "")}`,
  );
  let namedByExamples = 0;
  let mentionedInDocuments = 0;
  const unaccounted: string[] = [];
  for (const file of files) {
    const normalized = file.split(sep).join("/");
    if (suffixes.some((suffix) => normalized.endsWith(suffix))) namedByExamples += 1;
    else if (documents.some((text) => text.includes(basename(file)))) mentionedInDocuments += 1;
    else unaccounted.push(file);
  }
  return {
    folders: [...options.folders],
    files: files.length,
    namedByExamples,
    mentionedInDocuments,
    unaccounted,
  };
}
