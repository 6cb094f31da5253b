// How reports compare and show JSON pointers (string form: "/a/0", "" for the root). Reading,
// building and escaping pointers is @graph-recording/openapi-zod/document's.

/** True when `pointer` equals `ancestor` or lies below it (segment-wise, not by string prefix). */
export function isAtOrBelow(pointer: string, ancestor: string): boolean {
  if (ancestor === "") return true;
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** Renders a pointer for people: the root is shown as `/` rather than an empty string. */
export function displayPointer(pointer: string): string {
  return pointer === "" ? "/" : pointer;
}
