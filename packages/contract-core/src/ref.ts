/**
 * The one `$ref` follower of the workspace. Bundles hold only local references (`#/components/...`); a chain
 * of them (a response that refers to a response) is followed to its end, whatever its length, and a cycle
 * fails with an error naming the chain, never a silent stop at some depth.
 */
import { isObject, type Json, type JsonObject } from './json.js';

/** A value and the JSON pointer (`#/components/responses/Unauthorized`) where it lives in its document. */
export interface Located<T> {
  value: T;
  pointer: string;
}

/** Escapes one JSON-pointer segment (RFC 6901): `/api/operations/{id}` → `~1api~1operations~1{id}`. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `childPointer('#/paths', '/a', 'get')` → `#/paths/~1a/get`. */
export function childPointer(pointer: string, ...keys: (string | number)[]): string {
  return keys.reduce<string>((at, key) => `${at}/${pointerSegment(String(key))}`, pointer);
}

/** The segments of a `#/…` pointer, unescaped (percent-encoding too, as a URI fragment may carry it). */
export function pointerSegments(ref: string): string[] {
  if (ref === '#' || ref === '') return [];
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported in a bundle, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((raw) => {
      let segment = raw;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        // not percent-encoded: taken as written
      }
      return segment.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/** The value at a local pointer (`#/components/schemas/Person`), or `undefined` when nothing is there. */
export function resolvePointer(doc: JsonObject, ref: string): Json | undefined {
  let current: Json | undefined = doc;
  for (const key of pointerSegments(ref)) {
    current = Array.isArray(current) ? current[Number(key)] : isObject(current) ? current[key] : undefined;
  }
  return current;
}

/** Thrown for a reference cycle (`A → B → A`): following it would never end. */
export class RefCycleError extends Error {
  constructor(readonly chain: readonly string[]) {
    super(`$ref cycle: ${chain.join(' → ')}`);
    this.name = 'RefCycleError';
  }
}

/**
 * Follows `$ref` from `value` (found at `pointer`) until a value that is not a reference, and says where
 * that value lives. Throws {@link RefCycleError} on a cycle.
 */
export function follow(doc: JsonObject, value: Json | undefined, pointer = '#'): Located<Json | undefined> {
  let current: Located<Json | undefined> = { value, pointer };
  const chain: string[] = [];
  while (isObject(current.value) && typeof current.value.$ref === 'string') {
    const ref = current.value.$ref;
    if (chain.includes(ref)) throw new RefCycleError([...chain, ref]);
    chain.push(ref);
    current = { value: resolvePointer(doc, ref), pointer: ref };
  }
  return current;
}

/** {@link follow}, when the caller only needs an object (anything else is `undefined`). */
export function followObject(doc: JsonObject, value: Json | undefined, pointer = '#'): Located<JsonObject> | undefined {
  const found = follow(doc, value, pointer);
  return isObject(found.value) ? { value: found.value, pointer: found.pointer } : undefined;
}

/** {@link follow}, value only. */
export function deref(doc: JsonObject, value: Json | undefined): Json | undefined {
  return follow(doc, value).value;
}
