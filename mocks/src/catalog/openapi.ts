/**
 * The few OpenAPI helpers the mock needs on top of `scripts/lib/openapi-walk.ts` (which the spec tests
 * already use to walk bundles): following `$ref` chains while remembering where the target lives, so that
 * ajv can compile a schema by JSON pointer inside the provider's document instead of copying it.
 */
import { isObject, resolvePointer, type Json, type JsonObject } from '../../../scripts/lib/openapi-walk.js';

export { isObject, type Json, type JsonObject };

interface Located<T> {
  value: T;
  /** JSON pointer of `value` inside the document (`#/components/responses/Unauthorized`). */
  pointer: string;
}

/** Escapes one JSON-pointer segment (`/api/operations/{id}` → `~1api~1operations~1{id}`). */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(pointer: string, ...keys: (string | number)[]): string {
  return keys.reduce<string>((at, key) => `${at}/${pointerSegment(String(key))}`, pointer);
}

/**
 * Follows `$ref` until a value that is not a reference. Bundles only hold local references; a chain
 * (a response that refers to a response) is followed to its end, a cycle is an error.
 */
export function follow(doc: JsonObject, value: Json | undefined, pointer: string): Located<Json | undefined> {
  let current: Located<Json | undefined> = { value, pointer };
  const seen = new Set<string>();
  while (isObject(current.value) && typeof current.value.$ref === 'string') {
    const ref = current.value.$ref;
    if (seen.has(ref)) throw new Error(`$ref cycle at ${ref}`);
    seen.add(ref);
    current = { value: resolvePointer(doc, ref), pointer: ref };
  }
  return current;
}

export function followObject(doc: JsonObject, value: Json | undefined, pointer: string): Located<JsonObject> | undefined {
  const found = follow(doc, value, pointer);
  return isObject(found.value) ? { value: found.value, pointer: found.pointer } : undefined;
}

/** A media type without parameters, lower case: `application/json; charset=utf-8` → `application/json`. */
export function bareMediaType(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string): boolean {
  const bare = bareMediaType(mediaType);
  return bare === 'application/json' || bare.endsWith('+json');
}
