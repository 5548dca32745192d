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

/** What one pass over a JSON text tells before it is parsed. */
export interface JsonShape {
  /** Nested deeper than the `maxDepth` given (the scan stopped there). */
  tooDeep: boolean;
  /** Members and items, at all levels (about: separators counted), up to where the scan stopped. */
  values: number;
}

/**
 * One pass over the bytes of a JSON text, brackets and separators inside strings ignored, before `JSON.parse`
 * spends time on it: how deep it nests and how many values it holds. Malformed text is left to the parser.
 */
export function scanJson(bytes: Uint8Array, maxDepth: number): JsonShape {
  let depth = 0;
  let separators = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x2c) separators++;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > maxDepth) return { tooDeep: true, values: separators };
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return { tooDeep: false, values: separators + 1 };
}

/** The first {@link MAX_VIOLATIONS} of `items`. */
export function bounded<T>(items: readonly T[]): T[] {
  return items.length > MAX_VIOLATIONS ? items.slice(0, MAX_VIOLATIONS) : [...items];
}

/**
 * Past this many values (members and items, all levels), a JSON body is checked only up to its first error:
 * listing every error of 100k unexpected keys takes ajv long enough to stall the other requests.
 */
export const MAX_LISTED_VALUES = 10_000;
