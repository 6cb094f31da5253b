/**
 * Helper functions that generated modules embed (each at most once, only when used).
 *
 * They are written once as JavaScript with type annotations in comments: `/*: T*\/` becomes `: T` and
 * `/*as T*\/` becomes ` as T` in TypeScript output; both are dropped in JavaScript output. This keeps a
 * single source for both languages without a compiler in the generation path.
 */
export interface HelperSource {
  readonly code: string;
  readonly uses: readonly string[];
}

const ISSUE = `{ code: "custom", message, path, input }`;

export const helpers: Record<string, HelperSource> = {
  $isObject: {
    uses: [],
    code: `function $isObject(v/*: unknown*/)/*: v is Record<string, unknown>*/ {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}`,
  },
  $isRecord: {
    uses: [],
    code: `/** Like $isObject, without narrowing: the compiled checks read members of \`any\` values. */
function $isRecord(v/*: any*/)/*: boolean*/ {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}`,
  },
  $issue: {
    uses: [],
    code: `function $issue(ctx/*: z.RefinementCtx*/, message/*: string*/, path/*: PropertyKey[]*/, input/*: unknown*/)/*: void*/ {
  ctx.addIssue(${ISSUE});
}`,
  },
  $forward: {
    uses: [],
    code: `function $forward(ctx/*: z.RefinementCtx*/, issues/*: readonly z.core.$ZodIssue[]*/, prefix/*: PropertyKey[]*/)/*: void*/ {
  for (const issue of issues) ctx.addIssue({ ...issue, path: [...prefix, ...issue.path] }/*as never*/);
}`,
  },
  $check: {
    uses: ["$forward"],
    code: `function $check(ctx/*: z.RefinementCtx*/, schema/*: z.ZodType*/, value/*: unknown*/, prefix/*: PropertyKey[]*/)/*: boolean*/ {
  const result = schema.safeParse(value);
  if (!result.success) $forward(ctx, result.error.issues, prefix);
  return result.success;
}`,
  },
  $equal: {
    uses: [],
    code: `function $equal(a/*: unknown*/, b/*: unknown*/)/*: boolean*/ {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b/*as unknown[]*/;
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!$equal(a[i], other[i])) return false;
    return true;
  }
  const left = a/*as Record<string, unknown>*/;
  const right = b/*as Record<string, unknown>*/;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!Object.hasOwn(right, key) || !$equal(left[key], right[key])) return false;
  return true;
}`,
  },
  $oneOfValues: {
    uses: ["$equal"],
    code: `function $oneOfValues(values/*: readonly unknown[]*/)/*: (v: unknown) => boolean*/ {
  return (v) => values.some((allowed) => $equal(v, allowed));
}`,
  },
  $unique: {
    uses: ["$equal"],
    code: `function $unique(items/*: readonly unknown[]*/)/*: boolean*/ {
  for (let i = 1; i < items.length; i++) for (let j = 0; j < i; j++) if ($equal(items[i], items[j])) return false;
  return true;
}`,
  },
  $length: {
    uses: [],
    code: `/** Length in Unicode code points, as JSON Schema counts it (a surrogate pair is one character). */
function $length(s/*: string*/)/*: number*/ {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}`,
  },
  $multipleOf: {
    uses: [],
    code: `/**
 * Decimal semantics (0.0075 is a multiple of 0.0001), unlike a floating-point remainder; integers too large for
 * the quotient to be finite are checked exactly with BigInt.
 */
function $multipleOf(divisor/*: number*/)/*: (v: number) => boolean*/ {
  const decimals = (x/*: number*/)/*: number*/ => {
    const [mantissa = "", exponent = "0"] = String(x).split("e");
    const fraction = mantissa.split(".")[1] ?? "";
    return Math.max(0, fraction.length - Number(exponent));
  };
  const divisorDecimals = decimals(divisor);
  const [mantissa = "", exponent = "0"] = String(divisor).split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction) * 10n ** BigInt(Math.max(0, -scale));
  return (v) => {
    const quotient = v / divisor;
    if (Number.isInteger(quotient)) return true;
    if (!Number.isFinite(quotient)) return Number.isInteger(v) && (BigInt(v) * 10n ** BigInt(Math.max(0, scale))) % digits === 0n;
    const factor = 10 ** Math.max(divisorDecimals, decimals(v));
    const a = Math.round(v * factor);
    const b = Math.round(divisor * factor);
    return Number.isSafeInteger(a) && Number.isSafeInteger(b) && b !== 0 && a % b === 0;
  };
}`,
  },
  $isDate: {
    uses: [],
    code: `function $validDate(y/*: number*/, m/*: number*/, d/*: number*/)/*: boolean*/ {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}
/** RFC 3339 full-date. */
function $isDate(s/*: string*/)/*: boolean*/ {
  const m = /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(s);
  return m !== null && $validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}`,
  },
  $isTime: {
    uses: [],
    code: `/** RFC 3339 full-time (offset required; a leap second only at 23:59:60 UTC). */
function $isTime(s/*: string*/)/*: boolean*/ {
  const m = /^(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:[Zz]|([+-])(\\d{2}):(\\d{2}))$/.exec(s);
  if (m === null) return false;
  const hour = Number(m[1]), minute = Number(m[2]), second = Number(m[3]);
  const offsetHour = Number(m[5] ?? 0), offsetMinute = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return false;
  if (second < 60) return true;
  const sign = m[4] === "-" ? -1 : 1;
  const utc = (((hour * 60 + minute - sign * (offsetHour * 60 + offsetMinute)) % 1440) + 1440) % 1440;
  return utc === 23 * 60 + 59;
}`,
  },
  $isDateTime: {
    uses: ["$isDate", "$isTime"],
    code: `/** RFC 3339 date-time (T and Z case-insensitive, offset required). */
function $isDateTime(s/*: string*/)/*: boolean*/ {
  const t = s.search(/[Tt]/);
  return t === 10 && $isDate(s.slice(0, 10)) && $isTime(s.slice(11));
}`,
  },
  $isUuid: {
    uses: [],
    code: `function $isUuid(s/*: string*/)/*: boolean*/ {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s);
}`,
  },
  $isIpv4: {
    uses: [],
    code: `/** Dotted quad without leading zeros (RFC 2673 section 3.2). */
function $isIpv4(s/*: string*/)/*: boolean*/ {
  return /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/.test(s);
}`,
  },
  $isIpv6: {
    uses: ["$isIpv4"],
    code: `/** RFC 4291 text form, including "::" compression and a trailing dotted quad; no zone identifier. */
function $isIpv6(s/*: string*/)/*: boolean*/ {
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const groups = (part/*: string*/)/*: string[]*/ => (part === "" ? [] : part.split(":"));
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  const all = [...head, ...tail];
  let words = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes(".")) {
    if (!$isIpv4(last)) return false;
    all.pop();
    words += 1;
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? words <= 7 : words === 8;
}`,
  },
  $isEmail: {
    uses: ["$isIpv4", "$isIpv6"],
    code: `/** RFC 5321 Mailbox: dot-string or quoted local part; hostname or address-literal domain. */
function $isEmail(s/*: string*/)/*: boolean*/ {
  const at = s.lastIndexOf("@");
  if (at <= 0) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  const atom = "[A-Za-z0-9!#$%&'*+\\\\-/=?^_\`{|}~]+";
  const localOk =
    new RegExp("^" + atom + "(?:\\\\." + atom + ")*$").test(local) ||
    /^"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"$/.test(local);
  if (!localOk) return false;
  if (domain.startsWith("[") && domain.endsWith("]")) {
    const literal = domain.slice(1, -1);
    return literal.startsWith("IPv6:") ? $isIpv6(literal.slice(5)) : $isIpv4(literal);
  }
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(domain);
}`,
  },
  $isUri: {
    uses: ["$isIpv6", "$uriPattern"],
    code: `/** RFC 3986 URI (absolute: a scheme is required; a fragment is allowed). */
function $isUri(s/*: string*/)/*: boolean*/ {
  const m = $uriPattern.exec(s);
  if (m === null) return false;
  const literal = m[1];
  return literal === undefined || $isIpv6(literal) || /^v[0-9a-fA-F]+\\.[A-Za-z0-9\\-._~!$&'()*+,;=:]+$/.test(literal);
}`,
  },
  $uriPattern: {
    uses: [],
    code: `const $uriPattern = /* @__PURE__ */ (() => {
  const pct = "%[0-9A-Fa-f]{2}";
  const unreserved = "A-Za-z0-9\\\\-._~";
  const subDelims = "!$&'()*+,;=";
  const pchar = "(?:[" + unreserved + subDelims + ":@]|" + pct + ")";
  const userinfo = "(?:[" + unreserved + subDelims + ":]|" + pct + ")*";
  const regName = "(?:[" + unreserved + subDelims + "]|" + pct + ")*";
  const host = "(?:\\\\[([^\\\\]]*)\\\\]|" + regName + ")";
  const authority = "(?:" + userinfo + "@)?" + host + "(?::[0-9]*)?";
  const segment = pchar + "*";
  const path = "(?://" + authority + "(?:/" + segment + ")*|/(?:" + pchar + "+(?:/" + segment + ")*)?|" + pchar + "+(?:/" + segment + ")*|)";
  const tail = "(?:[/?]|" + pchar + ")*";
  return new RegExp("^[A-Za-z][A-Za-z0-9+\\\\-.]*:" + path + "(?:\\\\?" + tail + ")?(?:#" + tail + ")?$");
})();`,
  },
  $typeOf: {
    uses: [],
    code: `function $typeOf(v/*: unknown*/)/*: string*/ {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}`,
  },
  $byType: {
    uses: ["$typeOf", "$check"],
    code: `/** Applies type-specific keywords of a schema without \`type\` only to instances of that type. */
function $byType(branches/*: Partial<Record<string, z.ZodType>>*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    const schema = branches[$typeOf(v)];
    if (schema !== undefined) $check(ctx, schema, v, []);
  };
}`,
  },
  $not: {
    uses: ["$issue"],
    code: `function $not(schema/*: z.ZodType*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    if (schema.safeParse(v).success) $issue(ctx, "Must not match the schema in \`not\`", [], v);
  };
}`,
  },
  $ifThenElse: {
    uses: ["$check"],
    code: `function $ifThenElse(condition/*: z.ZodType*/, then/*: z.ZodType | undefined*/, otherwise/*: z.ZodType | undefined*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    const branch = condition.safeParse(v).success ? then : otherwise;
    if (branch !== undefined) $check(ctx, branch, v, []);
  };
}`,
  },
  $contains: {
    uses: ["$issue"],
    code: `function $contains(schema/*: z.ZodType*/, min/*: number*/, max/*: number*/)/*: (v: readonly unknown[], ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    let n = 0;
    for (const item of v) if (schema.safeParse(item).success) n++;
    if (n < min) $issue(ctx, min === 1 ? "Must contain an item matching \`contains\`" : "Must contain at least " + min + " items matching \`contains\`", [], v);
    else if (n > max) $issue(ctx, "Must contain at most " + max + " items matching \`contains\`", [], v);
  };
}`,
  },
  $properties: {
    uses: ["$isObject", "$check", "$issue"],
    code: `/**
 * Object keywords Zod's object shape cannot express exactly: names that exist on Object.prototype
 * (\`__proto__\`, \`constructor\`, ...), patternProperties, additionalProperties next to them, propertyNames.
 */
function $properties(spec/*: {
  own?: ReadonlyArray<readonly [string, z.ZodType, boolean]>;
  declared?: ReadonlySet<string>;
  patterns?: ReadonlyArray<readonly [RegExp, z.ZodType]>;
  additional?: z.ZodType | false;
  names?: z.ZodType;
}*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    if (!$isObject(v)) return;
    for (const [key, schema, required] of spec.own ?? []) {
      if (Object.hasOwn(v, key)) $check(ctx, schema, v[key], [key]);
      else if (required) $issue(ctx, "Missing required property \\"" + key + "\\"", [key], undefined);
    }
    if (spec.patterns === undefined && spec.additional === undefined && spec.names === undefined) return;
    for (const key of Object.keys(v)) {
      if (spec.names !== undefined) $check(ctx, spec.names, key, [key]);
      let matched = false;
      for (const [pattern, schema] of spec.patterns ?? []) {
        if (pattern.test(key)) {
          matched = true;
          $check(ctx, schema, v[key], [key]);
        }
      }
      if (matched || spec.additional === undefined || spec.declared?.has(key)) continue;
      if (spec.additional === false) $issue(ctx, "Unexpected property \\"" + key + "\\"", [key], v[key]);
      else $check(ctx, spec.additional, v[key], [key]);
    }
  };
}`,
  },
  $dependentRequired: {
    uses: ["$isObject", "$issue"],
    code: `function $dependentRequired(rules/*: Record<string, readonly string[]>*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    if (!$isObject(v)) return;
    for (const [key, needed] of Object.entries(rules)) {
      if (!Object.hasOwn(v, key)) continue;
      for (const other of needed) if (!Object.hasOwn(v, other)) $issue(ctx, "Property \\"" + other + "\\" is required when \\"" + key + "\\" is present", [other], undefined);
    }
  };
}`,
  },
  $dependentSchemas: {
    uses: ["$isObject", "$check"],
    code: `function $dependentSchemas(rules/*: ReadonlyArray<readonly [string, z.ZodType]>*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    if (!$isObject(v)) return;
    for (const [key, schema] of rules) if (Object.hasOwn(v, key)) $check(ctx, schema, v, []);
  };
}`,
  },
  $evaluated: {
    uses: ["$isObject"],
    code: `/** Which properties / items of an instance the in-place applicators of a schema evaluated (JSON Schema 2020-12, section 11). */
/** A schema, or the compiled check of the fast path. */
type $Test = z.ZodType | ((v: unknown) => boolean);
function $passes(test/*: $Test*/, v/*: unknown*/)/*: boolean*/ {
  return typeof test === "function" ? test(v) : test.safeParse(v).success;
}
interface $Evaluation {
  all?: boolean;
  keys?: readonly string[];
  patterns?: readonly RegExp[];
  items?: number;
  allItems?: boolean;
  contains?: ReadonlyArray<$Test>;
  when?: ReadonlyArray<readonly [$Test, $Evaluation]>;
  conditional?: ReadonlyArray<readonly [$Test, $Evaluation, $Evaluation | undefined, $Evaluation | undefined]>;
  dependent?: ReadonlyArray<readonly [string, $Evaluation]>;
}
interface $Seen {
  keys: Set<string>;
  patterns: RegExp[];
  items: number;
  indexes: Set<number>;
  allKeys: boolean;
  allItems: boolean;
}
function $evaluated(e/*: $Evaluation*/, v/*: unknown*/, seen/*: $Seen*/)/*: void*/ {
  if (e.all) seen.allKeys = true;
  if (e.keys) for (const key of e.keys) seen.keys.add(key);
  if (e.patterns) seen.patterns.push(...e.patterns);
  if (e.items !== undefined && e.items > seen.items) seen.items = e.items;
  if (e.allItems) seen.allItems = true;
  if (e.contains && Array.isArray(v)) {
    for (const schema of e.contains) v.forEach((item, i) => { if ($passes(schema, item)) seen.indexes.add(i); });
  }
  if (e.when) for (const [schema, inner] of e.when) if ($passes(schema, v)) $evaluated(inner, v, seen);
  if (e.conditional) {
    for (const [condition, inner, then, otherwise] of e.conditional) {
      if ($passes(condition, v)) {
        $evaluated(inner, v, seen);
        if (then) $evaluated(then, v, seen);
      } else if (otherwise) $evaluated(otherwise, v, seen);
    }
  }
  if (e.dependent && $isObject(v)) for (const [key, inner] of e.dependent) if (Object.hasOwn(v, key)) $evaluated(inner, v, seen);
}
function $seen(e/*: $Evaluation*/, v/*: unknown*/)/*: $Seen*/ {
  const seen/*: $Seen*/ = { keys: new Set(), patterns: [], items: 0, indexes: new Set(), allKeys: false, allItems: false };
  $evaluated(e, v, seen);
  return seen;
}`,
  },
  $unevaluatedProperties: {
    uses: ["$evaluated", "$isObject", "$issue", "$check"],
    code: `/** \`unevaluatedProperties\`; with \`odata\`, the strict mode's closed world that still admits \`@odata.*\` annotations. */
function $unevaluatedProperties(e/*: $Evaluation*/, schema/*: z.ZodType | false*/, odata/*: boolean*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    if (!$isObject(v)) return;
    const seen = $seen(e, v);
    if (seen.allKeys) return;
    for (const key of Object.keys(v)) {
      if (seen.keys.has(key) || seen.patterns.some((p) => p.test(key))) continue;
      if (odata && key.startsWith("@odata.")) continue;
      if (schema === false) $issue(ctx, "Unexpected property \\"" + key + "\\"", [key], v[key]);
      else $check(ctx, schema, v[key], [key]);
    }
  };
}`,
  },
  $unevaluatedItems: {
    uses: ["$evaluated", "$issue", "$check"],
    code: `function $unevaluatedItems(e/*: $Evaluation*/, schema/*: z.ZodType | false*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    if (!Array.isArray(v)) return;
    const seen = $seen(e, v);
    if (seen.allItems) return;
    for (let i = seen.items; i < v.length; i++) {
      if (seen.indexes.has(i)) continue;
      if (schema === false) $issue(ctx, "Unexpected item at index " + i, [i], v[i]);
      else $check(ctx, schema, v[i], [i]);
    }
  };
}`,
  },
  $discriminator: {
    uses: ["$isObject", "$issue", "$check"],
    code: `/**
 * OpenAPI \`discriminator\`: the property value selects the schema (via \`mapping\` or the component name), whose issues
 * are reported with their paths; \`oneOf\` still requires that no other alternative matches.
 */
function $discriminator(property/*: string*/, mapping/*: Record<string, z.ZodType>*/, alternatives/*: readonly z.ZodType[]*/, exclusive/*: boolean*/)/*: (v: unknown, ctx: z.RefinementCtx) => void*/ {
  return (v, ctx) => {
    if (!$isObject(v)) {
      $issue(ctx, "Expected an object", [], v);
      return;
    }
    const tag = v[property];
    const selected = typeof tag === "string" && Object.hasOwn(mapping, tag) ? mapping[tag] : undefined;
    if (selected === undefined) {
      $issue(ctx, "Expected \\"" + property + "\\" to be one of " + Object.keys(mapping).map((k) => JSON.stringify(k)).join(", "), [property], tag);
      return;
    }
    if (!$check(ctx, selected, v, [])) return;
    const matches = alternatives.filter((s) => s === selected || s.safeParse(v).success).length;
    if (exclusive ? matches !== 1 : matches === 0) {
      $issue(ctx, exclusive ? "Must match exactly one schema in \`oneOf\` (matches " + matches + ")" : "Must match a schema in \`anyOf\`", [], v);
    }
  };
}`,
  },
};

Object.assign(helpers, {
  $withFastPath: {
    uses: [],
    code: `/**
 * Answers \`safeParse\`/\`parse\` from the compiled check when the input is valid (returning the input itself,
 * unchanged) and runs the Zod schema, for its issues and their paths, only when it is not.
 */
function $withFastPath/*ts <T>*/(schema/*: T*/, test/*: (v: any) => boolean*/)/*: T*/ {
  const target = schema/*as any*/;
  const safeParse = target.safeParse;
  const parse = target.parse;
  target.safeParse = (data/*: unknown*/, params/*: any*/) => (test(data) ? { success: true, data } : safeParse(data, params));
  target.parse = (data/*: unknown*/, params/*: any*/) => (test(data) ? data : parse(data, params));
  return schema;
}`,
  },
  $closedOk: {
    uses: ["$isObject"],
    code: `/** Strict mode with statically known properties: every key is declared, matches a pattern, or is \`@odata.*\`. */
function $closedOk(v/*: any*/, keys/*: ReadonlySet<string>*/, patterns/*: readonly RegExp[]*/)/*: boolean*/ {
  if (!$isObject(v)) return true;
  for (const key in v) {
    if (keys.has(key) || key.startsWith("@odata.")) continue;
    if (patterns.length === 0 || !patterns.some((p) => p.test(key))) return false;
  }
  return true;
}`,
  },
  $everyItem: {
    uses: [],
    code: `function $everyItem(items/*: any[]*/, from/*: number*/, test/*: (v: any) => boolean*/)/*: boolean*/ {
  for (let i = from; i < items.length; i++) if (!test(items[i])) return false;
  return true;
}`,
  },
  $containsCount: {
    uses: [],
    code: `function $containsCount(items/*: any[]*/, test/*: (v: any) => boolean*/, min/*: number*/, max/*: number*/)/*: boolean*/ {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n >= min && n <= max;
}`,
  },
  $keysOk: {
    uses: [],
    code: `function $keysOk(
  v/*: any*/,
  declared/*: ReadonlySet<string>*/,
  patterns/*: ReadonlyArray<readonly [RegExp, (v: any) => boolean]>*/,
  additional/*: ((v: any) => boolean) | false | undefined*/,
  names/*: ((v: any) => boolean) | undefined*/,
)/*: boolean*/ {
  for (const key of Object.keys(v)) {
    if (names !== undefined && !names(key)) return false;
    let matched = false;
    for (const [pattern, test] of patterns) {
      if (pattern.test(key)) {
        matched = true;
        if (!test(v[key])) return false;
      }
    }
    if (matched || additional === undefined || declared.has(key)) continue;
    if (additional === false || !additional(v[key])) return false;
  }
  return true;
}`,
  },
  $unevaluatedPropertiesOk: {
    uses: ["$evaluated", "$isObject"],
    code: `function $unevaluatedPropertiesOk(e/*: $Evaluation*/, v/*: any*/, test/*: ((v: any) => boolean) | false*/, odata/*: boolean*/)/*: boolean*/ {
  if (!$isObject(v)) return true;
  const seen = $seen(e, v);
  if (seen.allKeys) return true;
  for (const key of Object.keys(v)) {
    if (seen.keys.has(key) || seen.patterns.some((p) => p.test(key))) continue;
    if (odata && key.startsWith("@odata.")) continue;
    if (test === false || !test(v[key])) return false;
  }
  return true;
}`,
  },
  $unevaluatedItemsOk: {
    uses: ["$evaluated"],
    code: `function $unevaluatedItemsOk(e/*: $Evaluation*/, v/*: any*/, test/*: ((v: any) => boolean) | false*/)/*: boolean*/ {
  if (!Array.isArray(v)) return true;
  const seen = $seen(e, v);
  if (seen.allItems) return true;
  for (let i = seen.items; i < v.length; i++) {
    if (seen.indexes.has(i)) continue;
    if (test === false || !test(v[i])) return false;
  }
  return true;
}`,
  },
});

/** Every helper needed to emit `names`, dependencies first, each once. */
export function helperClosure(names: Iterable<string>): string[] {
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    const helper = helpers[name];
    if (helper === undefined) throw new Error(`Unknown runtime helper ${name}`);
    for (const dependency of helper.uses) visit(dependency);
    ordered.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return ordered;
}

/** Renders helper source for the target language. */
export function renderHelper(code: string, language: "ts" | "js"): string {
  if (language === "ts") {
    return code
      .replace(/\/\*ts ([\s\S]*?)\*\//g, "$1")
      .replace(/\/\*as ([^*]*(?:\*(?!\/)[^*]*)*)\*\//g, " as $1")
      .replace(/\/\*: ([\s\S]*?)\*\//g, ": $1");
  }
  return code
    .replace(/\/\*ts [\s\S]*?\*\//g, "")
    .replace(/\/\*as [\s\S]*?\*\//g, "")
    .replace(/\/\*: [\s\S]*?\*\//g, "")
    .replace(/^interface \$\w+ \{[\s\S]*?^\}\n?/gm, "")
    .replace(/^type \$\w+ = [^\n]*\n/gm, "");
}
