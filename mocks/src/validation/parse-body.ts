/**
 * Turns body bytes into a value by the media type the client declared: JSON (optionally with the `//` and
 * `/* *\/` comments and trailing commas that Newtonsoft.Json accepts, for providers whose documents send
 * them), URL-encoded forms, or text. An unparseable body is reported, not thrown.
 */
import { bareMediaType, isJsonMediaType } from '../catalog/openapi.js';
import { MAX_DEPTH, MAX_LISTED_VALUES, scanJson } from './bounds.js';
import type { ParsedBody } from './request-validator.js';

export type ParseResult = { ok: true; body: ParsedBody } | { ok: false; mediaType: string; reason: string };

/** Copies a JSON string literal starting at `start` (a `"`); returns the index after it. */
function skipString(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Removes comments, then trailing commas, never touching the inside of strings. */
function stripJsonComments(text: string): string {
  let uncommented = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') {
      const end = skipString(text, i);
      uncommented += text.slice(i, end);
      i = end;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      uncommented += char;
      i++;
    }
  }
  let out = '';
  i = 0;
  while (i < uncommented.length) {
    const char = uncommented[i] as string;
    if (char === '"') {
      const end = skipString(uncommented, i);
      out += uncommented.slice(i, end);
      i = end;
      continue;
    }
    if (char === ',') {
      let next = i + 1;
      while (next < uncommented.length && /\s/.test(uncommented[next] as string)) next++;
      if (uncommented[next] === '}' || uncommented[next] === ']') {
        i++;
        continue;
      }
    }
    out += char;
    i++;
  }
  return out;
}

export function parseBody(bytes: Buffer, contentType: string | undefined, lenientJson: boolean): ParseResult {
  const mediaType = bareMediaType(contentType ?? '');
  const text = bytes.toString('utf8');
  if (isJsonMediaType(mediaType)) {
    // Refused before parsing: 100k levels would overflow the stack of whatever walks the value recursively.
    const shape = scanJson(bytes, MAX_DEPTH);
    if (shape.tooDeep) return { ok: false, mediaType, reason: `JSON nested deeper than ${MAX_DEPTH} levels` };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      try {
        if (!lenientJson) throw error;
        value = JSON.parse(stripJsonComments(text));
      } catch {
        // the original error points at the real problem
        return { ok: false, mediaType, reason: error instanceof Error ? error.message : String(error) };
      }
    }
    return { ok: true, body: shape.values > MAX_LISTED_VALUES ? { mediaType, value, large: true } : { mediaType, value } };
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    const form: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      const previous = form[key];
      form[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    }
    return { ok: true, body: { mediaType, value: form } };
  }
  return { ok: true, body: { mediaType, value: text } };
}
