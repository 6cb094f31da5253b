/**
 * Reading OpenAPI documents: YAML or JSON with the source position of every node, local `$ref`
 * resolution, and JSON pointers (RFC 6901). Errors name the file, line, column and pointer.
 *
 * @example
 * import { readSpecDocument, resolveRefs } from "@graph-recording/openapi-zod/document";
 * const spec = await readSpecDocument("openapi.yaml", { versions: ["3.1"] });
 * const body = resolveRefs(spec, "/paths/~1calls/post/requestBody");
 */
export {
  childPointer,
  escapeToken,
  pointerTokens,
  unescapeToken,
  valueAtPointer,
  valueAtTokens,
} from "./json-pointer.js";
export { isRefObject, type RefSource, type ResolvedRef, resolveRefs } from "./references.js";
export {
  describeFsError,
  parseSpecDocument,
  readSpecDocument,
  type SourcePosition,
  type SpecDocument,
  type SpecDocumentOptions,
} from "./spec-document.js";
export {
  formatLocation,
  SpecDocumentError,
  type SpecDocumentErrorKind,
  type SpecLocation,
} from "./spec-document-error.js";
