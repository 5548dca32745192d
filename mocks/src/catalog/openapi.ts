/**
 * What the mock reads contracts with: the workspace's one `$ref` follower and JSON helpers
 * (`@credit-apis/contract-core`), re-exported for the mock's files, plus media-type helpers.
 */
export {
  childPointer,
  follow,
  followObject,
  isObject,
  pointerSegment,
  type Json,
  type JsonObject,
  type Located,
} from '@credit-apis/contract-core';

/** A media type without parameters, lower case: `application/json; charset=utf-8` → `application/json`. */
export function bareMediaType(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string): boolean {
  const bare = bareMediaType(mediaType);
  return bare === 'application/json' || bare.endsWith('+json');
}
