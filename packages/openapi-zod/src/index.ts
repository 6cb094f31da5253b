export { type CliOptions, type CliStreams, optionsFromArgs, runCli, UsageError } from "./cli.js";
export { OpenApiZodError, type OpenApiZodErrorKind } from "./errors.js";
export {
  componentExportName,
  type GenerateOptions,
  generateZod,
  generateZodFromFile,
  identifierFor,
  isJsonMediaType,
  typeNameFor,
} from "./generate.js";
export { loadDocument, parseDocument } from "./load.js";
export { writeFileAtomic } from "./write.js";
