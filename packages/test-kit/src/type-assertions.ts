/** Type-level assertions for the `*.typecheck.ts` type tests (checked by the root `tsc`, never run). */

/** `true` when `A` and `B` are the same type (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when `T` is `true`: `assertType<Equal<typeof x, Expected>>()`. */
export function assertType<T extends true>(): T | undefined {
  return undefined;
}

/**
 * `true` when each of `A` and `B` is assignable to the other: for result types, which openapi-fetch rebuilds
 * (`Readable<…>`) into a type of the same shape that `Equal` tells apart.
 */
export type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
