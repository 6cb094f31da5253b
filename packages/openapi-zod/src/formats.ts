/**
 * The JSON Schema vocabulary both code paths of the generator share: which formats are asserted
 * (and by which emitted helper), the ranges of the integer formats, and the object test.
 */

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object: not null, not an array. */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Formats the generator asserts, by the helper that checks them; any other `format` is an annotation. */
export const STRING_FORMATS: Readonly<Record<string, string>> = {
  "date-time": "$isDateTime",
  date: "$isDate",
  time: "$isTime",
  uuid: "$isUuid",
  email: "$isEmail",
  uri: "$isUri",
  ipv4: "$isIpv4",
  ipv6: "$isIpv6",
};

/**
 * The range of each integer format as source text: `[inclusive minimum, exclusive maximum]`.
 * The int64 maximum is 2^63 because 2^63 - 1 has no exact double.
 */
export const INTEGER_FORMATS: Readonly<Record<string, [string, string]>> = {
  int32: ["-2147483648", "2147483648"],
  int64: ["-9223372036854775808", "9223372036854775808"],
};
