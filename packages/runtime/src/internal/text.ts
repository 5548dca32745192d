/** Small text helpers shared by the runtime. @internal */

/** Base64 of the UTF-8 bytes of `text` (no Buffer: works wherever fetch does). */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The result of reading a body as JSON. */
export type JsonParse = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'invalid'; error: unknown };

/** Parses a body: empty (or whitespace only), JSON, or invalid. */
export function parseJsonBody(text: string): JsonParse {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'invalid', error };
  }
}

/** `text` cut to `max` characters, on one line. */
export function snippet(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** A top-level string/number field of a JSON object, as a string. */
export function topLevelField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' || typeof found === 'number' ? String(found) : undefined;
}

/** What a failed fetch says, with its cause (undici's `fetch failed` hides the reason: `connect ECONNREFUSED …`). */
export function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}
