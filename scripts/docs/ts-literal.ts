/**
 * Prints a JSON value as a TypeScript object literal the way a person would write it in a code sample:
 * unquoted keys where they are identifiers, single-quoted strings, two-space indentation. Plain
 * `JSON.stringify` would compile too, but quoted keys make every sample look machine-made.
 */
import type { Json } from '@credit-apis/contract-core';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function tsKey(key: string): string {
  return IDENTIFIER.test(key) ? key : tsString(key);
}

export function tsString(value: string): string {
  // JSON escapes are valid TypeScript escapes; only the quote style changes.
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** `indent` is the indentation of the line the literal starts on; nested lines get two more spaces. */
export function tsLiteral(value: Json, indent = ''): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string') return tsString(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${tsLiteral(item, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${tsKey(key)}: ${tsLiteral(item, inner)},`).join('\n')}\n${indent}}`;
}
