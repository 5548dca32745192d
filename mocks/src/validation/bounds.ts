/**
 * Bounded work per request, whatever the body: a JSON body nested deeper than {@link MAX_DEPTH} is refused as
 * malformed before anything recursive (ajv, the error builders) sees it — 100k levels would overflow the
 * stack — and at most {@link MAX_VIOLATIONS} violations are reported, so that a body with 100k unexpected
 * keys gets a small error answer, built in little time, instead of megabytes that stall other requests.
 */

/** Deepest nesting of arrays and objects accepted in a JSON body. */
export const MAX_DEPTH = 128;
/** Most violations reported for one request (ajv errors considered, too). */
export const MAX_VIOLATIONS = 20;

/**
 * Whether the JSON text in `bytes` nests arrays/objects deeper than `max` levels: one pass over the bytes,
 * brackets inside strings ignored, before `JSON.parse` spends time on it. Malformed text is left to the parser.
 */
export function jsonNestedDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return false;
}

/** The first {@link MAX_VIOLATIONS} of `items`. */
export function bounded<T>(items: readonly T[]): T[] {
  return items.length > MAX_VIOLATIONS ? items.slice(0, MAX_VIOLATIONS) : [...items];
}
