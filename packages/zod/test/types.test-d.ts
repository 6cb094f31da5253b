import type { components } from "@graph-recording/types";
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import type { requestSchemas, schemas, strictRequestSchemas, strictSchemas } from "../src/index.js";

/** Object types without index signatures: open-mode objects admit undeclared properties as `[key: string]: unknown`. */
type Declared<T> = T extends readonly (infer E)[]
  ? Declared<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Declared<T[K]> }
    : T;

/** The same set of values: each type is assignable to the other. */
type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * openapi-typescript makes a property with a `default` required (its `defaultNonNullable`); a validator never
 * fills defaults in, so for it such a property stays optional. These are the spec's defaulted properties.
 */
type Defaulted = {
  recordResponsePostRequestBody:
    | "bargeInAllowed"
    | "initialSilenceTimeoutInSeconds"
    | "maxSilenceTimeoutInSeconds"
    | "maxRecordDurationInSeconds"
    | "playBeep";
};
type WithDefaultsOptional<K, T> = K extends keyof Defaulted
  ? Omit<T, Defaulted[K]> & Partial<Pick<T, Defaulted[K] & keyof T>>
  : T;

type Schemas = components["schemas"];
type Ours<R extends Record<string, z.ZodType>> = { [K in keyof R]: Declared<z.output<R[K]>> };
type Theirs<Normalized extends boolean> = {
  [K in keyof Schemas]: Declared<
    Normalized extends true ? WithDefaultsOptional<K, Schemas[K]> : Schemas[K]
  >;
};
/** Components whose output type differs, with both types side by side (an empty object when all agree). */
type Disagreements<R extends Record<string, z.ZodType>, Normalized extends boolean = true> = {
  [K in keyof Schemas as K extends keyof R
    ? Agree<Ours<R>[K], Theirs<Normalized>[K]> extends true
      ? never
      : K
    : K]: [Ours<R>[K & keyof R], Theirs<Normalized>[K]];
};

describe("z.infer of the generated validators agrees with @graph-recording/types", () => {
  it("covers the same components in all four records", () => {
    expectTypeOf<keyof typeof schemas>().toEqualTypeOf<keyof Schemas>();
    expectTypeOf<keyof typeof strictSchemas>().toEqualTypeOf<keyof Schemas>();
    expectTypeOf<keyof typeof requestSchemas>().toEqualTypeOf<keyof Schemas>();
    expectTypeOf<keyof typeof strictRequestSchemas>().toEqualTypeOf<keyof Schemas>();
  });

  it("open response validators: every component's output type equals the openapi-typescript type", () => {
    expectTypeOf<Disagreements<typeof schemas>>().toEqualTypeOf<Record<never, never>>();
  });

  it("strict response validators infer the same types", () => {
    expectTypeOf<Disagreements<typeof strictSchemas>>().toEqualTypeOf<Record<never, never>>();
  });

  it("differs only in the defaulted properties, which validators keep optional", () => {
    expectTypeOf<keyof Disagreements<typeof schemas, false>>().toEqualTypeOf<keyof Defaulted>();
  });
});
